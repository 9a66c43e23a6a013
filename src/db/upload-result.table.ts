import type { Generated, Insertable, Selectable } from 'kysely';
import type { JsonColumn } from './column-types.js';

/** What an upload did with a file besides its verdict (see src/services/upload-check.service.ts). */
export type UploadOutcomeCode =
  'counted' | 'duplicate' | 'not_counted' | 'too_large' | 'wrong_type' | 'batch_full' | 'unreadable';

/** Row of `upload_results`: one verdict an upload batch showed (a file, or an entry of a ZIP). */
export interface UploadResultTable {
  id: Generated<number>;
  batch_id: number;
  /** The file's name, or `archive.zip/entry`. */
  path: string;
  /** The FileVerdict, as the inspector returned it. */
  verdict: JsonColumn<unknown>;
  outcome: UploadOutcomeCode;
  /** For a duplicate: when the commune first sent the same bytes. */
  first_received_at: Date | null;
  created_at: Date;
}
export type UploadResultRow = Selectable<UploadResultTable>;
export type NewUploadResultRow = Insertable<UploadResultTable>;
