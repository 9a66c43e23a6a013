// Intake throughput: Telegram updates stored in the inbox and handled by the real InboxProcessor — a
// commune's `/baocao` becomes a stored report and an enqueued reply — on PGlite, and on PostgreSQL when
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. Printed as updates/s and as a ratio to the floor any
// durable intake pays: one bare one-row INSERT + COMMIT per update on the same database, in the same run.
//   node --import tsx bench/bot/intake.bench.ts        BENCH_INTAKE_ROUNDS=N: reports per commune (default 2)
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { ManualClock } from '../../src/domain/clock.js';
import { openDatabase, type DatabaseTarget, type Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { listUnitsWithTargets } from '../../src/db/unit.repository.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { createInvite } from '../../src/services/invite.service.js';
import { QUANG_TRI_DIR } from '../../test/support/campaign-fixture.js';
import { createBenchIntake, FIRST_USER_ID, textUpdate, timeReportRounds } from './intake-fixture.js';

/** What one database's run measured. */
export interface IntakeBenchResult {
  readonly database: string;
  readonly updates: number;
  readonly updatesPerSecond: number;
  readonly baselinePerSecond: number;
  readonly reportsStored: number;
  readonly repliesEnqueued: number;
}

async function runOn(name: string, target: DatabaseTarget, rounds: number): Promise<IntakeBenchResult> {
  const handle = await openDatabase(target);
  try {
    const db = handle.db;
    await migrateToLatest(db);
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const loaded = await loadCampaign(db, await readCampaignFolder(QUANG_TRI_DIR), clock, 'bench');
    const campaign = await getCampaign(db);
    const communes = (await listUnitsWithTargets(db, loaded.campaignId)).filter((u) => u.level === 'commune');
    const intake = createBenchIntake(db, [campaign], clock);

    // Not measured: every commune's reporter joins with an invite, through the same intake.
    for (const [index, unit] of communes.entries()) {
      const invite = await createInvite(
        db,
        {
          campaignId: loaded.campaignId,
          unitCode: unit.code,
          role: 'reporter',
          uses: 1,
          validDays: 30,
          createdBy: 'bench',
        },
        clock,
      );
      await intake.store(FIRST_USER_ID + index, `/start ${invite.code}`);
      await intake.handleNext();
    }
    const outboxBefore = await count(db, 'outbox');

    // Measured: each reporter sends `rounds` cumulative reports, each stored then handled.
    const { updates, seconds } = await timeReportRounds(intake, communes.length, rounds);
    const baselinePerSecond = await measureBaseline(db, updates);
    return {
      database: name,
      updates,
      updatesPerSecond: updates / seconds,
      baselinePerSecond,
      reportsStored: await count(db, 'report_revisions'),
      repliesEnqueued: (await count(db, 'outbox')) - outboxBefore,
    };
  } finally {
    await handle.close();
  }
}

/** The floor: one short transaction inserting one row of the same payload size, per update. */
async function measureBaseline(db: Db, updates: number): Promise<number> {
  await sql`create table bench_baseline (id bigserial primary key, payload jsonb not null)`.execute(db);
  const payload = JSON.stringify(
    textUpdate(1, FIRST_USER_ID, '/baocao so 2 scan 1234 nhap 1184 dinhkem 1134'),
  );
  const started = performance.now();
  for (let index = 0; index < updates; index += 1)
    await db
      .transaction()
      .execute((trx) => sql`insert into bench_baseline (payload) values (${payload}::jsonb)`.execute(trx));
  const seconds = (performance.now() - started) / 1000;
  await sql`drop table bench_baseline`.execute(db);
  return updates / seconds;
}

async function count(db: Db, table: 'outbox' | 'report_revisions'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A fresh database on the server for this run, dropped afterwards. */
async function withServerDatabase<T>(baseUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `sohoa_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** Runs the intake benchmark on every available database and prints its figures. */
export async function runIntakeBench(
  rounds = Number(process.env.BENCH_INTAKE_ROUNDS ?? 2),
): Promise<IntakeBenchResult[]> {
  const results = [await runOn('PGlite (embedded)', { kind: 'embedded', dataDir: 'memory' }, rounds)];
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (serverUrl)
    results.push(
      await withServerDatabase(serverUrl, (url) =>
        runOn('PostgreSQL (server)', { kind: 'server', url }, rounds),
      ),
    );
  for (const r of results) {
    console.log(
      `${r.database.padEnd(20)} ${r.updates} reports: ${r.updatesPerSecond.toFixed(0).padStart(5)} updates/s; bare INSERT+COMMIT ${r.baselinePerSecond.toFixed(0).padStart(5)}/s; ratio ${(r.updatesPerSecond / r.baselinePerSecond).toFixed(3)}`,
    );
    console.log(
      `${''.padEnd(20)} stored ${r.reportsStored} report revisions, enqueued ${r.repliesEnqueued} replies`,
    );
  }
  if (!serverUrl) console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runIntakeBench();
}
