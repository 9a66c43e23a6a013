import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// Zalo OA tokens are stored encrypted (AES-256-GCM) so that a database dump alone cannot post as the
// province's Official Account. The key comes from ZALO_OA_TOKEN_KEY; any string works, it is hashed to
// 32 bytes. Stored form: `v1.<iv>.<tag>.<ciphertext>`, base64url parts.

function keyBytes(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Encrypts a token for storage; each call uses a fresh IV. */
export function sealToken(plain: string, key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(key), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Decrypts a stored token; undefined when the key is wrong or the value was altered. */
export function openToken(sealed: string, key: string): string | undefined {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyBytes(key), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}
