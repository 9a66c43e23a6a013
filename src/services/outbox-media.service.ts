import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.js';
import { findOutboxMedia, type OutboxMediaRow } from '../db/outbox-media.repository.js';
import { MEDIA_URL_VALID_HOURS, type MediaSigning } from './web-media.service.js';

/** Which file of an outbox row a signed address names: the row, and the image of an album (0 otherwise). */
export interface OutboxMediaRequest {
  readonly outboxId: number;
  readonly index: number;
  readonly extension: string;
}

// Its own prefix: an address signed for a chart (`media:`) can never pass as one for an outbox file.
const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`outbox-media:${payload}`).digest('base64url');

/** The extension a file is served with: only these, so the content type is always known. */
export function mediaExtensionOf(fileName: string): string {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return ['png', 'jpg', 'jpeg', 'pdf', 'csv', 'xlsx', 'zip'].includes(extension) ? extension : 'bin';
}

/**
 * A session-less, signed, expiring address of one file of one outbox row (`/m/o/<signed>`): how Zalo Bot,
 * which takes photos only by URL and sends no documents, gets a chart or a PDF the bot made for one chat.
 */
export function outboxMediaUrl(
  signing: MediaSigning,
  file: { outboxId: number; index: number; fileName: string },
  now: Date,
): string {
  const expires = Math.floor(now.getTime() / 1000) + MEDIA_URL_VALID_HOURS * 3600;
  const payload = [file.outboxId, file.index, expires].join('.');
  return `${signing.baseUrl}/m/o/${payload}.${sign(signing.secret, payload)}.${mediaExtensionOf(file.fileName)}`;
}

/** Checks a signed outbox media segment; undefined when forged, malformed or expired. */
export function verifyOutboxMediaPath(
  secret: string,
  signed: string,
  now: Date,
): OutboxMediaRequest | undefined {
  const parts = signed.split('.');
  if (parts.length !== 5) return undefined;
  const [id, index, expires, signature, extension] = parts as [string, string, string, string, string];
  if (!/^\d{1,15}$/.test(id) || !/^\d{1,3}$/.test(index) || !/^\d{1,12}$/.test(expires)) return undefined;
  const expected = Buffer.from(sign(secret, [id, index, expires].join('.')));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (Number(expires) * 1000 <= now.getTime()) return undefined;
  return { outboxId: Number(id), index: Number(index), extension };
}

/** The outbox row a verified address names; undefined once the row is gone (retention). */
export function outboxMedia(db: Db, outboxId: number): Promise<OutboxMediaRow | undefined> {
  return findOutboxMedia(db, outboxId);
}
