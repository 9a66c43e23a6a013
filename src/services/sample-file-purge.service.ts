import type { Db } from '../db/database.js';
import { clearExpiredSampleContent } from '../db/sample-file.repository.js';

/**
 * Forgets the bytes of every sample whose retention period has ended (DESIGN §6); the verdict, size and
 * hash stay, so statistics and duplicate detection are unaffected. Returns how many were cleared.
 * Idempotent: a second run at the same time clears nothing more.
 */
export async function purgeExpiredSamples(db: Db, now: Date): Promise<number> {
  return clearExpiredSampleContent(db, now);
}
