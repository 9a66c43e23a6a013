import type { DownloadResult } from '../channel.js';
import { readBoundedBody } from '../bounded-download.js';

/** What a person may send the OA (Zalo's own limit on files in a chat is larger than any sample). */
export const ZALO_OA_DOWNLOAD_LIMIT = 25 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 60_000;

/** A download that failed for a reason worth retrying, or a link that has expired. */
export class ZaloOaDownloadError extends Error {
  override readonly name = 'ZaloOaDownloadError';
  constructor(readonly status: number) {
    super(`Zalo OA file download failed with HTTP ${status}`);
  }
}

/**
 * Downloads a file a person sent from its attachment URL, at once (Zalo's links expire), never holding
 * more than `maxBytes`: refused from Content-Length, else abandoned as soon as the stream runs over.
 * Errors never carry the URL (it grants access to the person's file).
 */
export async function downloadZaloOaFile(url: string, maxBytes: number): Promise<DownloadResult> {
  const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new ZaloOaDownloadError(response.status);
  }
  return readBoundedBody(response.headers, response.body, maxBytes);
}
