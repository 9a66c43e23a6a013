import { zaloMessages } from '../../messages/zalo-messages.js';
import { ChatComposer } from '../chat-composer.js';
import type { ChatContext } from '../chat-context.js';
import { requireMember } from './member-guard.js';

/** The web side's personal upload address of the sender, when there is a web side. */
export type UploadLinkOf = (ctx: ChatContext) => Promise<string | undefined>;

/**
 * Files on a channel that cannot take them (Zalo Bot: a file arrives as «unsupported», without its
 * content; the channel's `downloadBytes` is 0): the person is told why and where to send it instead —
 * their personal upload page when `uploadLink` gives one, else Telegram or their coordinator. A photo of a
 * page there gets the scan-to-PDF advice Telegram gives, worded without Telegram's buttons.
 */
const isReporter = (ctx: ChatContext) => ctx.sohoa.member?.role === 'reporter';

export function filesElsewhereFeature(options: { uploadLink?: UploadLinkOf } = {}): ChatComposer {
  const composer = new ChatComposer();
  const linkOf = (ctx: ChatContext) => options.uploadLink?.(ctx) ?? Promise.resolve(undefined);
  composer.on('unsupported', async (ctx) => {
    if (ctx.message.chat.kind !== 'private') return;
    if (!(await requireMember(ctx, ['reporter', 'coordinator', 'leader']))) return;
    await ctx.sohoa.reply(zaloMessages.fileNotDelivered(await linkOf(ctx), isReporter(ctx)));
  });
  composer.on('photo', async (ctx, next) => {
    if (ctx.sohoa.limits.downloadBytes > 0 || ctx.message.chat.kind !== 'private') return next();
    if (!(await requireMember(ctx, ['reporter', 'coordinator', 'leader']))) return;
    await ctx.sohoa.reply(zaloMessages.photo(await linkOf(ctx), isReporter(ctx)));
  });
  return composer;
}
