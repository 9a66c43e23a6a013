import { botMessages } from '../../messages/common-messages.js';
import { channelWording } from '../../messages/channel-wording.js';
import { helpText } from '../../messages/help-messages.js';
import { ChatComposer } from '../chat-composer.js';

/**
 * `/trogiup`: what this person can do, by role, in the words and ways of the channel they use;
 * `webSide`: whether the web side is on (where files go on a channel that cannot take them).
 */
export function helpFeature(options: { webSide: boolean }): ChatComposer {
  const feature = new ChatComposer();
  feature.command(['trogiup', 'help'], async (ctx) => {
    const { member, unit } = ctx.sohoa;
    await ctx.sohoa.reply(
      member?.active && unit
        ? helpText(member.role, unit.name, channelWording(ctx.sohoa.limits, options))
        : botMessages.joinHowTo,
    );
  });
  return feature;
}
