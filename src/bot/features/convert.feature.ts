import type { IncomingFile } from '../../channels/chat-message.js';
import { convertChatMessages } from '../../messages/convert-messages.js';
import { sampleFileMessages } from '../../messages/sample-file-messages.js';
import { platformName } from '../../messages/zalo-messages.js';
import { convertSample, recordConvertedSamples } from '../../services/sample-convert.service.js';
import { keepConvertOriginals } from '../../services/sample-convert-store.service.js';
import {
  answerConvertNaming,
  hasConvertNaming,
  TYPE_CHOICE_PREFIX,
  type NamingOutcome,
} from '../../services/sample-convert-name.service.js';
import { ChatComposer } from '../chat-composer.js';
import type { ChatContext } from '../chat-context.js';
import { activeMemberIn, type PrepareStep } from '../prepared-work.js';
import { askNaming, namingKey, replyConverted } from './convert-reply.js';
import { requireMember } from './member-guard.js';

/** Photos, and pictures sent as files, come back as compliant PDFs. */
export const convertFeature = new ChatComposer();

/** Answers to "which type? which year, book, number?" for a converted PDF waiting for its name. */
export const convertNameFeature = new ChatComposer();

const SENDERS = ['reporter', 'coordinator', 'leader'] as const;
const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|heic|heif|tiff?|bmp|gif)$/i;

/** True for a file that is a picture, by its type or its name. */
export function isImageFile(file: IncomingFile): boolean {
  return (file.mimeType?.startsWith('image/') ?? false) || IMAGE_EXTENSIONS.test(file.name ?? '');
}

/** The picture an update carries, when it carries one the bot can fetch. */
function pictureOf(input: ChatContext['message']['input']): IncomingFile | undefined {
  if (input.kind === 'photo') return input.file;
  if (input.kind === 'file' && isImageFile(input.file)) return input.file;
  return undefined;
}

/**
 * The slow part, before the transaction: download (bounded by the channel's limit) and conversion,
 * a second or so of CPU for a 12 MP photo.
 */
export const prepareConvert: PrepareStep = async (message, deps) => {
  if (message.chat.kind !== 'private' || !activeMemberIn(deps, SENDERS)) return {};
  const file = pictureOf(message.input);
  if (!file) return {};
  const limit = deps.channel.limits.downloadBytes;
  if (file.size !== undefined && file.size > limit)
    return { convert: { kind: 'too_large', size: file.size } };
  const downloaded = await deps.channel.download(file.ref, limit);
  if (!downloaded.ok) return { convert: { kind: 'too_large', size: downloaded.size } };
  // A photo has no name of its own: the caption names it, or the person is asked.
  const original = file.name ?? 'anh-chup.jpg';
  const outcome = await convertSample(
    deps.campaign,
    {
      name: original,
      bytes: downloaded.bytes,
      ...(file.caption === undefined ? {} : { caption: file.caption }),
    },
    deps.clock.now(),
  );
  return { convert: { kind: 'converted', original, originalBytes: downloaded.bytes, outcome } };
};

// Only private chats: in a group a photo is usually meant for the people.
convertFeature.on(['photo', 'file'], async (ctx, next) => {
  if (ctx.message.chat.kind !== 'private' || !pictureOf(ctx.message.input)) return next();
  const who = await requireMember(ctx, SENDERS);
  if (!who) return;
  const prepared = ctx.sohoa.prepared.convert;
  // A channel that gives no handle to the photo: the old advice still holds.
  if (!prepared) return ctx.sohoa.reply(sampleFileMessages.photo(ctx.sohoa.platform));
  if (prepared.kind === 'too_large') {
    const { limits, platform } = ctx.sohoa;
    return ctx.sohoa.reply(
      sampleFileMessages.tooLarge(prepared.size, limits.downloadBytes, platformName(platform)),
    );
  }
  const { db, campaign, clock } = ctx.sohoa;
  await keepConvertOriginals(
    db,
    campaign,
    who.member.id,
    [{ name: prepared.original, bytes: prepared.originalBytes }],
    clock.now(),
  );
  await replyConverted(ctx, who, prepared.original, prepared.outcome);
});

/** The next question, or the named PDF, which then counts for a reporter's commune. */
async function answerNaming(ctx: ChatContext, outcome: NamingOutcome): Promise<void> {
  const { db, campaign, clock, inboxId, member, unit } = ctx.sohoa;
  if (outcome.kind === 'named' && !outcome.kept && member && unit) {
    await recordConvertedSamples(
      db,
      { campaign, sender: { member, unit }, inboxId },
      [{ fileName: outcome.fileName, pdf: outcome.pdf, verdict: outcome.verdict }],
      clock.now(),
    );
  }
  await askNaming(ctx, outcome);
}

convertNameFeature.choice(new RegExp(`^${TYPE_CHOICE_PREFIX}`), async (ctx) => {
  const { db, campaign, clock } = ctx.sohoa;
  const input = ctx.message.input;
  if (input.kind !== 'choice') return;
  const outcome = await answerConvertNaming(
    db,
    namingKey(ctx),
    campaign,
    { kind: 'choice', data: input.data },
    convertChatMessages.skipWords,
    clock.now(),
  );
  // The question expired or was answered already (a second press): nothing waits for a type.
  if (!outcome) return ctx.sohoa.reply(convertChatMessages.namingExpired);
  await answerNaming(ctx, outcome);
});

convertNameFeature.on('text', async (ctx, next) => {
  const { db, campaign, clock } = ctx.sohoa;
  const input = ctx.message.input;
  if (input.kind !== 'text' || ctx.message.chat.kind !== 'private') return next();
  if (!(await hasConvertNaming(db, namingKey(ctx), clock.now()))) return next();
  const outcome = await answerConvertNaming(
    db,
    namingKey(ctx),
    campaign,
    { kind: 'text', text: input.text },
    convertChatMessages.skipWords,
    clock.now(),
  );
  if (!outcome) return next();
  await answerNaming(ctx, outcome);
});
