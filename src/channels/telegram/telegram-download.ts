import { TelegramError, type Telegram } from 'telegraf';
import { readBoundedBody } from '../bounded-download.js';
import type { DownloadResult } from '../channel.js';

/** Telegram's Bot API serves files up to 20 MB to bots; a larger one cannot be downloaded at all. */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** How long a download may take before the update is left to be tried again. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

/** A download that failed for a reason worth retrying (network, Telegram's servers). */
export class FileDownloadError extends Error {
  override readonly name = 'FileDownloadError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * Downloads a file a user sent, never holding more than `maxBytes`: getFile, then the download route,
 * read chunk by chunk and abandoned as soon as it runs over. Errors never carry the link: it holds
 * the bot's token.
 */
export async function downloadTelegramFile(
  telegram: Telegram,
  fileId: string,
  maxBytes = TELEGRAM_DOWNLOAD_LIMIT,
): Promise<DownloadResult> {
  let link: URL;
  try {
    link = await telegram.getFileLink(fileId);
  } catch (error) {
    if (error instanceof TelegramError && /too big/i.test(error.description)) {
      return { ok: false, reason: 'too_large' };
    }
    throw error;
  }
  const response = await fetch(link, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new FileDownloadError(`file download failed with HTTP ${response.status}`, response.status);
  }
  return readBoundedBody(response.headers, response.body, maxBytes);
}
