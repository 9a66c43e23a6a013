import { expect, it } from 'vitest';
import { createLogger } from '../../../src/config/logger.js';
import { runJobSlot } from '../../../src/jobs/job-runner.js';
import { slotAtOrBefore } from '../../../src/jobs/job-slots.js';
import { reportCallJob } from '../../../src/jobs/report-call.job.js';
import { lastMarkup } from '../../support/bot-harness.js';
import { startZaloChat } from '../../support/fake-zalo-bot/index.js';
import { describeEachDatabase } from '../../support/test-database.js';

// One campaign day, two communes with the same targets doing the same things, one on Telegram and one on
// Zalo: every answer must carry the same figures. Names and the way choices are offered (buttons, or a
// numbered list) are the only differences allowed.

/**
 * A reply with its commune's name and Zalo's numbered choices taken out, for comparing figure by figure.
 * The commune's own rank is taken out too: with equal figures, the one that reported first ranks first.
 */
function comparable(text: string, unitName: string): string {
  return text
    .split(unitName)
    .join('<XÃ>')
    .replace(/(Hạng(?: trong [^:\n]+)?: )\d+\//gu, '$1N/')
    .replace(/(trong Tỉnh Quảng Trị: |· )\d+\/(\d+)/gu, '$1N/$2')
    .replace(/\n\n👉 Trả lời (bằng một số:(\n\d+ — .*)+|1 để chọn: .*)$/u, '');
}

const figures = (text: string) => text.match(/\d[\d.,]*/g) ?? [];

describeEachDatabase('a commune on Zalo and one on Telegram through the same campaign day', (database) => {
  it('gives both the same figures: reports, a confirmed correction, progress, ranking and the 16:00 call', async () => {
    const harness = await startZaloChat(database().db, { telegram: true });
    const { db, clock, zalo, invite, telegramSay: tgSay } = harness;
    const telegram = harness.telegram!;
    try {
      const zaloSay = (id: string, text: string) => harness.say(zalo.user(id, 'x'), text);
      // Same targets (40 books, 5,919 records): Phường Đông Lễ on Telegram, Phường Đông Thanh on Zalo.
      const lan = telegram.user(501, { firstName: 'Lan' });
      const cuc = telegram.user(502, { firstName: 'Cúc' });
      const mai = { id: 'za10ma1', name: 'Mai' };
      const hoa = { id: 'za10h0a', name: 'Hoa' };
      const tgUnit = 'Phường Đông Lễ';
      const zaloUnit = 'Phường Đông Thanh';
      await tgSay(lan, `/start ${await invite('19336')}`);
      await tgSay(cuc, `/start ${await invite('19330')}`);
      await zalo.sendText(zalo.user(mai.id, mai.name), `bắt đầu ${await invite('19339')}`);
      await zalo.sendText(zalo.user(hoa.id, hoa.name), `Bắt đầu ${await invite('19333')}`);
      await harness.settle();
      expect(zalo.lastTextTo(mai.id)).toContain('Chào anh/chị Mai!');

      const same = (tg: string, za: string) => {
        expect(comparable(za, zaloUnit)).toBe(comparable(tg, tgUnit));
      };

      // Reports: Lan's first, then Mai's, with the same figures (the district ranking sees both).
      const tgReport = await tgSay(lan, '/baocao sổ 10 quét 1000 nhập 900 đính kèm 800');
      const zaloReport = await zaloSay(mai.id, 'báo cáo sổ 10 quét 1000 nhập 900 đính kèm 800');
      expect(tgReport).toContain('✅ Đã ghi báo cáo');
      expect(figures(comparable(zaloReport, zaloUnit)).slice(0, 6)).toEqual(
        figures(comparable(tgReport, tgUnit)).slice(0, 6),
      );

      // A correction that needs confirming: a button on Telegram, «1» on Zalo.
      clock.advance(3_600_000);
      const tgHeld = await tgSay(lan, '/baocao quét 990');
      const zaloHeld = await zaloSay(mai.id, 'báo cáo quét 990');
      // The same figures; only the way to confirm is said the channel's way (a button, a number).
      const body = (text: string, unit: string) =>
        figures(comparable(text, unit).split('\n').slice(0, -1).join('\n'));
      expect(body(zaloHeld, zaloUnit)).toEqual(body(tgHeld, tgUnit));
      expect(tgHeld).toContain('Bấm «Xác nhận»');
      expect(zaloHeld).toContain('Trả lời 1 để xác nhận');
      const data = lastMarkup(telegram, lan.id).match(/"(rc:\d+)"/)?.[1] ?? '';
      const heldMessage = telegram.lastMessageTo(lan.id);
      if (!heldMessage) throw new Error('no message to press on');
      telegram.pressButton(lan, heldMessage, data);
      await harness.settle();
      const tgLast = telegram.lastMessageTo(lan.id);
      const tgConfirmed = tgLast && 'text' in tgLast ? tgLast.text : '';
      const zaloConfirmed = await zaloSay(mai.id, '1');
      expect(tgConfirmed).toContain('✅ Đã ghi báo cáo');
      same(tgConfirmed, zaloConfirmed);

      // Progress and ranking, asked in words on Zalo.
      same(await tgSay(lan, '/tiendo'), await zaloSay(mai.id, 'tiến độ'));
      const tgRanking = await tgSay(lan, '/xephang');
      const zaloRanking = await zaloSay(mai.id, 'Xếp hạng');
      expect(figures(zaloRanking)).toEqual(figures(tgRanking));

      // The stored reports, figure by figure.
      const rows = await db
        .selectFrom('daily_reports')
        .innerJoin('units', 'units.id', 'daily_reports.unit_id')
        .select(['units.code', 'books', 'scanned', 'entered', 'attached'])
        .orderBy('units.code')
        .execute();
      expect(rows.map(({ code: _code, ...figures }) => figures)).toEqual([
        { books: 10, scanned: 990, entered: 900, attached: 800 },
        { books: 10, scanned: 990, entered: 900, attached: 800 },
      ]);

      // 16:00: the communes with no report yet are called, one on each channel, with the same words.
      clock.set(new Date('2025-03-10T16:00:00+07:00'));
      const slot = slotAtOrBefore(reportCallJob, harness.campaign, clock.now());
      if (!slot) throw new Error('no report call on 10/03');
      const deps = { db, campaign: harness.campaign, clock, logger: createLogger('silent'), instance: 't' };
      expect((await runJobSlot(deps, reportCallJob, slot, { force: false })).kind).toBe('ran');
      await harness.settle();
      const tgCall = telegram.lastMessageTo(cuc.id);
      const tgCallText = tgCall && 'text' in tgCall ? tgCall.text : '';
      expect(tgCallText).not.toBe('');
      expect(comparable(zalo.lastTextTo(hoa.id), 'Phường 1')).toBe(
        comparable(tgCallText, 'Phường Đông Giang'),
      );
      // The communes that reported are not called, on either channel.
      expect(zalo.textsTo(mai.id).at(-1)).toBe(zaloRanking);
      // Nothing was sent twice: one outbox row per dedupe key, every one delivered.
      const outbox = await db.selectFrom('outbox').select(['platform', 'status', 'kind']).execute();
      expect(outbox.every((r) => r.status === 'sent')).toBe(true);
      // Zalo has no command menus: those rows are done without a call; every other row is one message.
      const zaloRows = outbox.filter((r) => r.platform === 'zalo-bot');
      expect(zaloRows.filter((r) => r.kind === 'menu')).toHaveLength(2);
      expect(zaloRows.filter((r) => r.kind !== 'menu')).toHaveLength(zalo.sent.length);
    } finally {
      await harness.close();
    }
  });
});
