import { Composer } from 'telegraf';
import type { SohoaContext } from '../bot-context.js';
import { botMessages } from '../../messages/common-messages.js';

/** The last stop: private messages nobody handled get a pointer to /trogiup (or to joining). */
export const fallbackFeature = new Composer<SohoaContext>();

fallbackFeature.on('message', async (ctx) => {
  // Groups are noisy; the bot only speaks there when addressed with a command it knows.
  if (ctx.chat.type !== 'private') return;
  const { member } = ctx.sohoa;
  await ctx.sohoa.reply(member?.active ? botMessages.unknownCommand : botMessages.joinHowTo);
});
