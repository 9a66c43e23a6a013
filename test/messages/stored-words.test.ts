import { describe, expect, it } from 'vitest';
import type { CampaignFile } from '../../src/domain/campaign-file.js';
import type { ReminderNotice } from '../../src/domain/reminder-notice.js';
import { describeCampaignChange } from '../../src/messages/campaign-change-messages.js';
import { formatKilobytes } from '../../src/messages/file-problem-messages.js';
import { officeName, remindMessages } from '../../src/messages/remind-messages.js';
import { describeStoredWarning } from '../../src/messages/report-problem-messages.js';

const metrics: CampaignFile['metrics'] = [
  { code: 'books', label: 'Số sổ đã thu', short: 'Sổ', aliases: ['so'] },
  { code: 'scanned', label: 'Số hồ sơ đã quét', short: 'Quét', aliases: ['quet'] },
  { code: 'entered', label: 'Số hồ sơ đã nhập', short: 'Nhập', aliases: ['nhap'] },
  { code: 'attached', label: 'Số hồ sơ đã đính kèm', short: 'Đính kèm', aliases: ['dinhkem'] },
];

describe('words for codes', () => {
  it('words a stored warning code, and shows an older row’s sentence as it is', () => {
    const coded = describeStoredWarning(
      { code: 'decreased', metric: 'books', value: 4, previous: 1540 },
      metrics,
    );
    expect(coded).toContain('1.540 → 4');
    expect(describeStoredWarning('Câu cảnh báo cũ.', metrics)).toBe('Câu cảnh báo cũ.');
  });

  it('words each kind of scheduled reminder', () => {
    const notices: ReminderNotice[] = [
      { kind: 'report_call', unitName: 'Phường 1', date: '2025-03-03', cutoff: '17:00' },
      {
        kind: 'missed_yesterday',
        unitName: 'Phường 1',
        yesterday: '2025-03-02',
        silentDays: 2,
        cutoff: '17:00',
      },
      {
        kind: 'escalation',
        scopeName: 'Thành phố Đông Hà',
        yesterday: '2025-03-02',
        units: [{ name: 'Phường 1', code: '19333', silentDays: 2, lastDate: null }],
      },
      {
        kind: 'countdown',
        unitName: 'Phường 1',
        lines: [
          {
            title: 'Quét',
            metric: 'scanned',
            metricLabel: 'quét',
            deadline: '2025-03-20',
            daysLeft: 4,
            dueToday: false,
            done: 1000,
            target: 5919,
            neededPerDay: 1230,
          },
        ],
      },
    ];
    const office = { level: 'province', unitName: 'Tỉnh Quảng Trị' } as const;
    expect(notices.map((n) => [...remindMessages.notice(n, office)][0])).toEqual(['⏰', '📭', '🚨', '⏳']);
    const countdown = remindMessages.notice(notices[3] as ReminderNotice, office);
    expect(countdown).toContain(
      'quét 1.000/5.919 hồ sơ (16,9%), còn thiếu 4.919 hồ sơ, cần 1.230 hồ sơ/ngày.',
    );
    // Every scheduled reminder is signed by the province's office, never by a person.
    for (const notice of notices)
      expect(remindMessages.notice(notice, office).split('\n').at(-1)).toBe('— Sở Tư pháp tỉnh Quảng Trị');
  });

  it('signs a coordinator’s reminder with the office of their unit', () => {
    expect(officeName({ level: 'province', unitName: 'Tỉnh Quảng Trị' })).toBe('Sở Tư pháp tỉnh Quảng Trị');
    expect(officeName({ level: 'district', unitName: 'Huyện Vĩnh Linh' })).toBe(
      'Phòng Tư pháp huyện Vĩnh Linh',
    );
    expect(officeName({ level: 'district', unitName: 'Thành phố Đông Hà' })).toBe(
      'Phòng Tư pháp thành phố Đông Hà',
    );
    expect(officeName({ level: 'district', unitName: 'Thị xã Quảng Trị' })).toBe(
      'Phòng Tư pháp thị xã Quảng Trị',
    );
    expect(
      remindMessages.broadcast(
        { level: 'district', unitName: 'Huyện Vĩnh Linh' },
        'Đề nghị báo cáo trước 17:00.',
      ),
    ).toBe('📢 Tin nhắc gửi đồng chí:\nĐề nghị báo cáo trước 17:00.\n— Phòng Tư pháp huyện Vĩnh Linh');
  });

  it('names the units an ambiguous /nhacnho could mean, with their district and code', () => {
    const text = remindMessages.refused({
      code: 'ambiguous',
      who: 'Cam Thành',
      choices: [
        { name: 'Xã Cam Thành', parentName: 'Huyện Cam Lộ', code: '19500' },
        { name: 'Xã Cam Thành', parentName: null, code: '19600' },
      ],
    });
    expect(text).toContain('• Xã Cam Thành (Huyện Cam Lộ) — mã 19500');
    expect(text).toContain('• Xã Cam Thành — mã 19600');
  });

  it('words campaign changes for the operator', () => {
    expect(
      describeCampaignChange({
        kind: 'unit_target',
        code: '19333',
        name: 'Phường 1',
        before: null,
        after: { books: 40, cases: 5919 },
      }),
    ).toBe('Chỉ tiêu 19333 Phường 1: (không có) → 40 sổ/5919 hồ sơ');
  });

  it('formats sizes with the one formatter (no Intl), thousands and decimal comma', () => {
    expect(formatKilobytes(5_000_000)).toBe('4.882,9');
  });
});
