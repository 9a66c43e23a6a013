import { expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { parseUnitMappingCsv } from '../../src/config/unit-mapping-file.js';
import { findUnitByCode } from '../../src/db/unit.repository.js';
import { reorgWording } from '../../src/messages/reorg-messages.js';
import { reorganizeCampaign } from '../../src/services/campaign-reorg.service.js';
import { lastText } from '../support/bot-harness.js';
import { copyCampaign } from '../support/campaign-fixture.js';
import { startChat } from '../support/chat-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('people in the chat across a reorganisation', (database) => {
  it('a reporter is told her commune merged, sees the new unit in /tiendo and reports for it', async () => {
    const { db } = database();
    const chat = await startChat(db, '2025-03-10T09:00:00+07:00');
    try {
      const lan = await chat.join({ id: 8101, first_name: 'Lan' }, '19333');
      const binh = await chat.join({ id: 8102, first_name: 'Bình' }, '19330');
      const hoa = await chat.join({ id: 8201, first_name: 'Hoa' }, '461', 'coordinator');
      expect(await chat.sayAs(lan, '/baocao sổ 5 quét 500 nhập 400 đính kèm 300')).toContain('Phường 1');
      expect(await chat.sayAs(binh, '/baocao sổ 4 quét 200 nhập 150 đính kèm 100')).toContain(
        'Phường Đông Giang',
      );

      // From 15/03 the two communes are one: Phường Đông Hà (19999), in the same district.
      chat.clock.set('2025-03-15T07:00:00+07:00');
      const dir = await copyCampaign(({ csv }) => ({
        csv:
          csv
            .replace('19330,Phường Đông Giang,Phường,commune,461,40,5919\n', '')
            .replace('19333,Phường 1,Phường,commune,461,40,5919\n', '') +
          '19999,Phường Đông Hà,Phường,commune,461,80,11838\n',
      }));
      const lines = parseUnitMappingCsv('old_code,new_code\n19330,19999\n19333,19999\n', 'doi-chieu.csv');
      const outcome = await reorganizeCampaign(
        db,
        await readCampaignFolder(dir),
        lines,
        '2025-03-15',
        chat.clock,
        reorgWording,
      );
      expect(outcome.kind).toBe('applied');
      await chat.harness.settle();
      const notice = lastText(chat.harness.api, lan.id);
      expect(notice).toContain('Phường 1 (mã 19333) nay thuộc Phường Đông Hà (mã 19999)');
      expect(notice).toContain('15/03/2025');

      const progress = await chat.sayAs(lan, '/tiendo');
      expect(progress).toContain('Phường Đông Hà');
      expect(progress).not.toContain('Phường 1');
      expect(progress).toContain('400');

      await chat.sayAs(lan, '/baocao sổ 9 quét 800 nhập 600 đính kèm 500');
      // The new unit has no days before 15/03: a coordinator's back-filled report for 14/03 is refused.
      expect(await chat.sayAs(hoa, '/baocao xã 19999 ngày 14/03 sổ 9 quét 700 nhập 500 đính kèm 450')).toBe(
        'Ngày 14/03/2025 trước khi đơn vị được thành lập (sắp xếp đơn vị hành chính): ' +
          'chỉ nhận ngày từ 15/03/2025 đến hôm nay 15/03/2025.',
      );
      const merged = await findUnitByCode(db, chat.campaignId, '19999');
      const stored = await db
        .selectFrom('daily_reports')
        .selectAll()
        .where('unit_id', '=', merged?.id ?? 0)
        .orderBy('report_date')
        .execute();
      expect(stored.map((r) => [r.report_date, r.attached])).toEqual([
        ['2025-03-14', 400],
        ['2025-03-15', 500],
      ]);
    } finally {
      await chat.harness.close();
    }
  });
});
