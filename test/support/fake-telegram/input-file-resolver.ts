import type { UploadedFile } from './api-params.js';
import { BotApiError, badRequest } from './bot-api-error.js';
import type { FileStore, StoredFile } from './file-store.js';

/** An InputFile after resolution: a file Telegram already has, or fresh bytes to store. */
export type ResolvedInputFile =
  | { readonly kind: 'existing'; readonly file: StoredFile }
  | { readonly kind: 'new'; readonly bytes: Buffer; readonly fileName: string; readonly mimeType?: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for URLs the fake may contact: it never leaves the machine. */
export function isLoopbackUrl(url: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Resolve a photo/document parameter as Telegram does: an upload, a file_id it issued (of the right
 * type), or an HTTP URL it downloads — loopback only here, since tests must not reach the network.
 */
export async function resolveInputFile(
  input: UploadedFile | string,
  type: StoredFile['kind'],
  files: FileStore,
  maxBytes: number,
  signal: AbortSignal,
): Promise<ResolvedInputFile> {
  if (typeof input !== 'string') {
    if (input.size === 0) throw badRequest('file must be non-empty');
    if (input.size > maxBytes) throw new BotApiError(413, 'Request Entity Too Large');
    return {
      kind: 'new',
      bytes: input.bytes,
      fileName: input.fileName,
      ...(input.mimeType === undefined ? {} : { mimeType: input.mimeType }),
    };
  }
  const existing = files.byId(input);
  if (existing !== undefined) {
    if (existing.kind !== type) {
      throw badRequest(`can't use file of type ${capitalize(existing.kind)} as ${capitalize(type)}`);
    }
    return { kind: 'existing', file: existing };
  }
  if (!/^https?:\/\//i.test(input)) throw badRequest('wrong file identifier/HTTP URL specified');
  const url = new URL(input);
  if (!isLoopbackUrl(url)) throw badRequest('failed to get HTTP URL content');
  const response = await fetch(url, { signal }).catch(() => undefined);
  if (response === undefined || !response.ok) throw badRequest('failed to get HTTP URL content');
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length === 0) throw badRequest('file must be non-empty');
  if (bytes.length > maxBytes) throw badRequest('failed to get HTTP URL content');
  const fileName = decodeURIComponent(url.pathname.split('/').pop() ?? '') || 'file';
  const mimeType = response.headers.get('content-type') ?? undefined;
  return { kind: 'new', bytes, fileName, ...(mimeType === undefined ? {} : { mimeType }) };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
