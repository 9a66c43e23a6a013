import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { describeStoredWarning } from '../../src/messages/report-problem-messages.js';
import { submitReport } from '../../src/services/report.service.js';
import { reportAt, setUpCast } from '../jobs/reminder-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('stored report warnings', (database) => {
  it('stores the warnings of a held report as codes and figures, worded only when shown', async () => {
    const { db } = database();
    const { campaign, diligent } = await setUpCast(db);
    await reportAt(
      db,
      campaign,
      diligent,
      '2025-03-02T10:00:00+07:00',
      '/baocao sổ 5 quét 10 nhập 5 đính kèm 1',
    );
    const outcome = await submitReport(
      db,
      {
        campaign,
        who: diligent,
        conversation: {
          platform: 'telegram',
          chatId: diligent.member.platform_user_id,
          userId: diligent.member.platform_user_id,
        },
        inboxId: null,
        text: '/baocao sổ 4 quét 10 nhập 5 đính kèm 1',
      },
      new ManualClock('2025-03-03T10:00:00+07:00'),
    );
    expect(outcome.kind).toBe('needs_confirmation');
    const rows = await db
      .selectFrom('report_revisions')
      .select(['warnings'])
      .where('unit_id', '=', diligent.unit.id)
      .where('status', '=', 'pending')
      .execute();
    expect(rows.map((r) => r.warnings)).toEqual([
      [{ code: 'decreased', metric: 'books', value: 4, previous: 5 }],
    ]);
    const [warning] = rows[0]?.warnings ?? [];
    if (warning === undefined) throw new Error('no warning stored');
    expect(describeStoredWarning(warning, campaign.settings.metrics)).toMatch(
      /giảm so với lần báo cáo trước: 5 → 4/,
    );
  });
});
