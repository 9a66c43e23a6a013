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
import { createChatBot } from '../../src/bot/chat-bot.js';
import { InboxProcessor } from '../../src/bot/inbox-processor.js';
import { channelSet } from '../../src/channels/channel.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { createLogger } from '../../src/config/logger.js';
import type { Campaign } from '../../src/domain/campaign.js';
import { ManualClock } from '../../src/domain/clock.js';
import { openDatabase, type DatabaseTarget, type Db } from '../../src/db/database.js';
import { insertInboxUpdate } from '../../src/db/inbox.repository.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { listUnitsWithTargets } from '../../src/db/unit.repository.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { createInvite } from '../../src/services/invite.service.js';
import { QUANG_TRI_DIR } from '../../test/support/campaign-fixture.js';

const BOT = { id: 777, is_bot: true, first_name: 'Sohoa', username: 'sohoa_bot' } as const;

/** What one database's run measured. */
export interface IntakeBenchResult {
  readonly database: string;
  readonly updates: number;
  readonly updatesPerSecond: number;
  readonly baselinePerSecond: number;
  readonly reportsStored: number;
  readonly repliesEnqueued: number;
}

/**
 * The one place that wires the processor (kept small: src/bot is where it changes). No Bot API server is
 * needed: a text update's handling never calls the platform; replies only go to the outbox.
 */
function createIntake(
  db: Db,
  campaign: Campaign,
  clock: ManualClock,
): { handleNext: () => Promise<boolean> } {
  const logger = createLogger('silent');
  const channel = createTelegramChannel({
    token: '1:bench',
    apiRoot: 'http://127.0.0.1:9',
    botInfo: BOT as never,
  });
  const processor = new InboxProcessor({
    db,
    channels: channelSet(channel),
    bot: createChatBot({ logger }),
    campaign,
    clock,
    logger,
  });
  return { handleNext: () => processor.processOne() };
}

/** A private-chat text update as Telegram sends it (a leading /command carries its entity). */
function textUpdate(updateId: number, userId: number, text: string) {
  const command = /^\/\w+/.exec(text)?.[0];
  const from = { id: userId, is_bot: false, first_name: `Cán bộ ${userId}`, language_code: 'vi' };
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_741_572_000,
      chat: { id: userId, type: 'private', first_name: from.first_name },
      from,
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
    },
  };
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
    const intake = createIntake(db, campaign, clock);
    let updateId = 1;
    const store = (userId: number, text: string) =>
      insertInboxUpdate(db, {
        platform: 'telegram',
        update_id: updateId,
        received_at: clock.now(),
        payload: textUpdate(updateId++, userId, text),
      });

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
      await store(10_000 + index, `/start ${invite.code}`);
      await intake.handleNext();
    }
    const outboxBefore = await count(db, 'outbox');

    // Measured: each reporter sends `rounds` cumulative reports, each stored then handled.
    const started = performance.now();
    let updates = 0;
    for (let round = 1; round <= rounds; round += 1) {
      for (const index of communes.keys()) {
        const scanned = 200 * round + index;
        await store(
          10_000 + index,
          `/baocao so ${round + 1} scan ${scanned} nhap ${scanned - 50} dinhkem ${scanned - 100}`,
        );
        if (!(await intake.handleNext())) throw new Error('the processor found no pending update');
        updates += 1;
      }
    }
    const seconds = (performance.now() - started) / 1000;
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
  const payload = JSON.stringify(textUpdate(1, 10_000, '/baocao so 2 scan 1234 nhap 1184 dinhkem 1134'));
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
