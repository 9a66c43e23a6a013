import { sampleFileMessages } from '../../messages/sample-file-messages.js';
import { platformName } from '../../messages/zalo-messages.js';
import { inspectSampleArchive } from '../../services/sample-file-archive.service.js';
import {
  inspectSampleFile,
  recordSampleFile,
  type SampleFileOutcome,
} from '../../services/sample-file.service.js';
import { convertSample, convertSampleBatch } from '../../services/sample-convert.service.js';
import { ChatComposer } from '../chat-composer.js';
import { replyConverted, replyConvertedBatch } from './convert-reply.js';
import { activeMemberIn, type PrepareStep } from '../prepared-work.js';
import { requireMember } from './member-guard.js';
import { archiveMessageKeys, PROGRESS_FROM_FILES, replyArchiveCheck } from './sample-archive-reply.js';

/**
 * Sample files sent to the bot: a PDF gets its verdict, a ZIP a summary and a CSV; a PDF too heavy and
 * the photos in a ZIP also come back converted (photos sent alone: convert.feature.ts).
 */
export const sampleFileFeature = new ChatComposer();

const ZIP_TYPES = new Set([
  'application/zip',
  'application/x-zip',
  'application/x-zip-compressed',
  'multipart/x-zip',
]);

// Problems the converter fixes: a photo or picture instead of a PDF, a scan too heavy.
const CONVERTIBLE = new Set(['format.jpeg', 'format.png', 'format.image', 'size.too_large']);

const captionOf = (caption: string | undefined) => (caption === undefined ? {} : { caption });

/** What a document is, from what the platform says about it, before anything is downloaded. */
function documentKind(fileName: string, mimeType: string | undefined): 'pdf' | 'zip' | 'other' {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.zip') || (mimeType !== undefined && ZIP_TYPES.has(mimeType))) return 'zip';
  // A renamed JPEG ends in .pdf: it is checked, and the inspector says what it really is.
  if (lower.endsWith('.pdf') || mimeType === 'application/pdf') return 'pdf';
  return 'other';
}

/**
 * The slow part, before the transaction: download (bounded by the channel's limit) and inspection. A
 * ZIP of many files gets its "checking N files…" note enqueued at once, so the person sees it while
 * the check runs.
 */
export const prepareSampleFile: PrepareStep = async (message, deps) => {
  const input = message.input;
  if (input.kind !== 'file' || message.chat.kind !== 'private') return {};
  if (!activeMemberIn(deps, ['reporter', 'coordinator', 'leader'])) return {};
  const name = input.file.name ?? sampleFileMessages.unnamedFile;
  const kind = documentKind(name, input.file.mimeType);
  if (kind === 'other') return {};
  const limit = deps.channel.limits.downloadBytes;
  // The platform would refuse the download anyway; answering from the announced size costs nothing.
  if (input.file.size !== undefined && input.file.size > limit) {
    return { sample: { kind: 'too_large', size: input.file.size } };
  }
  const downloaded = await deps.channel.download(input.file.ref, limit);
  if (!downloaded.ok) return { sample: { kind: 'too_large', size: downloaded.size } };
  const now = deps.clock.now();
  const file = { name, bytes: downloaded.bytes };
  if (kind === 'pdf') {
    const verdict = await inspectSampleFile(deps.campaign, file, now);
    // Too heavy is what the converter fixes: the verdict goes out with the fixed file after it.
    const converted = verdict.problems.some((p) => p.code === 'size.too_large')
      ? await convertSample(deps.campaign, { ...file, ...captionOf(input.file.caption) }, now)
      : undefined;
    return {
      sample: { kind: 'pdf', name, bytes: downloaded.bytes, verdict, ...(converted ? { converted } : {}) },
    };
  }
  let announced = false;
  const inspection = await inspectSampleArchive(deps.campaign, file, now, async (fileCount) => {
    if (fileCount < PROGRESS_FROM_FILES) return;
    announced = true;
    await deps.enqueueNow([
      {
        dedupeKey: archiveMessageKeys(message.platform, message.updateId).progress,
        platform: message.platform,
        chatId: message.chat.id,
        kind: 'text',
        payload: { text: sampleFileMessages.archiveProgress(fileCount) },
      },
    ]);
  });
  const convertible =
    inspection.kind === 'inspected'
      ? inspection.samples.filter((s) => s.verdict.problems.some((p) => CONVERTIBLE.has(p.code)))
      : [];
  const converted =
    convertible.length === 0
      ? undefined
      : await convertSampleBatch(
          deps.campaign,
          convertible.map((s) => ({ name: s.fileName, bytes: s.bytes })),
          now,
        );
  return { sample: { kind: 'zip', name, inspection, announced, ...(converted ? { converted } : {}) } };
};

function fileReply(outcome: SampleFileOutcome, timeZone: string): string {
  const parts: string[] = [];
  if (outcome.recorded?.kind === 'duplicate')
    parts.push(sampleFileMessages.duplicate(outcome.recorded.receivedAt, timeZone));
  parts.push(sampleFileMessages.verdict(outcome.verdict));
  parts.push(
    outcome.stats
      ? sampleFileMessages.stats(outcome.stats.unitName, outcome.stats.stats)
      : sampleFileMessages.notCounted,
  );
  return parts.join('\n\n');
}

// Only private chats: in a group a file is usually meant for the people, and a verdict there would be noise.
sampleFileFeature.on('file', async (ctx, next) => {
  if (ctx.message.input.kind !== 'file' || ctx.message.chat.kind !== 'private') return next();
  const who = await requireMember(ctx, ['reporter', 'coordinator', 'leader']);
  if (!who) return;
  const { db, campaign, clock, prepared, inboxId, limits } = ctx.sohoa;
  const name = ctx.message.input.file.name ?? sampleFileMessages.unnamedFile;
  const sample = prepared.sample;
  if (!sample) return ctx.sohoa.reply(sampleFileMessages.notSupported(name));
  if (sample.kind === 'too_large') {
    return ctx.sohoa.reply(
      sampleFileMessages.tooLarge(sample.size, limits.downloadBytes, platformName(ctx.sohoa.platform)),
    );
  }
  const input = { campaign, sender: who, inboxId };
  if (sample.kind === 'zip') {
    await replyArchiveCheck(ctx, input, sample);
    if (sample.converted) await replyConvertedBatch(ctx, who, sample.name, sample.converted);
    return;
  }
  const outcome = await recordSampleFile(
    db,
    input,
    { name: sample.name, bytes: sample.bytes },
    sample.verdict,
    clock.now(),
  );
  await ctx.sohoa.reply(fileReply(outcome, campaign.settings.timeZone));
  if (sample.converted) await replyConverted(ctx, who, sample.name, sample.converted);
});

sampleFileFeature.on('photo', async (ctx, next) => {
  if (ctx.message.chat.kind !== 'private') return next();
  const who = await requireMember(ctx, ['reporter', 'coordinator', 'leader']);
  if (!who) return;
  await ctx.sohoa.reply(sampleFileMessages.photo(ctx.sohoa.platform));
});
