import { sql, type Kysely } from 'kysely';

// Sample files (issue 4): "the same file sent twice by the same unit is stored once" becomes a
// constraint, so two instances handling two copies at once cannot both store it; and the daily purge
// finds the rows whose bytes are due without scanning every verdict ever kept.

/** Makes (unit, sha256) unique and indexes the samples that still hold bytes by their purge time. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sample_files_unit_hash_idx').execute();
  await db.schema
    .createIndex('sample_files_unit_hash_key')
    .on('sample_files')
    .columns(['unit_id', 'sha256'])
    .unique()
    .execute();
  await db.schema
    .createIndex('sample_files_purge_idx')
    .on('sample_files')
    .column('purge_after')
    .where(sql.ref('content'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('sample_files_received_idx')
    .on('sample_files')
    .columns(['unit_id', 'received_at'])
    .execute();
}

/** Restores the plain (unit, sha256) index of the first schema. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sample_files_received_idx').execute();
  await db.schema.dropIndex('sample_files_purge_idx').execute();
  await db.schema.dropIndex('sample_files_unit_hash_key').execute();
  await db.schema
    .createIndex('sample_files_unit_hash_idx')
    .on('sample_files')
    .columns(['unit_id', 'sha256'])
    .execute();
}
