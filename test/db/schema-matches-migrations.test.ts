import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/test-database.js';
import { expectedSchema, type Nullability } from './expected-schema.js';

/** `table.column` → nullability, sorted, so that a difference reads as one line per column. */
type ColumnList = Record<string, Nullability>;

function sorted(list: ColumnList): ColumnList {
  return Object.fromEntries(Object.entries(list).sort(([a], [b]) => a.localeCompare(b)));
}

function expectedColumns(): ColumnList {
  const list: ColumnList = {};
  for (const [table, columns] of Object.entries(expectedSchema)) {
    for (const [column, nullability] of Object.entries(columns)) list[`${table}.${column}`] = nullability;
  }
  return sorted(list);
}

describeEachDatabase('DatabaseSchema', (database) => {
  it('matches the tables and columns the migrations create', async () => {
    // describeEachDatabase opened a fresh database and ran every migration on it.
    const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
      select table_name, column_name, is_nullable
      from information_schema.columns
      where table_schema = 'public' and table_name not like 'kysely\\_%'`.execute(database().db);
    const actual: ColumnList = {};
    for (const row of rows) {
      actual[`${row.table_name}.${row.column_name}`] = row.is_nullable === 'YES' ? 'null' : 'not null';
    }
    expect(sorted(actual)).toEqual(expectedColumns());
  });
});
