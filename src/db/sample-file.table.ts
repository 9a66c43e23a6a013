import type { Generated, Insertable, Selectable } from 'kysely';
import type { JsonColumn } from './column-types.js';

/** Row of `sample_files`: a checked sample and its verdict. */
export interface SampleFileTable {
  id: Generated<number>;
  unit_id: number;
  member_id: number | null;
  source_inbox_id: number | null;
  file_name: string;
  size_bytes: number;
  sha256: string;
  verdict: 'accepted' | 'warnings' | 'rejected';
  problems: JsonColumn<unknown[]>;
  content: Buffer | null;
  purge_after: Date | null;
  received_at: Date;
}
export type SampleFileRow = Selectable<SampleFileTable>;
export type NewSampleFileRow = Insertable<SampleFileTable>;
