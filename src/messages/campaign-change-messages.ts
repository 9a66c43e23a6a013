import type { CampaignChange, TargetFigures } from '../domain/campaign-changes.js';
import type { UnitNameFix } from '../domain/unit-name.js';

const SETTING_LABELS: Readonly<Record<string, string>> = {
  name: 'tên chiến dịch',
  province: 'tỉnh',
  timeZone: 'múi giờ',
  startDate: 'ngày bắt đầu',
  endDate: 'ngày kết thúc',
  reportCutoff: 'giờ chốt báo cáo',
  summaryTime: 'giờ gửi tổng hợp',
  metrics: 'các chỉ tiêu báo cáo',
  milestones: 'các mốc thời hạn',
  files: 'quy định tệp mẫu',
  reminders: 'lịch nhắc',
  pace: 'ngưỡng tiến độ',
  inviteValidDays: 'hạn mã mời',
};

// Raw figures, as units.csv writes them: the operator compares them with the file.
const target = (t: TargetFigures | null) => (t ? `${t.books} sổ/${t.cases} hồ sơ` : '(không có)');

/** One campaign change in Vietnamese, one line, as `sohoa campaign load` lists it. */
export function describeCampaignChange(change: CampaignChange): string {
  switch (change.kind) {
    case 'setting':
      return `Thay đổi ${SETTING_LABELS[change.key] ?? change.key}: ${change.before} → ${change.after}`;
    case 'unit_added':
      return `Thêm đơn vị ${change.code} ${change.name}`;
    case 'unit_removed':
      return `Bỏ đơn vị ${change.code} ${change.name}`;
    case 'unit_name':
      return `Đơn vị ${change.code}: đổi tên "${change.before}" → "${change.after}"`;
    case 'unit_type':
      return `Đơn vị ${change.code}: đổi loại "${change.before}" → "${change.after}"`;
    case 'unit_level':
      return `Đơn vị ${change.code}: đổi cấp ${change.before} → ${change.after}`;
    case 'unit_parent':
      return `Đơn vị ${change.code}: đổi đơn vị cha ${change.before ?? '(không)'} → ${change.after ?? '(không)'}`;
    case 'unit_target':
      return `Chỉ tiêu ${change.code} ${change.name}: ${target(change.before)} → ${target(change.after)}`;
  }
}

const FIX_KINDS = { spaces: 'bỏ dấu cách thừa', type_case: 'viết hoa loại đơn vị theo danh mục' } as const;

/** The heading of the list of names `sohoa campaign load` normalised. */
export function unitNameFixesHeading(count: number): string {
  return `Đã chuẩn hóa ${count} tên/loại đơn vị trong units.csv (nên sửa luôn trong tệp):`;
}

/** One normalised unit name or type, one line: 'Đơn vị 19483: tên "Xã  A Dơi" → "Xã A Dơi" (bỏ dấu cách thừa)'. */
export function describeUnitNameFix(fix: UnitNameFix): string {
  const field = fix.field === 'name' ? 'tên' : 'loại';
  const kinds = fix.kinds.map((kind) => FIX_KINDS[kind]).join(' và ');
  return `Đơn vị ${fix.code}: ${field} "${fix.before}" → "${fix.after}" (${kinds})`;
}
