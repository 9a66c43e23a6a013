import { verdictsToCsv } from '../../files/verdict-csv.js';
import { sampleFileMessages } from '../../messages/sample-file-messages.js';
import { recordSampleArchive } from '../../services/sample-file-archive.service.js';
import type { SampleCheckInput } from '../../services/sample-file.service.js';
import type { ChatContext } from '../chat-context.js';
import type { PreparedSample } from '../prepared-work.js';

/** From this many files on, a check first says "Đang kiểm tra N tệp…" and then edits that message. */
export const PROGRESS_FROM_FILES = 20;

/** Dedupe keys of an archive check's progress message and of its edit, derived from the update. */
export function archiveMessageKeys(platform: string, updateId: number) {
  const base = `${platform}:update:${updateId}`;
  return { progress: `${base}:sample-progress`, summary: `${base}:sample-summary` };
}

/**
 * Records an inspected ZIP of samples and answers with one summary plus a CSV of every file's verdict.
 * When a progress message went out while the archive was checked, the summary replaces it: an outbox
 * `edit` that names the progress message by its dedupe key (`ref_dedupe_key`), which the sender
 * resolves to the platform's message id.
 */
export async function replyArchiveCheck(
  ctx: ChatContext,
  input: SampleCheckInput,
  sample: Extract<PreparedSample, { kind: 'zip' }>,
): Promise<void> {
  const { db, clock, platform, updateId, chatId } = ctx.sohoa;
  const keys = archiveMessageKeys(platform, updateId);
  const outcome = await recordSampleArchive(db, input, sample.inspection, clock.now());
  if (outcome.kind === 'unreadable') {
    return ctx.sohoa.reply(sampleFileMessages.archiveUnreadable(outcome.verdict));
  }
  const footer = outcome.stats
    ? sampleFileMessages.stats(outcome.stats.unitName, outcome.stats.stats)
    : sampleFileMessages.notCounted;
  const text = sampleFileMessages.archiveSummary(sample.name, outcome.rows, outcome.duplicates, footer);
  if (sample.announced) {
    await ctx.sohoa.enqueue([
      {
        dedupeKey: keys.summary,
        platform,
        chatId,
        kind: 'edit',
        payload: { ref_dedupe_key: keys.progress, text },
      },
    ]);
  } else {
    await ctx.sohoa.reply(text);
  }
  if (outcome.rows.length === 0) return;
  await ctx.sohoa.replyDocument(
    sampleFileMessages.csvFileName(sample.name),
    Buffer.from(verdictsToCsv(outcome.rows), 'utf8'),
    sampleFileMessages.csvCaption(sample.name),
  );
}
