import { sql } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import { expect, it } from 'vitest';
import { createLogger } from '../../src/config/logger.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { JobScheduler } from '../../src/jobs/job-scheduler.js';
import { retentionJob } from '../../src/jobs/retention.job.js';
import { createInvite } from '../../src/services/invite.service.js';
import { makeJpeg } from '../files/support/scan-corpus.js';
import { lastText, startBotHarness } from '../support/bot-harness.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

const NAME = 'HOANG VAN THU';

/** Rows (as text, bytea as hex) of every table in the schema that mention `needle`, as "table: row". */
async function rowsMentioning(db: Db, needle: string): Promise<string[]> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const hex = Buffer.from(needle).toString('hex');
  const found: string[] = [];
  for (const { table_name } of tables.rows) {
    // A whole row as text covers every text and jsonb column, and shows bytea as \x… hex.
    const rows = await sql<{ row: string }>`
      select t::text as row from ${sql.table(table_name)} t
      where t::text ilike ${`%${needle}%`} or t::text ilike ${`%${hex}%`}`.execute(db);
    found.push(...rows.rows.map((r) => `${table_name}: ${r.row.slice(0, 300)}`));
  }
  return found;
}

async function scan(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const image = await document.embedJpg(await makeJpeg(1000, 1000, 'text', 20, 3));
  document.addPage([720, 720]).drawImage(image, { x: 0, y: 0, width: 720, height: 720 });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

describeEachDatabase('the nightly redaction of old chat content', (database) => {
  it('leaves a name typed in a report or a file name nowhere in the database after the retention period', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const campaignId = await loadQuangTri(db);
    const harness = await startBotHarness(db, clock);
    const { api } = harness;
    try {
      const { code } = await createInvite(
        db,
        { campaignId, unitCode: '19333', role: 'reporter', uses: 1, validDays: 30, createdBy: 'test' },
        clock,
      );
      const lan = api.user(501, { firstName: 'Lan' });
      api.sendText(lan, `/start ${code}`);
      await harness.settle();
      // A name where a figure should be: the refusal quotes it back; then a sample named after a person.
      api.sendText(lan, `/baocao so 12 ${NAME} khai sinh 3`);
      await harness.settle();
      api.sendDocument(lan, { fileName: `${NAME}.pdf`, bytes: await scan() });
      await harness.settle();
      expect(lastText(api, lan.id)).not.toBe('');
      const before = await rowsMentioning(db, NAME);
      expect(before.some((r) => r.startsWith('inbox:'))).toBe(true);
      expect(before.some((r) => r.startsWith('outbox:'))).toBe(true);
      expect(before.some((r) => r.startsWith('sample_files:'))).toBe(true);

      const scheduler = new JobScheduler({
        db,
        campaign: harness.campaign,
        clock,
        logger: createLogger('silent'),
        jobs: [retentionJob],
      });
      // The day before the 30 days are up, nothing is redacted yet.
      clock.set('2025-04-08T02:30:00+07:00');
      const early = await scheduler.runAt(retentionJob, clock.now());
      expect(early?.kind).toBe('ran');
      expect(await rowsMentioning(db, NAME)).toEqual(before);

      clock.set('2025-04-10T02:30:00+07:00');
      const late = await scheduler.runAt(retentionJob, clock.now());
      expect(late?.kind === 'ran' && late.outcome.redacted).toMatchObject({ sampleFileNames: 1 });
      expect(await rowsMentioning(db, NAME)).toEqual([]);

      // Ids, statuses and timings stay: every update is still there, done, with its times.
      const inbox = await db.selectFrom('inbox').selectAll().execute();
      expect(inbox.length).toBeGreaterThanOrEqual(3);
      expect(inbox.every((r) => r.status === 'done' && r.handled_at !== null && r.redacted_at !== null)).toBe(
        true,
      );
      const outbox = await db.selectFrom('outbox').selectAll().execute();
      expect(outbox.every((r) => r.status === 'sent' && r.sent_at !== null && r.attachment === null)).toBe(
        true,
      );
      const samples = await db.selectFrom('sample_files').select(['file_name', 'verdict']).execute();
      expect(samples.map((s) => s.file_name)).toEqual([expect.stringMatching(/^mau-\d+\.pdf$/)]);
    } finally {
      await harness.close();
    }
  }, 120_000);
});
