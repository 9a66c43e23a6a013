import type { CampaignDefinition } from '../config/campaign-folder.js';

interface ExistingUnit {
  code: string;
  name: string;
  type: string;
  level: string;
  parent_id: number | null;
  id: number;
  target_books: number | null;
  target_cases: number | null;
}

const SETTING_LABELS: Record<string, string> = {
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

// Key order is not preserved by jsonb, so compare with sorted keys.
function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** Lists, in Vietnamese, what loading `next` would change in a campaign stored as `before`. */
export function describeCampaignChanges(
  before: { settings: unknown; milestones: { code: string }[]; units: ExistingUnit[] },
  next: CampaignDefinition,
): string[] {
  const changes: string[] = [];
  if (before.settings && typeof before.settings === 'object') {
    const old = before.settings as Record<string, unknown>;
    for (const [key, value] of Object.entries(next.campaign)) {
      if (show(old[key]) !== show(value)) {
        changes.push(`Thay đổi ${SETTING_LABELS[key] ?? key}: ${show(old[key])} → ${show(value)}`);
      }
    }
  }
  const oldByCode = new Map(before.units.map((u) => [u.code, u]));
  const codeById = new Map(before.units.map((u) => [u.id, u.code]));
  const nextCodes = new Set(next.units.map((u) => u.code));
  for (const unit of next.units) {
    const old = oldByCode.get(unit.code);
    if (!old) {
      if (before.units.length > 0) changes.push(`Thêm đơn vị ${unit.code} ${unit.name}`);
      continue;
    }
    if (old.name !== unit.name) changes.push(`Đơn vị ${unit.code}: đổi tên "${old.name}" → "${unit.name}"`);
    if (old.type !== unit.type) changes.push(`Đơn vị ${unit.code}: đổi loại "${old.type}" → "${unit.type}"`);
    if (old.level !== unit.level) changes.push(`Đơn vị ${unit.code}: đổi cấp ${old.level} → ${unit.level}`);
    const oldParent = old.parent_id === null ? null : (codeById.get(old.parent_id) ?? null);
    if (oldParent !== unit.parentCode) {
      changes.push(
        `Đơn vị ${unit.code}: đổi đơn vị cha ${oldParent ?? '(không)'} → ${unit.parentCode ?? '(không)'}`,
      );
    }
    const oldTarget =
      old.target_books === null ? null : `${old.target_books} sổ/${old.target_cases} trường hợp`;
    const newTarget = unit.target ? `${unit.target.books} sổ/${unit.target.cases} trường hợp` : null;
    if (oldTarget !== newTarget) {
      changes.push(
        `Chỉ tiêu ${unit.code} ${unit.name}: ${oldTarget ?? '(không có)'} → ${newTarget ?? '(không có)'}`,
      );
    }
  }
  for (const old of before.units) {
    if (!nextCodes.has(old.code)) changes.push(`Bỏ đơn vị ${old.code} ${old.name}`);
  }
  return changes;
}
