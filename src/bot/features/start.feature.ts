import { Composer } from 'telegraf';
import { redeemInvite } from '../../services/invite.service.js';
import type { SohoaContext } from '../bot-context.js';
import { botMessages } from '../../messages/common-messages.js';
import { helpText } from '../../messages/help-messages.js';
import { commandArgs, displayName } from './command-args.js';

/** `/start [code]`: join with an invite code, or be greeted again. */
export const startFeature = new Composer<SohoaContext>();

startFeature.command('start', async (ctx) => {
  const deps = ctx.sohoa;
  if (ctx.chat.type !== 'private') {
    await deps.reply(botMessages.groupHello);
    return;
  }
  const code = commandArgs(ctx.message.text);
  if (!code) {
    const { member, unit } = deps;
    if (member?.active && unit) {
      await deps.reply(botMessages.welcomeBack(displayName(ctx.from), member.role, unit.name));
    } else {
      await deps.reply(botMessages.joinHowTo);
    }
    return;
  }
  const result = await redeemInvite(
    deps.db,
    {
      campaignId: deps.campaign.id,
      platform: deps.platform,
      platformUserId: String(ctx.from.id),
      displayName: displayName(ctx.from),
      code,
    },
    deps.clock,
  );
  if (!result.ok) {
    await deps.reply(botMessages.inviteRefused(result.reason));
    return;
  }
  const name = displayName(ctx.from);
  await deps.reply(
    `${botMessages.welcome(name, result.member.role, result.unit.name, deps.campaign.settings.name)}\n\n` +
      helpText(result.member.role, result.unit.name),
  );
});
