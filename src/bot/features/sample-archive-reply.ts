import { verdictsToCsv } from '../../files/verdict-csv.js';
import { checkSampleArchive } from '../../services/sample-file-archive.service.js';
import type { SampleCheckInput, SentFile } from '../../services/sample-file.service.js';
import type { SohoaContext } from '../bot-context.js';
import { sampleFileMessages } from '../../messages/sample-file-messages.js';

/** From this many files on, a check first says "Đang kiểm tra N tệp…" and then edits that message. */
export const PROGRESS_FROM_FILES = 20;

/** Dedupe keys of an archive check's progress message and of its edit, derived from the update. */
export function archiveMessageKeys(platform: string, updateId: number) {
  const base = `${platform}:update:${updateId}`;
  return { progress: `${base}:sample-progress`, summary: `${base}:sample-summary` };
}

/**
 * Checks a ZIP of samples and answers with one summary plus a CSV of every file's verdict. A large
 * archive gets a progress message first, and the summary replaces it: an outbox `edit` whose payload
 * names the progress message by its dedupe key (`ref_dedupe_key`), which the sender resolves to the
 * message id Telegram gave it.
 */
export async function replyArchiveCheck(
  ctx: SohoaContext,
  input: SampleCheckInput,
  archive: SentFile,
): Promise<void> {
  const { db, clock, platform, updateId, chatId } = ctx.sohoa;
  const keys = archiveMessageKeys(platform, updateId);
  let announced = false;
  const outcome = await checkSampleArchive(db, input, archive, clock.now(), async (fileCount) => {
    if (fileCount < PROGRESS_FROM_FILES) return;
    announced = true;
    await ctx.sohoa.enqueue([
      {
        dedupeKey: keys.progress,
        platform,
        chatId,
        kind: 'text',
        payload: { text: sampleFileMessages.archiveProgress(fileCount) },
      },
    ]);
  });
  if (outcome.kind === 'unreadable') {
    return ctx.sohoa.reply(sampleFileMessages.archiveUnreadable(outcome.verdict));
  }
  const footer = outcome.stats
    ? sampleFileMessages.stats(outcome.stats.unitName, outcome.stats.stats)
    : sampleFileMessages.notCounted;
  const text = sampleFileMessages.archiveSummary(archive.name, outcome.rows, outcome.duplicates, footer);
  if (announced) {
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
    sampleFileMessages.csvFileName(archive.name),
    Buffer.from(verdictsToCsv(outcome.rows), 'utf8'),
    sampleFileMessages.csvCaption(archive.name),
  );
}
