import { createHash, timingSafeEqual } from 'node:crypto';

/** Zalo's event signature: `mac=` + sha256 hex of app_id + raw body + timestamp + the OA secret key. */
export function zaloOaSignature(
  appId: string,
  rawBody: Buffer,
  timestamp: string,
  secretKey: string,
): string {
  const mac = createHash('sha256')
    .update(appId, 'utf8')
    .update(rawBody)
    .update(timestamp, 'utf8')
    .update(secretKey, 'utf8')
    .digest('hex');
  return `mac=${mac}`;
}

/** Whether a header carries the right signature (compared in constant time; `mac=` optional). */
export function zaloOaSignatureMatches(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header.trim().startsWith('mac=') ? header.trim() : `mac=${header.trim()}`);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
