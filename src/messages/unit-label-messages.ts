import type { UnitProgressRow } from '../domain/daily-report-data.js';
import type { PaceStatus, ReportTiming } from '../domain/progress.js';
import { formatDateTime, nfc } from './vi-format.js';

/** Vietnamese names of the pace statuses, as the chart legends and tables show them. */
export const PACE_LABELS: Readonly<Record<PaceStatus, string>> = {
  on_track: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
  far_behind: 'Chậm nhiều',
  not_reported: 'Chưa báo cáo',
};

/** Vietnamese names of today's report timing. */
export const TIMING_LABELS: Readonly<Record<ReportTiming, string>> = {
  on_time: 'Đúng giờ',
  late: 'Muộn',
  missing: 'Chưa báo cáo',
};

/** Vietnamese names of the unit levels, also the export sheet names. */
export const LEVEL_LABELS: Readonly<Record<UnitProgressRow['level'], string>> = {
  province: 'Tỉnh',
  district: 'Huyện',
  commune: 'Xã',
};

// Longest first, so "Huyện đảo " wins over "Huyện ".
const DISTRICT_PREFIXES = ['Thành phố ', 'Huyện đảo ', 'Thị xã ', 'Huyện ', 'Quận '];

/** A district name without its administrative prefix: 'Thành phố Đông Hà' → 'Đông Hà'. */
export function shortDistrictName(name: string): string {
  const text = nfc(name).trim();
  const prefix = DISTRICT_PREFIXES.find((p) => text.startsWith(p) && text.length > p.length);
  return prefix ? text.slice(prefix.length) : text;
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
  return withParent && row.parentName ? `${name} · ${shortDistrictName(row.parentName)}` : name;
}

/** "dữ liệu lúc 17:00 10/03/2025": when the figures were taken, in the campaign's time zone. */
export function dataTimeLabel(data: { readonly dataAsOf: Date; readonly timeZone: string }): string {
  return `dữ liệu lúc ${formatDateTime(data.dataAsOf, data.timeZone)}`;
}
