import { createHash, randomInt } from 'node:crypto';

// Link codes are typed by the same person minutes later on their other phone app: short, but from the
// invite codes' alphabet (no 0/O, 1/I/L) and of another length, so a typed code is never both.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** How long a link code may be used. */
export const LINK_CODE_MINUTES = 10;

/** A new random link code, shown as two groups of four (e.g. "KQ7M-X3RT"). */
export function generateLinkCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[random(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function normalize(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.]/g, '');
}

/** True when the text could be a link code (cheap check before the database). */
export function looksLikeLinkCode(input: string): boolean {
  const code = normalize(input);
  return code.length === LENGTH && [...code].every((ch) => ALPHABET.includes(ch));
}

/** The stored form: only a hash is kept. */
export function hashLinkCode(input: string): string {
  return createHash('sha256')
    .update(`sohoa-link:${normalize(input)}`)
    .digest('hex');
}
