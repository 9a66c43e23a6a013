import { botMessages } from '../../messages/common-messages.js';
import { channelWording } from '../../messages/channel-wording.js';
import { helpText } from '../../messages/help-messages.js';
import { ChatComposer } from '../chat-composer.js';

/** `/trogiup`: what this person can do, by role, in the words and ways of the channel they use. */
export const helpFeature = new ChatComposer();

helpFeature.command(['trogiup', 'help'], async (ctx) => {
  const { member, unit } = ctx.sohoa;
  await ctx.sohoa.reply(
    member?.active && unit
      ? helpText(member.role, unit.name, channelWording(ctx.sohoa.limits))
      : botMessages.joinHowTo,
  );
});
