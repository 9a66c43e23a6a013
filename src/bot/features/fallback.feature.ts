import { botMessages } from '../../messages/common-messages.js';
import { ChatComposer } from '../chat-composer.js';

/** The last stop: private messages nobody handled get a pointer to /trogiup (or to joining). */
export const fallbackFeature = new ChatComposer();

fallbackFeature.on(['command', 'text', 'file', 'photo', 'other'], async (ctx) => {
  // Groups are noisy; the bot only speaks there when addressed with a command it knows.
  if (ctx.message.chat.kind !== 'private') return;
  const { member } = ctx.sohoa;
  await ctx.sohoa.reply(member?.active ? botMessages.unknownCommand : botMessages.joinHowTo);
});
