import { botMessages } from '../../messages/common-messages.js';
import { helpText } from '../../messages/help-messages.js';
import { redeemInvite } from '../../services/invite.service.js';
import { ChatComposer } from '../chat-composer.js';
import { commandArgs, senderId, senderName } from './command-args.js';

/** `/start [code]`: join with an invite code, or be greeted again. */
export const startFeature = new ChatComposer();

startFeature.command('start', async (ctx) => {
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
      platformUserId: senderId(ctx),
      displayName: name,
      code,
    },
    deps.clock,
  );
  if (!result.ok) {
    await deps.reply(botMessages.inviteRefused(result.reason));
    return;
  }
  await deps.reply(
    `${botMessages.welcome(name, result.member.role, result.unit.name, deps.campaign.settings.name)}\n\n` +
      helpText(result.member.role, result.unit.name),
  );
});
