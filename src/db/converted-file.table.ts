import type { Generated, Insertable, Selectable } from 'kysely';

/** Row of `converted_files`: a file given to the converter, or a result it handed back, until purged. */
export interface ConvertedFileTable {
  id: Generated<number>;
  campaign_id: number;
  member_id: number;
  /** 'original': a file as the person sent it; 'result': what the converter gave back (a ZIP of PDFs). */
  role: 'original' | 'result';
  file_name: string;
  size_bytes: number;
  content: Buffer;
  purge_after: Date;
  created_at: Date;
}
export type ConvertedFileRow = Selectable<ConvertedFileTable>;
export type NewConvertedFileRow = Insertable<ConvertedFileTable>;
