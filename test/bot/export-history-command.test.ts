import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { startChat } from '../support/chat-fixture.js';
import { seedReports } from '../support/report-seed.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('/xuatexcel and /lichsu', (database) => {
  const setup = async (at: string) => {
    const { db } = database();
    const { clock, campaignId, harness, invite, sayAs } = await startChat(db, at);
    const say = (from: { id: number; first_name: string }, text: string) => sayAs(from, text);
    return { db, clock, campaignId, harness, api: harness.api, invite, say };
  };

  it('sends a district coordinator the Excel of their district, for today or a typed day', async () => {
    const { db, campaignId, harness, api, invite, say } = await setup('2025-03-12T18:00:00+07:00');
    try {
      await seedReports(db, campaignId, ['2025-03-11', '2025-03-12']);
      const hung = api.user(900, { firstName: 'Hùng' });
      const lan = api.user(501, { firstName: 'Lan' });
      await say(hung, `/start ${await invite('469', 'coordinator')}`);
      await say(lan, `/start ${await invite('19333', 'reporter')}`);
      api.clear();
      await say(hung, '/xuatexcel 11/03');
      const sent = api.sent.filter((c) => c.ok && String(c.chatId) === '900');
      expect(sent.map((c) => c.method)).toEqual(['sendDocument']);
      const file = sent[0]?.files[0];
      expect(file?.fileName).toBe('so-lieu-2025-03-11-huyen-trieu-phong.xlsx');
      expect(sent[0]?.text).toBe('Số liệu của Huyện Triệu Phong ngày 11/03/2025, mỗi cấp đơn vị một trang.');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file?.bytes ?? []) as unknown as ArrayBuffer);
      expect(book.worksheets.map((s) => s.name)).toEqual(['Huyện', 'Xã']);
      const communes = book.getWorksheet('Xã');
      // The header and the district's 16 communes, nothing from another district.
      expect(communes?.rowCount).toBe(17);
      const names: string[] = [];
      communes?.eachRow((row, i) => {
        if (i > 1) names.push(row.values.toString());
      });
      expect(names.some((n) => n.includes('Triệu Long'))).toBe(true);
      expect(names.some((n) => n.includes('Phường 1'))).toBe(false);

      expect(await say(hung, '/xuatexcel 13/03')).toBe(
        'Ngày 13/03/2025 chưa đến: chỉ nhận ngày từ 01/03/2025 đến hôm nay 12/03/2025.',
      );
      api.clear();
      await say(hung, '/xuatexcel');
      expect(api.sent.find((c) => c.method === 'sendDocument')?.files[0]?.fileName).toBe(
        'so-lieu-2025-03-12-huyen-trieu-phong.xlsx',
      );
      expect(await say(lan, '/xuatexcel')).toContain('không có quyền');
    } finally {
      await harness.close();
    }
  });

  it('shows a commune its last days and who corrected them when', async () => {
    const { clock, harness, api, invite, say } = await setup('2025-03-09T09:00:00+07:00');
    try {
      const lan = api.user(501, { firstName: 'Lan' });
      const hung = api.user(900, { firstName: 'Hùng' });
      await say(lan, `/start ${await invite('19333', 'reporter')}`);
      await say(hung, `/start ${await invite('461', 'coordinator')}`);
      await say(lan, '/baocao sổ 10 quét 1000 nhập 900 đính kèm 800');
      clock.set(new Date('2025-03-10T16:30:00+07:00'));
      await say(lan, '/baocao sổ 11 quét 1100 nhập 950 đính kèm 850');
      clock.set(new Date('2025-03-10T17:45:00+07:00'));
      expect(await say(hung, '/baocao xã 19333 sổ 11 quét 1150 nhập 960 đính kèm 870')).toContain(
        '✅ Đã ghi báo cáo',
      );
      const history = await say(lan, '/lichsu');
      const lines = history.split('\n');
      expect(lines[0]).toBe('Số liệu của Phường 1 7 ngày gần nhất (cộng dồn):');
      expect(history).toContain('10/03/2025 (muộn): sổ 11 · quét 1.150 · nhập 960 · đính kèm 870');
      expect(history).toContain('  Gửi lúc 16:30 10/03, Lan');
      expect(history).toContain(
        '  Sửa lúc 17:45 10/03, Hùng (cán bộ điều phối): sổ 11 · quét 1.150 · nhập 960 · đính kèm 870',
      );
      expect(history).toContain('09/03/2025: sổ 10 · quét 1.000 · nhập 900 · đính kèm 800');
      expect(history).toContain('04/03/2025: chưa báo cáo');
      expect(history).not.toContain('03/03/2025');
      expect(history.indexOf('10/03/2025')).toBeLessThan(history.indexOf('09/03/2025'));
      expect(await say(hung, '/lichsu')).toContain('không có quyền');
    } finally {
      await harness.close();
    }
  });
});
