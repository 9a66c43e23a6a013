import { Composer } from 'telegraf';
import { registerGroupWithInvite } from '../../services/invite.service.js';
import type { SohoaContext } from '../bot-context.js';
import { botMessages } from '../../messages/common-messages.js';
import { commandArgs } from './command-args.js';

/** `/dangky <code>` in a group: registers it as a leadership or coordination group for a scope. */
export const registerGroupFeature = new Composer<SohoaContext>();

registerGroupFeature.command('dangky', async (ctx) => {
  const deps = ctx.sohoa;
  if (ctx.chat.type !== 'group' && ctx.chat.type !== 'supergroup') {
    await deps.reply(botMessages.groupOnly);
    return;
  }
  const code = commandArgs(ctx.message.text);
  if (!code) {
    await deps.reply(botMessages.groupRegisterUsage);
    return;
  }
  const title = ctx.chat.title.normalize('NFC');
  const result = await registerGroupWithInvite(
    deps.db,
    {
      campaignId: deps.campaign.id,
      platform: deps.platform,
      chatId: String(ctx.chat.id),
      title,
      platformUserId: String(ctx.from.id),
      code,
    },
    deps.clock,
  );
  await deps.reply(
    result.ok
      ? botMessages.groupRegistered(title, result.unit.name, result.purpose)
      : botMessages.inviteRefused(result.reason),
  );
});

// The bot added to a group introduces itself, so that someone knows to register it.
registerGroupFeature.on('my_chat_member', async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  const wasOut = ['left', 'kicked'].includes(ctx.myChatMember.old_chat_member.status);
  if (ctx.chat.type !== 'private' && wasOut && (status === 'member' || status === 'administrator')) {
    await ctx.sohoa.reply(botMessages.groupHello);
  }
});
