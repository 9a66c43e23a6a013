import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/domain/local-time.js';
import { trueFigures } from '../../src/demo/commune-profile.js';
import type { ChatEntry } from '../../src/demo/chat-log.js';
import { reminderKind } from '../../src/demo/reminder-kinds.js';
import { runDemo } from '../../src/demo/run-demo.js';
import type { DemoResult } from '../../src/demo/play-campaign.js';
import { formatTime } from '../../src/messages/vi-format.js';
import { QUANG_TRI_DIR } from '../support/campaign-fixture.js';

const TZ = 'Asia/Ho_Chi_Minh';
const DAYS = ['2025-03-01', '2025-03-02', '2025-03-03'];

// A shortened campaign: five communes (one per district, the first few with scripted moments), three
// days, a fixed seed. The real bot, scheduler, sender and PGlite run against the fake Telegram.
describe('sohoa demo, shortened: 5 communes, 3 days', () => {
  let out = '';
  let result: DemoResult;
  const toChat = (chatId: number) => result.entries.filter((e) => e.chatId === chatId);
  const botTexts = (chatId: number) => toChat(chatId).filter((e) => e.side === 'bot' && e.kind === 'text');
  const on = (entry: ChatEntry) => localDate(entry.at, TZ);

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'sohoa-demo-e2e-'));
    result = await runDemo({
      days: 3,
      communes: 5,
      seed: 'e2e',
      speed: 0,
      outDir: out,
      dataDir: 'memory',
      campaignDir: QUANG_TRI_DIR,
      logLevel: 'silent',
    });
  }, 120_000);

  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('plays without surprises: every answer was the one the users expected', () => {
    expect(result.summary.tally.anomalies).toEqual([]);
    expect(result.days.map((d) => d.date)).toEqual(DAYS);
  });

  it('gives each leadership group its charts and PDF every evening, exactly once, saved as delivered', async () => {
    const groups = result.chats.filter((c) => c.role === 'group');
    expect(groups).toHaveLength(2);
    for (const group of groups) {
      const evening = toChat(group.id).filter((e) => e.side === 'bot' && formatTime(e.at, TZ) >= '17:30');
      for (const date of DAYS) {
        const that = evening.filter((e) => on(e) === date);
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

  it('reminds a silent commune at 16:00, notes the missed day, and its coordinator fills the gap', () => {
    const silent = result.cast.communes[2]!;
    const calls = botTexts(silent.user.id).filter((e) => reminderKind(e.text) === 'report_call');
    expect(calls.map((e) => `${on(e)} ${formatTime(e.at, TZ)}`)).toEqual(
      expect.arrayContaining([`${DAYS[0]} 16:00`, `${DAYS[1]} 16:00`]),
    );
    expect(botTexts(silent.user.id).some((e) => reminderKind(e.text) === 'missed' && on(e) === DAYS[1])).toBe(
      true,
    );
    const coordinator = result.cast.coordinators.find((c) => c.unitCode === silent.districtCode)!;
    const escalation = botTexts(coordinator.user.id).find((e) => reminderKind(e.text) === 'escalation');
    expect(escalation?.text).toContain(`mã ${silent.code}`);
    expect(result.summary.tally.scenarios.past_date_by_coordinator).toBe(1);
  });

  it('refuses bad sample files naming the problem, and accepts them once fixed', () => {
    const sloppy = result.cast.communes[1]!;
    const verdicts = botTexts(sloppy.user.id).filter(
      (e) => /^(✅|⚠️|❌) /u.test(e.text) && e.text.includes(' — '),
    );
    const refused = verdicts.filter((e) => e.text.startsWith('❌ Không đạt'));
    expect(refused.some((e) => e.text.includes('vượt giới hạn 100,0 KB'))).toBe(true);
    expect(refused.some((e) => e.text.includes('thực chất là ảnh JPEG'))).toBe(true);
    expect(refused.some((e) => e.text.includes('không đúng mẫu'))).toBe(true);
    expect(verdicts.filter((e) => e.text.startsWith('✅ Đạt')).length).toBeGreaterThanOrEqual(refused.length);
    expect(result.summary.tally.rejectedBy).toMatchObject({
      too_large: 1,
      not_pdf: 1,
      bad_name: 1,
      low_dpi: 1,
    });
  });

  it('holds a mistyped figure and a correction for the confirm button', () => {
    const first = result.cast.communes[0]!;
    const texts = botTexts(first.user.id).map((e) => e.text);
    expect(texts.some((t) => t.startsWith('⚠️ Báo cáo ngày 02/03/2025') && t.includes('Xác nhận'))).toBe(
      true,
    );
    const pressed = toChat(first.user.id).filter((e) => e.kind === 'button');
    expect(pressed.map((e) => e.text)).toContain('✅ Xác nhận');
    expect(result.summary.tally.scenarios).toMatchObject({
      typo_held: 1,
      correction_confirmed: 1,
      wrong_code: 1,
    });
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
    expect(summary).toContain('khớp với báo cáo của xã: 5/5 xã');
  });
});
