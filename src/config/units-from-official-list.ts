import { normalizeUnitName } from '../domain/unit-name.js';
import { csvField, parseCsv } from './csv-parser.js';
import { UNITS_CSV_COLUMNS } from './units-file.js';

/** A district's published totals, to be spread over its communes. */
export interface DistrictBaseline {
  readonly districtCode: string;
  readonly books: number;
  readonly cases: number;
}

const DISTRICT_TYPES = ['Thành phố', 'Thị xã', 'Quận', 'Huyện'];

function districtType(name: string): string {
  return DISTRICT_TYPES.find((t) => name.startsWith(`${t} `)) ?? 'Huyện';
}

/** Splits `total` into `parts` whole shares that differ by at most one, larger shares first. */
export function spreadEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const extra = total % parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * Builds a campaign's `units.csv` for one province from the official list of administrative units
 * (columns province_code, province_name, district_code, district_name, commune_code, commune_name,
 * commune_type). Districts with no communes are left out. Each district's baseline, when given, is
 * spread evenly over its communes in code order, because no per-commune figures were published.
 */
export function buildUnitsCsv(
  officialCsv: string,
  provinceCode: string,
  baselines: DistrictBaseline[],
): string {
  const rows = parseCsv(officialCsv).records.filter((r) => r.values.province_code === provinceCode);
  const first = rows[0];
  if (!first) throw new Error(`Province ${provinceCode} is not in the official list.`);
  const provinceName = first.values.province_name ?? '';
  const lines: string[] = [UNITS_CSV_COLUMNS.join(',')];
  const provinceType = provinceName.startsWith('Thành phố') ? 'Thành phố' : 'Tỉnh';
  lines.push([provinceCode, provinceName, provinceType, 'province', '', '', ''].map(csvField).join(','));
  const districts = new Map<string, { name: string; communes: Record<string, string>[] }>();
  for (const { values } of rows) {
    const code = values.district_code ?? '';
    const entry = districts.get(code) ?? { name: values.district_name ?? '', communes: [] };
    entry.communes.push(values);
    districts.set(code, entry);
  }
  for (const [districtCode, district] of [...districts].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      [
        districtCode,
        normalizeUnitName(district.name).text,
        districtType(district.name),
        'district',
        provinceCode,
        '',
        '',
      ]
        .map(csvField)
        .join(','),
    );
    const communes = [...district.communes].sort((a, b) =>
      (a.commune_code ?? '').localeCompare(b.commune_code ?? ''),
    );
    const baseline = baselines.find((b) => b.districtCode === districtCode);
    const books = baseline ? spreadEvenly(baseline.books, communes.length) : [];
    const cases = baseline ? spreadEvenly(baseline.cases, communes.length) : [];
    communes.forEach((c, i) => {
      lines.push(
        [
          c.commune_code ?? '',
          // The official list has glitches ('Xã  A Dơi', 'Thị Trấn Ái Tử'): write one spelling.
          normalizeUnitName(c.commune_name ?? '').text,
          normalizeUnitName(c.commune_type ?? '').text,
          'commune',
          districtCode,
          books[i] ?? '',
          cases[i] ?? '',
        ]
          .map(csvField)
          .join(','),
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

/** A unit's target as units.csv writes it. */
export interface UnitTarget {
  readonly books: number;
  readonly cases: number;
}

/** Which shape an official list has: with districts (before 01/07/2025) or two levels (since). */
export function officialListLevels(officialCsv: string): 'three' | 'two' {
  const header = officialCsv.slice(0, officialCsv.indexOf('\n')).split(',');
  return header.includes('unit_code') ? 'two' : 'three';
}

/** The province's name in an official list of either shape, or undefined when the code is not in it. */
export function provinceNameIn(officialCsv: string, provinceCode: string): string | undefined {
  return parseCsv(officialCsv).records.find((r) => r.values.province_code === provinceCode)?.values
    .province_name;
}

/**
 * Builds a two-level campaign's `units.csv` (the province, then every commune-level unit under it, in
 * code order) from the official list since 01/07/2025 (columns province_code, province_name, unit_code,
 * unit_name, unit_type). Targets are written where `targets` has one; the rest are left empty for the
 * province to fill.
 */
export function buildTwoLevelUnitsCsv(
  officialCsv: string,
  provinceCode: string,
  targets: ReadonlyMap<string, UnitTarget> = new Map(),
): string {
  const rows = parseCsv(officialCsv).records.filter((r) => r.values.province_code === provinceCode);
  const first = rows[0];
  if (!first) throw new Error(`Province ${provinceCode} is not in the official list.`);
  const provinceName = first.values.province_name ?? '';
  const provinceType = provinceName.startsWith('Thành phố') ? 'Thành phố' : 'Tỉnh';
  const lines: string[] = [UNITS_CSV_COLUMNS.join(',')];
  lines.push([provinceCode, provinceName, provinceType, 'province', '', '', ''].map(csvField).join(','));
  const units = rows
    .map((r) => r.values)
    .sort((a, b) => (a.unit_code ?? '').localeCompare(b.unit_code ?? ''));
  for (const u of units) {
    const code = u.unit_code ?? '';
    const target = targets.get(code);
    lines.push(
      [
        code,
        normalizeUnitName(u.unit_name ?? '').text,
        normalizeUnitName(u.unit_type ?? '').text,
        'commune',
        provinceCode,
        target?.books ?? '',
        target?.cases ?? '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Parses the published per-district totals (district_code, district_name, books, cases). */
export function parseBaselineCsv(text: string): DistrictBaseline[] {
  return parseCsv(text).records.map(({ values }) => ({
    districtCode: values.district_code ?? '',
    books: Number(values.books),
    cases: Number(values.cases),
  }));
}
