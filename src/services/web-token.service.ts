import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret token: 256 random bits, URL-safe. */
export function newWebToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so a leaked table opens nothing. */
export function hashWebToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Tokens are 43 URL-safe characters; anything else is refused before the database is asked. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
