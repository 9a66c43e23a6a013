import { botMessages } from '../../messages/common-messages.js';
import { registerGroupWithInvite } from '../../services/invite.service.js';
import { ChatComposer } from '../chat-composer.js';
import { inviteGuessingAlertMessages } from './invite-guessing-alert.js';
import { commandArgs, senderId } from './command-args.js';

/** `/dangky <code>` in a group: registers it as a leadership or coordination group for a scope. */
export const registerGroupFeature = new ChatComposer();

registerGroupFeature.command('dangky', async (ctx) => {
  const deps = ctx.sohoa;
  if (ctx.message.chat.kind !== 'group') {
    await deps.reply(botMessages.groupOnly);
    return;
  }
  const code = commandArgs(ctx);
  if (!code) {
    await deps.reply(botMessages.groupRegisterUsage);
    return;
  }
  const title = ctx.message.chat.title ?? '';
  const result = await registerGroupWithInvite(
    deps.db,
    {
      campaignId: deps.campaign.id,
      platform: deps.platform,
      chatId: ctx.message.chat.id,
      title,
      platformUserId: senderId(ctx),
      code,
    },
    deps.clock,
  );
  await deps.reply(
    result.ok
      ? botMessages.groupRegistered(title, result.unit.name, result.purpose)
      : botMessages.inviteRefused(result.reason),
  );
  if (!result.ok) {
    await deps.enqueue(inviteGuessingAlertMessages(result.alert, deps.campaign.settings.timeZone));
  }
});

// The bot added to a group introduces itself, so that someone knows to register it.
registerGroupFeature.on('added_to_group', async (ctx) => {
  await ctx.sohoa.reply(botMessages.groupHello);
});
