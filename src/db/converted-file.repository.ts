import type { Db } from './database.js';
import type { ConvertedFileRow, NewConvertedFileRow } from './converted-file.table.js';

/** Stores files given to or made by the converter; returns their ids in the same order. */
export async function insertConvertedFiles(db: Db, rows: readonly NewConvertedFileRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('converted_files')
    .values([...rows])
    .returning('id')
    .execute();
  return inserted.map((row) => Number(row.id));
}

/** A stored file of a member, while it is kept (undefined once purged, or someone else's). */
export async function findMemberConvertedFile(
  db: Db,
  memberId: number,
  id: number,
  role: ConvertedFileRow['role'],
  now: Date,
): Promise<ConvertedFileRow | undefined> {
  return db
    .selectFrom('converted_files')
    .selectAll()
    .where('id', '=', id)
    .where('member_id', '=', memberId)
    .where('role', '=', role)
    .where('purge_after', '>', now)
    .executeTakeFirst();
}

/** Deletes every stored file whose retention has ended; returns how many went. */
export async function deleteExpiredConvertedFiles(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('converted_files').where('purge_after', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
