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

/** Parses the published per-district totals (district_code, district_name, books, cases). */
export function parseBaselineCsv(text: string): DistrictBaseline[] {
  return parseCsv(text).records.map(({ values }) => ({
    districtCode: values.district_code ?? '',
    books: Number(values.books),
    cases: Number(values.cases),
  }));
}
