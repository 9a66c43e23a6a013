import { createHash } from 'node:crypto';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/domain/local-time.js';
import { openDatabase, type Db } from '../../src/db/database.js';
import { trueFigures } from '../../src/demo/commune-profile.js';
import type { DemoResult } from '../../src/demo/play-campaign.js';
import { runDemo } from '../../src/demo/run-demo.js';
import { formatTime } from '../../src/messages/vi-format.js';
import { QUANG_TRI_DIR } from '../support/campaign-fixture.js';

const TZ = 'Asia/Ho_Chi_Minh';
const DAYS = ['2025-03-01', '2025-03-02', '2025-03-03'];

/** Every text the bot sends, replaced by a tag of its hash: no word of the bot's survives. */
const reword = (text: string) => `[${createHash('sha256').update(text).digest('hex').slice(0, 12)}]`;
const REWORDED = /^\[[0-9a-f]{12}\]$/;

/** What the database holds after the run, read with plain queries (not the demo's own readers). */
interface StoredFacts {
  readonly sentByKey: (prefix: string, chatId?: number) => { key: string; at: Date }[];
  readonly samples: { unit: string; verdict: string }[];
  readonly reports: { unit: string; date: string; late: boolean; firstOn: string }[];
  readonly revisions: { unit: string; date: string; status: string }[];
  readonly escalated: readonly string[];
}

async function readStoredFacts(db: Db): Promise<StoredFacts> {
  const outbox = await db
    .selectFrom('outbox')
    .select(['dedupe_key', 'chat_id', 'sent_at'])
    .where('status', '=', 'sent')
    .orderBy('id')
    .execute();
  const samples = await db
    .selectFrom('sample_files')
    .innerJoin('units', 'units.id', 'sample_files.unit_id')
    .select(['units.code as unit', 'sample_files.verdict as verdict'])
    .execute();
  const reports = await db
    .selectFrom('daily_reports')
    .innerJoin('units', 'units.id', 'daily_reports.unit_id')
    .select([
      'units.code as unit',
      'daily_reports.report_date as date',
      'daily_reports.late as late',
      'daily_reports.first_reported_at as first',
    ])
    .execute();
  const revisions = await db
    .selectFrom('report_revisions')
    .innerJoin('units', 'units.id', 'report_revisions.unit_id')
    .select([
      'units.code as unit',
      'report_revisions.report_date as date',
      'report_revisions.status as status',
    ])
    .orderBy('report_revisions.id')
    .execute();
  const missedRuns = await db
    .selectFrom('job_runs')
    .select('outcome')
    .where('job', '=', 'thieu-bao-cao')
    .execute();
  const dateText = (d: unknown) => (d instanceof Date ? localDate(d, TZ) : String(d));
  return {
    sentByKey: (prefix, chatId) =>
      outbox
        .filter(
          (r) => r.dedupe_key.startsWith(prefix) && (chatId === undefined || r.chat_id === String(chatId)),
        )
        .map((r) => ({ key: r.dedupe_key, at: r.sent_at as Date })),
    samples: samples.map((s) => ({ unit: s.unit, verdict: String(s.verdict) })),
    reports: reports.map((r) => ({
      unit: r.unit,
      date: dateText(r.date),
      late: r.late,
      firstOn: localDate(r.first, TZ),
    })),
    revisions: revisions.map((r) => ({ unit: r.unit, date: dateText(r.date), status: String(r.status) })),
    escalated: missedRuns.flatMap((r) => {
      const codes = (r.outcome as { escalatedUnitCodes?: unknown } | null)?.escalatedUnitCodes;
      return Array.isArray(codes) ? codes.map(String) : [];
    }),
  };
}

// A shortened campaign: four communes (the scripted ones, each in its own district), three days, a fixed
// seed. The real bot, scheduler, sender and PGlite run against the fake Telegram — which replaces every
// word the bot sends: the simulated people act on what the database holds, so the run must still play
// every moment, and the demo's tallies must equal what the database holds.
describe('sohoa demo, shortened, with the bot’s words replaced: 4 communes, 3 days', () => {
  let out = '';
  let dataDir = '';
  let result: DemoResult;
  let stored: StoredFacts;
  const toChat = (chatId: number) => result.entries.filter((e) => e.chatId === chatId);
  const at = (d: Date) => `${localDate(d, TZ)} ${formatTime(d, TZ)}`;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'sohoa-demo-e2e-'));
    dataDir = await mkdtemp(join(tmpdir(), 'sohoa-demo-e2e-db-'));
    result = await runDemo({
      days: 3,
      communes: 4,
      seed: 'e2e',
      speed: 0,
      outDir: out,
      dataDir,
      campaignDir: QUANG_TRI_DIR,
      logLevel: 'silent',
      rewordBotText: reword,
    });
    const handle = await openDatabase({ kind: 'embedded', dataDir });
    try {
      stored = await readStoredFacts(handle.db);
    } finally {
      await handle.close();
    }
  }, 240_000);

  afterAll(async () => {
    for (const dir of [out, dataDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('plays every scripted moment without surprises, though no word of the bot was readable', () => {
    const botTexts = result.entries.filter((e) => e.side === 'bot' && e.kind === 'text');
    expect(botTexts.length).toBeGreaterThan(50);
    expect(botTexts.filter((e) => !REWORDED.test(e.text))).toEqual([]);
    expect(result.summary.tally.anomalies).toEqual([]);
    expect(result.days.map((d) => d.date)).toEqual(DAYS);
    const { scenarios } = result.summary.tally;
    expect(scenarios).toMatchObject({
      wrong_code: 1,
      typo_held: 1,
      correction_confirmed: 1,
      past_date_by_coordinator: 1,
    });
    for (const name of ['wizard', 'order_mistake', 'coordinator_broadcast', 'file_fixed'] as const)
      expect(scenarios[name], name).toBeGreaterThanOrEqual(1);
  });

  it('counts exactly what the database holds: reminders delivered, files judged, reports stored', () => {
    const sent = (prefix: string) => stored.sentByKey(prefix).length;
    const { reminders, tally, reports } = result.summary;
    expect(reminders.report_call).toBe(sent('job:nhac-bao-cao:'));
    expect(reminders.countdown).toBe(sent('job:dem-nguoc:'));
    expect(reminders.broadcast).toBe(sent('broadcast:'));
    expect(reminders.missed + reminders.escalation).toBe(sent('job:thieu-bao-cao:'));
    expect(reminders.report_call).toBeGreaterThan(0);
    expect(reminders.broadcast).toBeGreaterThan(0);
    const played = new Set(result.cast.communes.map((c) => c.code));
    const samples = stored.samples.filter((s) => played.has(s.unit));
    expect(tally.files.checked).toBe(samples.length);
    expect(tally.files.rejected).toBe(samples.filter((s) => s.verdict === 'rejected').length);
    // The day's tally counts reports received that day; one entered later for a past day is not among them.
    const inRun = stored.reports.filter(
      (r) => played.has(r.unit) && DAYS.includes(r.date) && r.firstOn === r.date,
    );
    expect(reports.onTime + reports.late).toBe(inRun.length);
    expect(reports.late).toBe(inRun.filter((r) => r.late).length);
  });

  it('gives each leadership group its charts and PDF every evening, exactly once, saved as delivered', async () => {
    const groups = result.chats.filter((c) => c.role === 'group');
    expect(groups).toHaveLength(2);
    for (const group of groups) {
      const evening = toChat(group.id).filter((e) => e.side === 'bot' && formatTime(e.at, TZ) >= '17:30');
      for (const date of DAYS) {
        const that = evening.filter((e) => localDate(e.at, TZ) === date);
        const pdfs = that.filter((e) => e.kind === 'document');
        expect(
          pdfs.map((e) => e.fileName),
          `${group.title} ${date}`,
        ).toEqual([expect.stringMatching(/^bao-cao-ngay-.+\.pdf$/)]);
        const charts = that.filter((e) => e.kind === 'photo');
        expect(charts.length, `${group.title} ${date}`).toBeGreaterThanOrEqual(2);
        expect(new Set(charts.map((e) => e.fileName)).size).toBe(charts.length);
        for (const file of [...pdfs, ...charts]) {
          expect(file.savedPath).toContain(`ngay/${date}/`);
          const bytes = await readFile(join(out, file.savedPath ?? ''));
          expect(bytes.subarray(0, 4).toString('latin1')).toMatch(
            file.kind === 'document' ? '%PDF' : '\x89PNG',
          );
        }
      }
    }
    expect(result.summary.groups.every((g) => g.evenings === 3 && g.doubled === 0)).toBe(true);
  });

  it('reminds a silent commune at 16:00, notes the missed days, escalates it, and its coordinator fills the gap', () => {
    const silent = result.cast.communes[2]!;
    const calls = stored.sentByKey('job:nhac-bao-cao:', silent.user.id).map((r) => at(r.at));
    expect(calls).toEqual(expect.arrayContaining([`${DAYS[0]} 16:00`, `${DAYS[1]} 16:00`]));
    const missed = stored.sentByKey('job:thieu-bao-cao:', silent.user.id).map((r) => localDate(r.at, TZ));
    expect(missed).toEqual(expect.arrayContaining([DAYS[1], DAYS[2]]));
    expect(stored.escalated).toContain(silent.code);
    const coordinator = result.cast.coordinators.find((c) => c.unitCode === silent.parentCode)!;
    expect(stored.sentByKey('job:thieu-bao-cao:', coordinator.user.id).length).toBeGreaterThan(0);
    expect(stored.reports).toContainEqual(
      expect.objectContaining({ unit: silent.code, date: DAYS[1], firstOn: DAYS[2] }),
    );
    expect(result.summary.tally.scenarios.past_date_by_coordinator).toBe(1);
  });

  it('refuses each bad sample file for its own problem, and accepts it once fixed', () => {
    const { rejectedBy, refusalCodes, scenarios } = result.summary.tally;
    expect(rejectedBy).toEqual({ too_large: 1, not_pdf: 1, bad_name: 1, low_dpi: 1 });
    expect(refusalCodes.too_large.flat()).toContain('size.too_large');
    expect(refusalCodes.not_pdf.flat()).toContain('format.jpeg');
    expect(refusalCodes.bad_name.flat().some((code) => code.startsWith('name.'))).toBe(true);
    expect(refusalCodes.low_dpi.flat()).toContain('content.low_dpi');
    expect(scenarios.file_fixed).toBe(4);
  });

  it('holds a mistyped figure and a lowered one for confirmation, and stores them once confirmed', () => {
    const first = result.cast.communes[0]!;
    const statuses = (date: string) =>
      stored.revisions.filter((r) => r.unit === first.code && r.date === date).map((r) => r.status);
    // Day 2: the typo is held, then replaced by the right figures; day 3: the lowered figure is confirmed.
    expect(statuses(DAYS[1]!)).toEqual(['discarded', 'accepted']);
    expect(statuses(DAYS[2]!)).toEqual(['accepted', 'accepted']);
    const pressed = toChat(first.user.id).filter((e) => e.kind === 'button');
    expect(pressed.map((e) => e.text)).toContain('✅ Xác nhận');
  });

  it('ends with the figures the communes reported, in the database and in the Excel export', async () => {
    expect(result.mismatches).toEqual([]);
    const rows = new Map(
      result.finalSheets.find((s) => s.level === 'commune')!.rows.map((r) => [r.unitCode, r]),
    );
    const first = result.cast.communes[0]!;
    expect(rows.get(first.code)).toMatchObject(trueFigures(first.profile, first.target, 3));
    await access(join(out, result.exportFile));
    await access(join(out, 'transcript.md'));
    const summary = await readFile(join(out, 'summary.txt'), 'utf8');
    expect(summary).toContain('khớp với báo cáo của xã: 4/4 xã');
  });
});
