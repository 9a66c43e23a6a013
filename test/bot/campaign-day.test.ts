import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { listUnitsWithTargets } from '../../src/db/unit.repository.js';
import { lastText, startBotHarness } from '../support/bot-harness.js';
import { inviteCode, loadQuangTri } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

const FORMS = [
  (n: number) => `/baocao so ${n} scan ${n * 100} nhap ${n * 80} dinhkem ${n * 50}`,
  (n: number) => `/baocao sổ: ${n}, quét: ${n * 100}, nhập: ${n * 80}, đính kèm: ${n * 50}`,
  (n: number) =>
    `/baocao\nSổ = ${n}\nQuét = ${(n * 100).toLocaleString('de-DE')}\nNhập = ${n * 80}\nĐính kèm = ${n * 50}`,
];

describeEachDatabase('a campaign day with 119 communes', (database) => {
  it('joins everyone, takes on-time, late and corrected reports, and answers the coordinator', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T07:30:00+07:00');
    const campaignId = await loadQuangTri(db, clock);
    const communes = (await listUnitsWithTargets(db, campaignId)).filter((u) => u.level === 'commune');
    expect(communes).toHaveLength(119);
    const harness = await startBotHarness(db, clock);
    const { api } = harness;
    try {
      const invite = (code: string, role: 'reporter' | 'coordinator') =>
        inviteCode(db, clock, campaignId, code, role);
      const users = communes.map((_, i) => api.user(1000 + i, { firstName: `Cán bộ ${i + 1}` }));
      for (const [i, unit] of communes.entries())
        api.sendText(users[i]!, `/start ${await invite(unit.code, 'reporter')}`);
      const coordinator = api.user(1, { firstName: 'Sở Tư pháp' });
      api.sendText(coordinator, `/start ${await invite('45', 'coordinator')}`);
      await harness.settle();
      expect(await db.selectFrom('members').select('id').where('active', '=', true).execute()).toHaveLength(
        120,
      );

      // 10:00 — communes report on time, except: every 12th never reports, every 10th reports late,
      // every 15th first sends attached > entered and then corrects it.
      clock.set('2025-03-10T10:00:00+07:00');
      const figure = (i: number) => (i % 4) + 1;
      const silent = (i: number) => i % 12 === 5;
      const late = (i: number) => !silent(i) && i % 10 === 3;
      const mistaken = (i: number) => !silent(i) && !late(i) && i % 15 === 7;
      for (const [i, user] of users.entries()) {
        if (silent(i) || late(i)) continue;
        if (mistaken(i)) api.sendText(user, `/baocao so 1 scan 100 nhap 80 dinhkem 90`);
        else api.sendText(user, FORMS[i % FORMS.length]!(figure(i)));
      }
      await harness.settle();
      for (const [i, user] of users.entries()) {
        if (!mistaken(i)) continue;
        expect(lastText(api, user.id)).toContain('không thể lớn hơn số nhập');
        api.sendText(user, '/baocao so 1 scan 100 nhap 80 dinhkem 80');
      }
      await harness.settle();

      clock.set('2025-03-10T16:30:00+07:00');
      api.sendText(coordinator, '/chuabaocao');
      await harness.settle();
      const expectedMissing = users.filter((_, i) => silent(i) || late(i)).length;
      expect(lastText(api, coordinator.id)).toContain(
        `⏰ ${expectedMissing}/119 xã của Tỉnh Quảng Trị chưa báo cáo`,
      );

      clock.set('2025-03-10T17:30:00+07:00');
      for (const [i, user] of users.entries()) if (late(i)) api.sendText(user, FORMS[0]!(figure(i)));
      await harness.settle();
      api.sendText(coordinator, '/chuabaocao');
      api.sendText(coordinator, '/xephang');
      await harness.settle();
      const silentCount = users.filter((_, i) => silent(i)).length;
      const coordinatorMessages = api.messagesTo(coordinator.id).map((m) => ('text' in m ? m.text : ''));
      expect(coordinatorMessages.at(-2)).toContain(`⏰ ${silentCount}/119 xã`);
      expect(coordinatorMessages.at(-1)).toContain('🏆 Xếp hạng Tỉnh Quảng Trị');

      const reports = await db.selectFrom('daily_reports').selectAll().execute();
      const reporting = users.filter((_, i) => !silent(i));
      expect(reports).toHaveLength(reporting.length);
      expect(reports.filter((r) => r.late)).toHaveLength(users.filter((_, i) => late(i)).length);
      const byUnit = new Map(reports.map((r) => [r.unit_id, r]));
      for (const [i, unit] of communes.entries()) {
        const row = byUnit.get(unit.id);
        if (silent(i)) expect(row).toBeUndefined();
        else if (mistaken(i))
          expect(row).toMatchObject({ books: 1, scanned: 100, entered: 80, attached: 80 });
        else
          expect(row).toMatchObject({ books: figure(i), scanned: figure(i) * 100, attached: figure(i) * 50 });
      }
      const revisions = await db.selectFrom('report_revisions').select(['status']).execute();
      expect(revisions).toHaveLength(reporting.length);
      expect(revisions.every((r) => r.status === 'accepted')).toBe(true);
      expect(api.duplicateDeliveries()).toEqual([]);
    } finally {
      await harness.close();
    }
  }, 300_000);
});
