import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { lastText, startBotHarness } from '../support/bot-harness.js';
import { inviteCode, loadQuangTri } from '../support/campaign-fixture.js';
import { seedReports } from '../support/report-seed.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('/baocaongay and /bieudo on demand', (database) => {
  const setup = async (at: string, days: string[]) => {
    const { db } = database();
    const clock = new ManualClock(at);
    const campaignId = await loadQuangTri(db, clock);
    await seedReports(db, campaignId, days, { skipEvery: 4 });
    const harness = await startBotHarness(db, clock);
    const code = (unit: string, role: 'leader' | 'reporter') => inviteCode(db, clock, campaignId, unit, role);
    return { harness, api: harness.api, code };
  };

  it('sends a district leader one album of charts, one summary and one PDF, and refuses reporters', async () => {
    const { harness, api, code } = await setup('2025-03-10T18:00:00+07:00', ['2025-03-09', '2025-03-10']);
    try {
      const leader = api.user(77, { firstName: 'Chủ tịch' });
      const reporter = api.user(78, { firstName: 'Lan' });
      api.sendText(leader, `/start ${await code('469', 'leader')}`);
      api.sendText(reporter, `/start ${await code('19333', 'reporter')}`);
      await harness.settle();
      api.clear();
      api.sendText(leader, '/baocaongay');
      api.sendText(reporter, '/baocaongay');
      await harness.settle();
      const toLeader = api.sent.filter((c) => String(c.chatId) === '77' && c.ok);
      // Exactly three messages: the album (ranking of 16 communes + progress), the text, the PDF.
      expect(toLeader.map((c) => c.method)).toEqual(['sendMediaGroup', 'sendMessage', 'sendDocument']);
      const album = api.messagesTo(77).filter((m) => 'media_group_id' in m && m.media_group_id);
      expect(album).toHaveLength(2);
      const caption = album[0] && 'caption' in album[0] ? (album[0].caption ?? '') : '';
      expect(caption).toBe('Biểu đồ tiến độ số hóa – Huyện Triệu Phong, ngày 10/03/2025');
      expect(album[1] && 'caption' in album[1] ? album[1].caption : undefined).toBeUndefined();
      const summary = toLeader.find((c) => c.method === 'sendMessage')?.text ?? '';
      expect(summary).toContain('HUYỆN TRIỆU PHONG');
      expect(summary).not.toContain(caption);
      const pdf = toLeader.find((c) => c.method === 'sendDocument')?.files?.[0];
      expect(pdf?.fileName).toBe('bao-cao-ngay-2025-03-10-huyen-trieu-phong.pdf');
      expect(
        Buffer.from(pdf?.bytes ?? [])
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(lastText(api, 78)).toContain('không có quyền');
    } finally {
      await harness.close();
    }
  });

  it('answers /baocaongay 12/03 for an earlier day and refuses a future one naming the range', async () => {
    const { harness, api, code } = await setup('2025-03-14T10:00:00+07:00', [
      '2025-03-11',
      '2025-03-12',
      '2025-03-13',
    ]);
    try {
      const leader = api.user(77, { firstName: 'Chủ tịch' });
      api.sendText(leader, `/start ${await code('469', 'leader')}`);
      await harness.settle();
      api.clear();
      api.sendText(leader, '/baocaongay 12/03');
      await harness.settle();
      const calls = api.sent.filter((c) => String(c.chatId) === '77' && c.ok);
      expect(calls.map((c) => c.method)).toEqual(['sendMediaGroup', 'sendMessage', 'sendDocument']);
      expect(calls[1]?.text).toContain('Ngày 12/03/2025');
      expect(calls[2]?.files[0]?.fileName).toBe('bao-cao-ngay-2025-03-12-huyen-trieu-phong.pdf');

      api.clear();
      api.sendText(leader, '/baocaongay 20/03');
      await harness.settle();
      expect(api.sent.filter((c) => c.ok && c.method !== 'sendMessage' && String(c.chatId) === '77')).toEqual(
        [],
      );
      expect(lastText(api, 77)).toBe(
        'Ngày 20/03/2025 chưa đến: chỉ nhận ngày từ 01/03/2025 đến hôm nay 14/03/2025.',
      );
      api.sendText(leader, '/bieudo 28/02');
      await harness.settle();
      expect(lastText(api, 77)).toContain('Ngày 28/02/2025 trước khi chiến dịch bắt đầu');

      // /bieudo: the charts alone, one album whose caption carries the key figures.
      api.clear();
      api.sendText(leader, '/bieudo 13/03');
      await harness.settle();
      const charts = api.sent.filter((c) => String(c.chatId) === '77' && c.ok);
      expect(charts.map((c) => c.method)).toEqual(['sendMediaGroup']);
      expect(charts[0]?.files.map((f) => f.fileName)).toEqual([
        'bieu-do-2025-03-13-1.png',
        'bieu-do-2025-03-13-2.png',
      ]);
      // The first image of the latest album carries the caption.
      const groupOf = (m: object) => ('media_group_id' in m ? String(m.media_group_id) : undefined);
      const albums = api.messagesTo(77).filter((m) => groupOf(m) !== undefined);
      const last = albums.at(-1);
      const latest = albums.filter((m) => last && groupOf(m) === groupOf(last));
      expect(latest).toHaveLength(2);
      const caption = latest[0] && 'caption' in latest[0] ? (latest[0].caption ?? '') : '';
      expect(caption).toContain('Tiến độ số hóa – Huyện Triệu Phong, 13/03/2025');
      expect(caption).toContain('Báo cáo hôm nay');
    } finally {
      await harness.close();
    }
  });
});
