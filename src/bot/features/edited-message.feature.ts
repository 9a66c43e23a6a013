import { localDate } from '../../domain/local-time.js';
import { editedMessageWords } from '../../messages/edited-message-messages.js';
import { ChatComposer } from '../chat-composer.js';

/**
 * Edited messages. An edited `/baocao` sent today is a correction of today's report and goes on to the
 * report feature, through the same rules (confirmation where they ask for one); one sent on an earlier
 * day cannot change that day. Any other edit gets a short hint instead of being taken as a new message
 * (an edited answer must not feed a step-by-step question a second time).
 */
export const editedMessageFeature = new ChatComposer();

editedMessageFeature.use(async (ctx, next) => {
  const edit = ctx.message.editOf;
  if (!edit) return next();
  const input = ctx.message.input;
  const isReport = input.kind === 'command' && input.command === 'baocao';
  if (!isReport) {
    if (ctx.message.chat.kind === 'private') await ctx.sohoa.reply(editedMessageWords.notRead);
    return;
  }
  const { clock, campaign } = ctx.sohoa;
  const zone = campaign.settings.timeZone;
  const sentOn = localDate(edit.sentAt, zone);
  if (sentOn !== localDate(clock.now(), zone)) return ctx.sohoa.reply(editedMessageWords.pastDay(sentOn));
  return next();
});
