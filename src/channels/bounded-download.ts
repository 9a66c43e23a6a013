import type { DownloadResult } from './channel.js';

/**
 * Reads a download's body, never holding more than `maxBytes`: refused from Content-Length when it is
 * declared, else abandoned as soon as the stream runs over. The caller has checked the status.
 */
export async function readBoundedBody(
  headers: Headers,
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<DownloadResult> {
  const declared = Number(headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await body.cancel();
    return { ok: false, reason: 'too_large', size: declared };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}
