import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Row of `upload_batches`: one drop of files on the upload page, by one member. */
export interface UploadBatchTable {
  id: Generated<number>;
  campaign_id: number;
  unit_id: number;
  member_id: number;
  /** Bytes received for the batch so far, to hold it to the per-upload limit across requests. */
  received_bytes: ColumnType<number, number | undefined, number>;
  created_at: Date;
}
export type UploadBatchRow = Selectable<UploadBatchTable>;
export type NewUploadBatchRow = Insertable<UploadBatchTable>;
