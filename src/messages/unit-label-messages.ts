import type { DailyReportData, UnitProgressRow } from '../domain/daily-report-data.js';
import type { PaceStatus, ReportTiming } from '../domain/progress.js';
import type { LevelDefinition } from '../domain/unit.js';
import { formatDateTime, nfc } from './vi-format.js';

/** Vietnamese names of the pace statuses, as the chart legends and tables show them. */
export const PACE_LABELS: Readonly<Record<PaceStatus, string>> = {
  done: 'Đã hoàn thành',
  on_track: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
  far_behind: 'Chậm nhiều',
  overdue: 'Quá hạn, chưa hoàn thành',
  no_target: 'Chưa có chỉ tiêu',
};

/** Vietnamese names of today's report timing. */
export const TIMING_LABELS: Readonly<Record<ReportTiming, string>> = {
  on_time: 'Đúng giờ',
  late: 'Muộn',
  missing: 'Chưa báo cáo',
};

/**
 * The levels a campaign folder may name by code alone, with their Vietnamese names (sheet names, column
 * headers, titles). Any other level is declared with its own name, e.g. { "code": "nhom", "name": "Nhóm" }.
 */
const PROVINCE_LEVEL_NAME: LevelDefinition = { code: 'province', name: 'Tỉnh' };

export const KNOWN_LEVELS: Readonly<Record<string, LevelDefinition>> = {
  province: PROVINCE_LEVEL_NAME,
  district: { code: 'district', name: 'Huyện', longName: 'huyện, thị xã, thành phố' },
  cluster: { code: 'cluster', name: 'Cụm' },
  commune: { code: 'commune', name: 'Xã', longName: 'xã, phường, thị trấn' },
};

/** The levels of a folder that declares none: the map before 01/07/2025. */
export const DEFAULT_LEVEL_CODES = ['province', 'district', 'commune'] as const;

/** The levels of a scaffolded campaign on the map since 01/07/2025 (xã, phường, đặc khu). */
export const TWO_LEVELS: readonly LevelDefinition[] = [
  PROVINCE_LEVEL_NAME,
  { code: 'commune', name: 'Xã', longName: 'xã, phường, đặc khu' },
];

/** A level's kinds in lower case, for titles: 'huyện, thị xã, thành phố', 'cụm'. */
export function levelKinds(level: LevelDefinition): string {
  return level.longName ?? level.name.toLocaleLowerCase('vi');
}

/** A level's name in lower case, for sentences: 'huyện', 'cụm'. */
export function levelWord(level: LevelDefinition): string {
  return level.name.toLocaleLowerCase('vi');
}

// One abbreviation per district type, longest prefix first so "Huyện đảo " wins over "Huyện ". The type
// stays visible: "Quảng Trị" alone reads as the province, "TX Quảng Trị" is the town.
const DISTRICT_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['Thành phố ', 'TP '],
  ['Huyện đảo ', 'H. '],
  ['Thị xã ', 'TX '],
  ['Huyện ', 'H. '],
  ['Quận ', 'Q. '],
];

/** A district name with its type abbreviated: 'Thành phố Đông Hà' → 'TP Đông Hà', 'Huyện Vĩnh Linh' → 'H. Vĩnh Linh'. */
export function shortDistrictName(name: string): string {
  const text = nfc(name).trim();
  const prefix = DISTRICT_PREFIXES.find(([long]) => text.startsWith(long) && text.length > long.length);
  return prefix ? prefix[1] + text.slice(prefix[0].length) : text;
}

/** A unit with its district, for lists that span several districts: 'Phường 1 (TX Quảng Trị)'. */
export function unitWithParent(name: string, parentName: string | null): string {
  return parentName ? `${name} (${shortDistrictName(parentName)})` : name;
}

/**
 * The names of the units that have not reported, with their district in a province view: Phường 1, 2
 * and 3 exist in both Đông Hà and TX Quảng Trị, so a bare name does not say which one is missing.
 */
export function missingUnitLabels(
  data: Pick<DailyReportData, 'scopeLevel' | 'missingNames' | 'communes'>,
): string[] {
  if (data.scopeLevel !== 'province') return data.missingNames;
  const parents = new Map<string, (string | null)[]>();
  for (const row of data.communes) {
    if (row.timing === 'missing')
      parents.set(row.unitName, [...(parents.get(row.unitName) ?? []), row.parentName]);
  }
  return data.missingNames.map((name) => unitWithParent(name, parents.get(name)?.shift() ?? null));
}

/**
 * A commune name compact enough for a chart axis: 'Xã Vĩnh Thái' → 'Vĩnh Thái', 'Thị trấn Hồ Xá' →
 * 'TT Hồ Xá'. 'Phường 1' keeps its prefix, which is the whole meaning of the name.
 */
export function shortCommuneName(name: string): string {
  const text = nfc(name).trim();
  if (text.startsWith('Xã ') && text.length > 3) return text.slice(3);
  if (text.startsWith('Thị trấn ')) return `TT ${text.slice('Thị trấn '.length)}`;
  return text;
}

/** The label of a unit on a chart axis, with its district when the view spans several districts. */
export function chartUnitLabel(row: UnitProgressRow, withParent: boolean): string {
  if (row.level !== 'commune') return shortDistrictName(row.unitName);
  const name = shortCommuneName(row.unitName);
  return withParent ? unitWithParent(name, row.parentName) : name;
}

/** "dữ liệu lúc 17:00 10/03/2025": when the figures were taken, in the campaign's time zone. */
export function dataTimeLabel(data: { readonly dataAsOf: Date; readonly timeZone: string }): string {
  return `dữ liệu lúc ${formatDateTime(data.dataAsOf, data.timeZone)}`;
}
