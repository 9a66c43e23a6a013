import { botMessages } from '../../messages/common-messages.js';
import { helpText } from '../../messages/help-messages.js';
import { ChatComposer } from '../chat-composer.js';

/** `/trogiup`: what this person can do, by role. */
export const helpFeature = new ChatComposer();

helpFeature.command(['trogiup', 'help'], async (ctx) => {
  const { member, unit } = ctx.sohoa;
  await ctx.sohoa.reply(member?.active && unit ? helpText(member.role, unit.name) : botMessages.joinHowTo);
});
