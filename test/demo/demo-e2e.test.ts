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
import { REWORDED, reword } from './reword.js';

const TZ = 'Asia/Ho_Chi_Minh';
/** Thị xã Quảng Trị: the district of the third commune of the cast (the silent one). */
const OA_DISTRICT = '462';
const DAYS = ['2025-03-01', '2025-03-02', '2025-03-03'];

/** What the database holds after the run, read with plain queries (not the demo's own readers). */
interface StoredFacts {
  readonly sentByKey: (prefix: string, chatId?: number) => { key: string; at: Date }[];
  readonly samples: { unit: string; verdict: string }[];
  readonly reports: { unit: string; date: string; late: boolean; firstOn: string }[];
  readonly revisions: { unit: string; date: string; status: string }[];
  readonly escalated: readonly string[];
  /** Updates stored and messages delivered, per platform. */
  readonly byPlatform: Record<string, { received: number; sent: number }>;
  readonly oaCosts: Record<string, number>;
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
  const inbox = await db.selectFrom('inbox').select('platform').execute();
  const delivered = await db.selectFrom('outbox').select('platform').where('status', '=', 'sent').execute();
  const byPlatform: StoredFacts['byPlatform'] = {};
  for (const r of inbox) (byPlatform[r.platform] ??= { received: 0, sent: 0 }).received++;
  for (const r of delivered) (byPlatform[r.platform] ??= { received: 0, sent: 0 }).sent++;
  const oaCosts: Record<string, number> = {};
  for (const r of await db.selectFrom('zalo_oa_sends').select('cost').execute())
    oaCosts[r.cost] = (oaCosts[r.cost] ?? 0) + 1;
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
    byPlatform,
    oaCosts,
    escalated: missedRuns.flatMap((r) => {
      const codes = (r.outcome as { escalatedUnitCodes?: unknown } | null)?.escalatedUnitCodes;
      return Array.isArray(codes) ? codes.map(String) : [];
    }),
  };
}

// A shortened campaign: four communes (the scripted ones, each in its own district), three days, a fixed
// seed. The real bot, scheduler, sender, web side and PGlite run against the fake Telegram, Zalo Bot and
// Zalo OA — which replace every word the bot sends: the simulated people act on what the database holds,
// so the run must still play every moment, and the demo's tallies must equal what the database holds.
// Two communes are on Telegram, the fourth on Zalo Bot (as every third of a full run), the third's
// district on the OA (`--zalo-oa`), and a province leader reads the evening package on Zalo.
describe('sohoa demo, shortened, with the bot’s words replaced: 4 communes on three channels, 3 days', () => {
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
      zaloOaUnit: OA_DISTRICT,
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
    // The OA commune's call comes earlier when its free window would close before 16:00.
    expect(reminders.report_call).toBe(sent('job:nhac-bao-cao:') + sent('job:zalo-oa-nhac-som:'));
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
    expect(calls).toEqual([`${DAYS[0]} 16:00`]);
    // On the OA, silent since joining two days before: the call comes while its free window is open.
    const early = stored.sentByKey('job:zalo-oa-nhac-som:', silent.user.id).map((r) => at(r.at));
    expect(early).toHaveLength(1);
    expect(early[0]! > `${DAYS[1]} 07:00` && early[0]! < `${DAYS[1]} 16:00`, early[0]).toBe(true);
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
    // The second commune's three on Telegram and the first's low-resolution scan; the OA commune's misnamed
    // file in its chat; the Zalo Bot commune's oversized one through the upload page.
    expect(rejectedBy).toEqual({ too_large: 2, not_pdf: 1, bad_name: 2, low_dpi: 1 });
    expect(refusalCodes.too_large.flat()).toContain('size.too_large');
    expect(refusalCodes.not_pdf.flat()).toContain('format.jpeg');
    expect(refusalCodes.bad_name.flat().some((code) => code.startsWith('name.'))).toBe(true);
    expect(refusalCodes.low_dpi.flat()).toContain('content.low_dpi');
    expect(scenarios.file_fixed).toBe(6);
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

  it('plays communes on Zalo Bot and on the OA and a leader on Zalo, counting each channel as the database does', async () => {
    const [, , onOa, onZalo] = result.cast.communes;
    expect(result.cast.communes.map((c) => c.channel)).toEqual([
      'telegram',
      'telegram',
      'zalo-oa',
      'zalo-bot',
    ]);
    // Zalo people type commands in words, never with a slash; the bot answers them there.
    for (const commune of [onOa!, onZalo!]) {
      const chat = toChat(commune.user.id);
      const typed = chat.filter((e) => e.side === 'user' && e.kind === 'text').map((e) => e.text);
      expect(typed.filter((t) => t.startsWith('/'))).toEqual([]);
      expect(typed.some((t) => t.startsWith('Bắt đầu '))).toBe(true);
      expect(chat.filter((e) => e.side === 'bot').length).toBeGreaterThan(3);
    }
    // The OA takes the file in the chat; on Zalo Bot the file goes in through the upload page.
    const verdicts = (unit: string) => stored.samples.filter((s) => s.unit === unit).map((s) => s.verdict);
    expect(verdicts(onOa!.code)).toEqual(['rejected', 'accepted']);
    expect(verdicts(onZalo!.code)).toEqual(['rejected', 'accepted']);
    const uploads = toChat(onZalo!.user.id).filter((e) => e.side === 'user' && e.kind === 'event');
    expect(uploads).toHaveLength(2);

    // The province leader on Zalo: every evening each chart as a photo, and the PDF opened by its link.
    const leader = result.cast.zaloLeaders[0]!;
    expect(result.summary.tally.zaloEvenings).toMatchObject({ evenings: 3, pdfs: 3 });
    const photos = toChat(leader.leader.id).filter((e) => e.kind === 'photo');
    expect(photos.length).toBe(result.summary.tally.zaloEvenings.charts);
    for (const photo of photos) {
      const bytes = await readFile(join(out, photo.savedPath ?? ''));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    }

    // Messages per channel, and what the OA's sends cost, as plain queries read them.
    const { byChannel, oa } = result.summary.channels;
    expect(byChannel.map((c) => c.channel)).toEqual(['telegram', 'zalo-bot', 'zalo-oa']);
    for (const c of byChannel) {
      expect(c.received, c.channel).toBe(stored.byPlatform[c.channel]?.received);
      expect(c.sent, c.channel).toBe(stored.byPlatform[c.channel]?.sent);
      expect(c.sent, c.channel).toBeGreaterThan(0);
    }
    expect(byChannel.map((c) => c.people)).toEqual([
      result.chats.filter((c) => c.role !== 'group').length - 3,
      2,
      1,
    ]);
    expect(oa).toMatchObject({
      free: stored.oaCosts.free ?? 0,
      billed: stored.oaCosts.billed ?? 0,
      refused: stored.oaCosts.refused ?? 0,
    });
    expect((oa?.free ?? 0) + (oa?.billed ?? 0)).toBeGreaterThan(0);
    expect(oa?.earlyCalls).toBe(stored.sentByKey('job:zalo-oa-nhac-som:').length);
    expect(oa?.earlyCalls).toBeGreaterThan(0);
    const summary = await readFile(join(out, 'summary.txt'), 'utf8');
    expect(summary).toContain('Tin nhắn theo kênh');
    expect(summary).toContain('Lãnh đạo trên Zalo: 3/3 tối');
  });
});
