import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { ensureWebSecret } from '../db/web-secret.repository.js';

/** What a signed media address serves: the day's PDF, a ranking chart (by part), the progress or district chart. */
export type MediaKind = 'pdf' | 'ranking' | 'progress' | 'district';

const KINDS: readonly MediaKind[] = ['pdf', 'ranking', 'progress', 'district'];

/** How long a media address works by default: a chat platform fetches it within minutes. */
export const MEDIA_URL_VALID_HOURS = 48;

/** What signs and checks addresses: the public base URL and the process's web secret. */
export interface MediaSigning {
  readonly baseUrl: string;
  readonly secret: string;
}

/** What a valid media address asks for. */
export interface MediaRequest {
  readonly kind: MediaKind;
  readonly campaignId: number;
  readonly date: string;
  readonly scopeUnitId: number;
  /** Which image of a multi-image chart (the ranking spans several for a province); 0 otherwise. */
  readonly part: number;
  readonly expiresAt: Date;
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`media:${payload}`).digest('base64url');

/**
 * A session-less, signed and expiring address of a chart image or the PDF of a scope's day, for channels
 * that send media by URL (Zalo). Anyone holding it can fetch that one file until it expires, nothing else.
 */
export function mediaUrl(
  signing: MediaSigning,
  kind: MediaKind,
  campaignId: number,
  date: string,
  scopeUnitId: number,
  options: { now: Date; part?: number; validHours?: number },
): string {
  const expires =
    Math.floor(options.now.getTime() / 1000) + (options.validHours ?? MEDIA_URL_VALID_HOURS) * 3600;
  const payload = [kind, campaignId, date, scopeUnitId, options.part ?? 0, expires].join('.');
  const extension = kind === 'pdf' ? 'pdf' : 'png';
  return `${signing.baseUrl}/m/${payload}.${sign(signing.secret, payload)}.${extension}`;
}

/** Checks a signed media path segment; undefined when forged, malformed or expired. */
export function verifyMediaPath(secret: string, signed: string, now: Date): MediaRequest | undefined {
  const parts = signed.split('.');
  if (parts.length !== 8) return undefined;
  const [kind, campaign, date, scope, part, expires, signature, extension] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const payload = [kind, campaign, date, scope, part, expires].join('.');
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (!KINDS.includes(kind as MediaKind) || extension !== (kind === 'pdf' ? 'pdf' : 'png')) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d+$/.test(campaign + scope + part + expires)) return undefined;
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return undefined;
  return {
    kind: kind as MediaKind,
    campaignId: Number(campaign),
    date,
    scopeUnitId: Number(scope),
    part: Number(part),
    expiresAt,
  };
}

/**
 * The process's web secret: WEB_SECRET when set, else one made at random once and kept in the database,
 * so that every instance (and every restart) signs media addresses and CSRF tokens alike.
 */
export async function resolveWebSecret(
  db: Db,
  configured: string | undefined,
  clock: Clock,
): Promise<string> {
  if (configured) return configured;
  return ensureWebSecret(db, 'web', randomBytes(32).toString('base64url'), clock.now());
}
