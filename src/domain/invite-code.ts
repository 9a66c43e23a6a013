import { createHash, randomInt } from 'node:crypto';

// No 0/O, 1/I/L: codes are read off paper and typed on phones.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 10;

/** A new random invite code, shown as two groups of five (e.g. "K7QPM-X3RTA"). */
export function generateInviteCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[random(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Brings a typed code to its canonical form: upper case, no spaces or dashes. */
export function normalizeInviteCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.]/g, '');
}

/** True when the text could be an invite code at all (cheap check before touching the database). */
export function looksLikeInviteCode(input: string): boolean {
  const code = normalizeInviteCode(input);
  return code.length === LENGTH && [...code].every((ch) => ALPHABET.includes(ch));
}

/** The stored form of a code: only its hash is kept, so a database leak does not leak working codes. */
export function hashInviteCode(input: string): string {
  return createHash('sha256')
    .update(`sohoa-invite:${normalizeInviteCode(input)}`)
    .digest('hex');
}
