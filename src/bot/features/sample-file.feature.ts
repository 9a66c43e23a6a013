import { Composer } from 'telegraf';
import { checkSampleFile, type SampleFileOutcome } from '../../services/sample-file.service.js';
import type { SohoaContext } from '../bot-context.js';
import { sampleFileMessages } from '../../messages/sample-file-messages.js';
import { currentUpdateScope } from '../update-scope.js';
import { requireMember } from './member-guard.js';
import { replyArchiveCheck } from './sample-archive-reply.js';
import { TELEGRAM_DOWNLOAD_LIMIT, downloadTelegramFile } from './sample-download.js';

/** Sample files sent to the bot: a PDF gets its verdict, a ZIP a summary and a CSV; photos get advice. */
export const sampleFileFeature = new Composer<SohoaContext>();

const ZIP_TYPES = new Set([
  'application/zip',
  'application/x-zip',
  'application/x-zip-compressed',
  'multipart/x-zip',
]);

/** What a document is, from what Telegram says about it, before anything is downloaded. */
function documentKind(fileName: string, mimeType: string | undefined): 'pdf' | 'zip' | 'other' {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.zip') || (mimeType !== undefined && ZIP_TYPES.has(mimeType))) return 'zip';
  // A renamed JPEG ends in .pdf: it is checked, and the inspector says what it really is.
  if (lower.endsWith('.pdf') || mimeType === 'application/pdf') return 'pdf';
  return 'other';
}

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
sampleFileFeature.on('document', async (ctx, next) => {
  if (ctx.chat.type !== 'private') return next();
  const who = await requireMember(ctx, ['reporter', 'coordinator', 'leader']);
  if (!who) return;
  const { document } = ctx.message;
  const name = (document.file_name ?? sampleFileMessages.unnamedFile).normalize('NFC');
  const kind = documentKind(name, document.mime_type);
  if (kind === 'other') return ctx.sohoa.reply(sampleFileMessages.notSupported(name));
  // Telegram would refuse the download anyway; answering from the size it announced costs nothing.
  if (document.file_size !== undefined && document.file_size > TELEGRAM_DOWNLOAD_LIMIT) {
    return ctx.sohoa.reply(sampleFileMessages.tooLarge(document.file_size, TELEGRAM_DOWNLOAD_LIMIT));
  }
  const downloaded = await downloadTelegramFile(ctx.telegram, document.file_id);
  if (!downloaded.ok) {
    return ctx.sohoa.reply(sampleFileMessages.tooLarge(downloaded.size, TELEGRAM_DOWNLOAD_LIMIT));
  }
  const { db, campaign, clock } = ctx.sohoa;
  const input = { campaign, sender: who, inboxId: currentUpdateScope().inboxId };
  const file = { name, bytes: downloaded.bytes };
  if (kind === 'zip') return replyArchiveCheck(ctx, input, file);
  const outcome = await checkSampleFile(db, input, file, clock.now());
  await ctx.sohoa.reply(fileReply(outcome, campaign.settings.timeZone));
});

sampleFileFeature.on('photo', async (ctx, next) => {
  if (ctx.chat.type !== 'private') return next();
  const who = await requireMember(ctx, ['reporter', 'coordinator', 'leader']);
  if (!who) return;
  await ctx.sohoa.reply(sampleFileMessages.photo);
});
