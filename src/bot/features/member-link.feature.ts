import { linkMessages } from '../../messages/zalo-messages.js';
import { createLinkCode, looksLikeLinkCode, redeemLinkCode } from '../../services/member-link.service.js';
import { ChatComposer } from '../chat-composer.js';
import type { ChatContext } from '../chat-context.js';
import { commandArgs, senderId, senderName } from './command-args.js';

/**
 * One person on two platforms: `/lienket` shows a short single-use code in one, `/lienket <mã>` (or
 * `/start <mã>`, or «liên kết <mã>») in the other creates their membership there, same unit and role.
 * Private chats only: a code shown in a group could be typed by anyone in it.
 */
export const memberLinkFeature = new ChatComposer();

async function redeem(ctx: ChatContext, code: string): Promise<void> {
  const { db, campaign, clock, platform } = ctx.sohoa;
  const outcome = await redeemLinkCode(
    db,
    { campaignId: campaign.id, platform, platformUserId: senderId(ctx), displayName: senderName(ctx), code },
    clock,
  );
  if (outcome.kind === 'linked') {
    return ctx.sohoa.reply(linkMessages.linked(senderName(ctx), platform, outcome.unit.name));
  }
  const words = {
    unknown: linkMessages.unknown,
    throttled: linkMessages.throttled,
    same_platform: linkMessages.sameChannel,
    already_member: linkMessages.alreadyHere,
    inactive: linkMessages.inactive,
  } as const;
  return ctx.sohoa.reply(words[outcome.reason]);
}

memberLinkFeature.command('lienket', async (ctx) => {
  if (ctx.message.chat.kind !== 'private') return;
  const code = commandArgs(ctx);
  if (code) return redeem(ctx, code);
  const { member, platform } = ctx.sohoa;
  if (!member) return ctx.sohoa.reply(linkMessages.notMember);
  const outcome = await createLinkCode(ctx.sohoa.db, member, ctx.sohoa.clock);
  if (outcome.kind === 'refused') return ctx.sohoa.reply(linkMessages.inactive);
  await ctx.sohoa.reply(linkMessages.code(outcome.code, outcome.minutes, platform));
});

// `/start <link code>`: people use the join command they know; an invite code goes on to /start.
memberLinkFeature.command('start', async (ctx, next) => {
  const code = commandArgs(ctx);
  if (ctx.message.chat.kind !== 'private' || !looksLikeLinkCode(code)) return next();
  return redeem(ctx, code);
});
