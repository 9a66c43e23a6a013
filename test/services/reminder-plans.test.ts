import { expect, it } from 'vitest';
import { deactivateMember } from '../../src/db/member.repository.js';
import { provinceOffice } from '../../src/domain/reminder-notice.js';
import { remindMessages } from '../../src/messages/remind-messages.js';
import type { PlannedMessage } from '../../src/services/reminder-recipients.service.js';
import { planDeadlineCountdown } from '../../src/services/reminder-countdown.service.js';
import { planMissedReports, planReportCall } from '../../src/services/reminder.service.js';
import { CHATS, reportAt, setUpCast } from '../jobs/reminder-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

// Services plan notices as data; the messages layer words them (as the jobs do before enqueueing).
// Scheduled reminders are signed by the province's office.
const office = provinceOffice({ province: { name: 'Tỉnh Quảng Trị' } });
const textOf = (m: PlannedMessage | undefined) => (m ? remindMessages.notice(m.notice, office) : '');

describeEachDatabase('reminder plans', (database) => {
  it('remind only active reporters of communes without a report, and count the rest', async () => {
    const { db } = database();
    const cast = await setUpCast(db);
    const { campaign } = cast;
    await reportAt(
      db,
      campaign,
      cast.diligent,
      '2025-03-03T10:00:00+07:00',
      '/baocao sổ 1 quét 10 nhập 5 đính kèm 1',
    );
    const call = await planReportCall(db, campaign, '2025-03-03');
    expect(call.messages.map((m) => m.chatId).sort()).toEqual([String(CHATS.patchy), String(CHATS.silent)]);
    expect(call.messages[0]?.notice).toEqual({
      kind: 'report_call',
      unitName: 'Phường Đông Giang',
      date: '2025-03-03',
      cutoff: '17:00',
    });
    expect(textOf(call.messages[0])).toMatch(
      /^⏰ Phường Đông Giang chưa gửi báo cáo ngày 03\/03\/2025\. Hạn chốt là 17:00 hôm nay\./,
    );
    expect(textOf(call.messages[0])).toContain(
      'Đề nghị đồng chí gửi số liệu cộng dồn (tổng từ đầu chiến dịch đến nay), ví dụ:',
    );
    expect(textOf(call.messages[0]).split('\n').at(-1)).toBe('— Sở Tư pháp tỉnh Quảng Trị');
    expect(call.details).toMatchObject({ missingUnits: 118, unitsWithoutReporter: 116 });
    expect(call.units).toBe(2);

    await deactivateMember(db, cast.silent.member.id, new Date());
    expect((await planReportCall(db, campaign, '2025-03-03')).messages.map((m) => m.chatId)).toEqual([
      String(CHATS.patchy),
    ]);
  });

  it('escalate to district coordinators only, one message each, from the second silent day', async () => {
    const { db } = database();
    const cast = await setUpCast(db);
    const { campaign } = cast;
    // Day 2 morning: everyone missed day 1 once; nobody is escalated yet.
    const day2 = await planMissedReports(db, campaign, '2025-03-02');
    expect(day2.messages.every((m) => m.notice.kind === 'missed_yesterday')).toBe(true);
    expect(day2.messages.every((m) => textOf(m).startsWith('📭'))).toBe(true);
    expect(day2.details).toMatchObject({ escalatedUnits: 0, notedUnits: 3 });
    // Day 3 morning: two silent days for all but Phường 1, which reported on day 2.
    await reportAt(
      db,
      campaign,
      cast.diligent,
      '2025-03-02T10:00:00+07:00',
      '/baocao sổ 1 quét 10 nhập 5 đính kèm 1',
    );
    const day3 = await planMissedReports(db, campaign, '2025-03-03');
    const escalations = day3.messages.filter((m) => m.notice.kind === 'escalation');
    expect(escalations.map((m) => m.chatId).sort()).toEqual([String(CHATS.dongHa), String(CHATS.vinhLinh)]);
    const dongHa = textOf(escalations.find((m) => m.chatId === String(CHATS.dongHa)));
    expect(dongHa).toMatch(
      /^🚨 8 xã của Thành phố Đông Hà đã nhiều ngày liên tiếp không báo cáo \(tính đến hết ngày 02\/03\/2025\):/,
    );
    expect(dongHa).toContain('• Phường Đông Giang — mã 19330 — 2 ngày (chưa báo cáo lần nào)');
    expect(dongHa).not.toContain('Phường 1 —');
    expect(dongHa).toContain(
      'Đồng chí gửi /nhacnho <mã xã> <nội dung> để nhắc riêng từng xã.\n— Sở Tư pháp tỉnh Quảng Trị',
    );
    // Districts without a coordinator in the bot are counted, not lost silently.
    // 118 silent communes: 8 in Đông Hà and 18 in Vĩnh Linh have a coordinator to hear of them.
    expect(day3.details).toMatchObject({
      escalatedUnits: 8 + 18,
      escalationsWithoutCoordinator: 118 - 8 - 18,
    });
    const note = textOf(day3.messages.find((m) => m.chatId === String(CHATS.silent)));
    expect(note).toContain(
      '📭 Thị trấn Hồ Xá chưa có báo cáo ngày 02/03/2025 (đã 2 ngày liên tiếp chưa báo cáo).',
    );
    expect(note).toContain('Đề nghị đồng chí gửi số liệu cộng dồn trước 17:00 hôm nay.');
    expect(note.endsWith('\n— Sở Tư pháp tỉnh Quảng Trị')).toBe(true);
  });

  it('count down only on countdown mornings, only to units short of a target', async () => {
    const { db } = database();
    const cast = await setUpCast(db);
    const { campaign } = cast;
    expect(
      (await planDeadlineCountdown(db, campaign, '2025-03-16', new Date('2025-03-16T08:00:00+07:00')))
        .messages,
    ).toEqual([]);
    await reportAt(
      db,
      campaign,
      cast.diligent,
      '2025-03-16T10:00:00+07:00',
      '/baocao sổ 40 quét 5919 nhập 5919 đính kèm 5919',
    );
    const plan = await planDeadlineCountdown(
      db,
      campaign,
      '2025-03-17',
      new Date('2025-03-17T08:00:00+07:00'),
    );
    expect(plan.details).toMatchObject({ milestones: ['scan', 'nhap-lieu', 'dinh-kem'] });
    expect(plan.messages.map((m) => m.chatId).sort()).toEqual([String(CHATS.patchy), String(CHATS.silent)]);
  });
});
