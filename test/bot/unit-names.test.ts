import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import type { UnitProgressRow } from '../../src/domain/daily-report-data.js';
import {
  chartUnitLabel,
  missingUnitLabels,
  shortDistrictName,
} from '../../src/messages/unit-label-messages.js';
import { createInvite } from '../../src/services/invite.service.js';
import { startBotHarness } from '../support/bot-harness.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('unit names that collide', (database) => {
  it('/chuabaocao names the district of each Phường 1, 2 and 3 in a province list', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T16:30:00+07:00');
    const campaignId = await loadQuangTri(db);
    const harness = await startBotHarness(db, clock);
    try {
      const invite = await createInvite(
        db,
        { campaignId, unitCode: '45', role: 'coordinator', uses: 1, validDays: 30, createdBy: 'test' },
        clock,
      );
      const so = harness.api.user(700, { firstName: 'Sở' });
      harness.api.sendText(so, `/start ${invite.code}`);
      harness.api.sendText(so, '/chuabaocao');
      await harness.settle();
      // 119 communes take more than one message: read them all.
      const text = harness.api
        .messagesTo(so.id)
        .map((m) => ('text' in m ? m.text : ''))
        .join('\n');
      expect(text).toContain('• Phường 1 (TP Đông Hà) — mã 19333');
      expect(text).toContain('• Phường 1 (TX Quảng Trị) — mã 19357');
      expect(text).toContain('• Xã A Dơi (H. Hướng Hóa) — mã 19483');
      expect(text).toContain('• Thị trấn Ái Tử (H. Triệu Phong) — mã 19624');
      expect(text).not.toContain('(Quảng Trị)');
    } finally {
      await harness.close();
    }
  });
});

it('labels colliding communes with their district in charts, the PDF and the evening text', () => {
  const row = (unitName: string, parentName: string, timing: UnitProgressRow['timing']) =>
    ({ unitName, parentName, level: 'commune', timing }) as UnitProgressRow;
  const communes = [
    row('Phường 1', 'Thành phố Đông Hà', 'missing'),
    row('Phường 1', 'Thị xã Quảng Trị', 'missing'),
    row('Xã Vĩnh Thái', 'Huyện Vĩnh Linh', 'on_time'),
  ];
  expect(communes.map((r) => chartUnitLabel(r, true))).toEqual([
    'Phường 1 (TP Đông Hà)',
    'Phường 1 (TX Quảng Trị)',
    'Vĩnh Thái (H. Vĩnh Linh)',
  ]);
  expect(chartUnitLabel(communes[1]!, false)).toBe('Phường 1');
  expect(shortDistrictName('Thị xã Quảng Trị')).toBe('TX Quảng Trị');
  const missingNames = ['Phường 1', 'Phường 1'];
  expect(missingUnitLabels({ scopeLevel: 'province', missingNames, communes })).toEqual([
    'Phường 1 (TP Đông Hà)',
    'Phường 1 (TX Quảng Trị)',
  ]);
  expect(missingUnitLabels({ scopeLevel: 'district', missingNames, communes })).toEqual(missingNames);
});
