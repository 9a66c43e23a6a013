import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createMigrator, migrateToEmpty, migrateToLatest } from '../../src/db/migrator.js';
import { migrations } from '../../migrations/index.js';
import { databaseKinds, openTestDatabase } from '../support/test-database.js';

async function tables(handle: DatabaseHandle): Promise<string[]> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'
    order by tablename`.execute(handle.db);
  return rows.map((r) => r.tablename);
}

for (const kind of databaseKinds) {
  describe(`migrations [${kind}]`, () => {
    // A database of its own: this test takes the schema down and up again.
    let opened: Awaited<ReturnType<typeof openTestDatabase>>;
    beforeAll(async () => {
      opened = await openTestDatabase(kind, { fresh: true });
    });
    afterAll(async () => opened.dispose());

    it('go up, down to empty, and up again', async () => {
      const { handle } = opened;
      expect(await tables(handle)).toContain('daily_reports');
      const applied = (await createMigrator(handle.db).getMigrations()).filter((m) => m.executedAt);
      expect(applied.map((m) => m.name)).toEqual(Object.keys(migrations));

      const reverted = await migrateToEmpty(handle.db);
      expect(reverted).toEqual(Object.keys(migrations).reverse());
      expect(await tables(handle)).toEqual([]);

      expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(handle.db)).toEqual([]);
    });

    it('enforce the absolute rules as constraints', async () => {
      const { db } = opened.handle;
      const now = new Date();
      const campaign = await db
        .insertInto('campaigns')
        .values({
          code: 'c',
          name: 'c',
          province_code: '45',
          time_zone: 'Asia/Ho_Chi_Minh',
          start_date: '2025-03-01',
          end_date: '2025-03-20',
          report_cutoff: '17:00',
          settings: '{}',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const province = await db
        .insertInto('units')
        .values({
          campaign_id: campaign.id,
          code: '45',
          name: 'P',
          type: 'Tỉnh',
          level: 'province',
          parent_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A commune without a parent, and a negative target, are refused by the database itself.
      await expect(
        db
          .insertInto('units')
          .values({
            campaign_id: campaign.id,
            code: '1',
            name: 'X',
            type: 'Xã',
            level: 'commune',
            parent_id: null,
          })
          .execute(),
      ).rejects.toThrow(/units_only_province_is_root/);
      await expect(
        db.insertInto('unit_targets').values({ unit_id: province.id, books: -1, cases: 0 }).execute(),
      ).rejects.toThrow(/check/);
      const inbox = {
        platform: 'telegram',
        update_id: 7,
        payload: '{}',
        received_at: now,
        handled_at: null,
        last_error: null,
      };
      await db.insertInto('inbox').values(inbox).execute();
      await expect(db.insertInto('inbox').values(inbox).execute()).rejects.toThrow(
        /inbox_platform_update_key/,
      );
    });
  });
}
