import { botMessages } from '../../messages/common-messages.js';
import { commandMenu } from '../../messages/command-menu-messages.js';
import { channelWording } from '../../messages/channel-wording.js';
import { helpText } from '../../messages/help-messages.js';
import { nationalMessages } from '../../messages/national-messages.js';
import { redeemInvite } from '../../services/invite.service.js';
import { findActiveNationalLeader, redeemNationalInvite } from '../../services/national.service.js';
import { ChatComposer } from '../chat-composer.js';
import type { ChatContext } from '../chat-context.js';
import { inviteGuessingAlertMessages } from './invite-guessing-alert.js';
import { commandArgs, senderId, senderName } from './command-args.js';

/**
 * `/start [code]`: join with an invite code, or be greeted again. The welcome carries the help, so it
 * needs to know, as /trogiup does, whether the web side is on.
 */
export function startFeature(options: { webSide: boolean }): ChatComposer {
  const feature = new ChatComposer();
  feature.command('start', (ctx) => start(ctx, options.webSide));
  return feature;
}

async function start(ctx: ChatContext, webSide: boolean): Promise<void> {
  const deps = ctx.sohoa;
  if (ctx.message.chat.kind !== 'private') {
    await deps.reply(botMessages.groupHello);
    return;
  }
  const code = commandArgs(ctx);
  const name = senderName(ctx);
  if (!code) {
    const { member, unit } = deps;
    if (member?.active && unit) {
      await deps.reply(botMessages.welcomeBack(name, member.role, unit.name));
    } else if (await findActiveNationalLeader(deps.db, deps.platform, senderId(ctx))) {
      await deps.reply(nationalMessages.welcomeBack(name));
    } else {
      await deps.reply(botMessages.joinHowTo);
    }
    return;
  }
  // A national leader's code is tried first: it belongs to no campaign, so the campaign's invites
  // would only count it as a wrong guess.
  const national = await redeemNationalInvite(
    deps.db,
    { platform: deps.platform, platformUserId: senderId(ctx), displayName: name, code },
    deps.clock,
  );
  if (national.kind === 'joined') {
    await deps.reply(nationalMessages.welcome(name, deps.campaigns.length));
    return;
  }
  if (national.kind === 'refused') {
    await deps.reply(nationalMessages.refused(national.reason));
    return;
  }
  const result = await redeemInvite(
    deps.db,
    {
      campaignId: deps.campaign.id,
      platform: deps.platform,
      platformUserId: senderId(ctx),
      displayName: name,
      code,
    },
    deps.clock,
  );
  if (!result.ok) {
    await deps.reply(botMessages.inviteRefused(result.reason));
    await deps.enqueue(inviteGuessingAlertMessages(result.alert, deps.campaign.settings.timeZone));
    return;
  }
  await deps.reply(
    `${botMessages.welcome(name, result.member.role, result.unit.name, deps.campaign.settings.name)}\n\n` +
      helpText(result.member.role, result.unit.name, channelWording(deps.limits, { webSide })),
  );
  // The person's own command menu follows their role; a neutral outbox row, in this transaction, so a
  // channel with menus (Telegram) sets it when it delivers, and one without simply skips it.
  await deps.enqueue([
    {
      platform: deps.platform,
      chatId: deps.chatId,
      dedupeKey: `${deps.platform}:update:${deps.updateId}:menu`,
      kind: 'menu',
      payload: { commands: commandMenu(result.member.role) },
    },
  ]);
}
