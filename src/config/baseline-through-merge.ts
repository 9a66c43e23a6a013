import { parseCsv } from './csv-parser.js';
import { spreadEvenly, type DistrictBaseline, type UnitTarget } from './units-from-official-list.js';

/** The targets of a two-level campaign's units, carried from an old per-district baseline. */
export interface CarriedTargets {
  /** By new unit code. */
  readonly targets: ReadonlyMap<string, UnitTarget>;
  /** New units (code and name) whose figures are partly or wholly estimated from the baseline's average. */
  readonly estimated: readonly string[];
  /** New units the baseline gives nothing to digitize (0 books, 0 cases). */
  readonly zero: readonly string[];
  /** The baseline's average per old commune, used for the estimates. */
  readonly perOldCommune: UnitTarget;
}

/**
 * Spreads a baseline published per old district onto the units of the two-level map:
 *  1. each old district's totals are divided evenly among its old communes (code order, remainder to the
 *     first), as the 2025 campaign did;
 *  2. an old commune merged whole gives its share to its new unit; one split over several new units
 *     ("Nhập một phần") is divided evenly among them, since the conversion table gives no shares;
 *  3. an old unit from an area the baseline does not cover (another old province) counts as the
 *     baseline's average old commune, and its new unit is listed as estimated;
 *  4. a new unit made from a whole old district with no communes (a special zone) takes that district's
 *     baseline, or 0 when the covering baseline lists none for it.
 * `oldListCsv` is the official list before 01/07/2025, `mergeCsv` the conversion table.
 */
export function carryBaselineThroughMerge(input: {
  oldListCsv: string;
  mergeCsv: string;
  baselines: readonly DistrictBaseline[];
  provinceCode: string;
}): CarriedTargets {
  const oldCommunes = new Map<string, string[]>();
  const provinceOfDistrict = new Map<string, string>();
  for (const { values } of parseCsv(input.oldListCsv).records) {
    const district = values.district_code ?? '';
    provinceOfDistrict.set(district, values.province_code ?? '');
    oldCommunes.set(district, [...(oldCommunes.get(district) ?? []), values.commune_code ?? '']);
  }
  const covered = new Set(input.baselines.map((b) => provinceOfDistrict.get(b.districtCode) ?? ''));
  const baselineOf = new Map(input.baselines.map((b) => [b.districtCode, b]));

  const share = new Map<string, UnitTarget>();
  let oldCount = 0;
  for (const b of input.baselines) {
    const communes = [...(oldCommunes.get(b.districtCode) ?? [])].sort();
    oldCount += communes.length;
    const books = spreadEvenly(b.books, communes.length);
    const cases = spreadEvenly(b.cases, communes.length);
    communes.forEach((c, i) => share.set(c, { books: books[i] ?? 0, cases: cases[i] ?? 0 }));
  }
  const total = input.baselines.reduce((t, b) => ({ books: t.books + b.books, cases: t.cases + b.cases }), {
    books: 0,
    cases: 0,
  });
  const perOldCommune =
    oldCount > 0 ? { books: total.books / oldCount, cases: total.cases / oldCount } : { books: 0, cases: 0 };

  const merge = parseCsv(input.mergeCsv).records.map((r) => r.values);
  // Every new unit an old commune went to, across the whole table (a part may cross a province line).
  const successors = new Map<string, string[]>();
  for (const row of merge) {
    const old = row.old_unit_code ?? '';
    if (old !== '') successors.set(old, [...(successors.get(old) ?? []), row.new_unit_code ?? '']);
  }

  const sums = new Map<string, { name: string; books: number; cases: number; estimatedOld: number }>();
  for (const row of merge.filter((r) => r.province_code === input.provinceCode)) {
    const code = row.new_unit_code ?? '';
    const sum = sums.get(code) ?? { name: row.new_unit_name ?? '', books: 0, cases: 0, estimatedOld: 0 };
    sums.set(code, sum);
    const old = row.old_unit_code ?? '';
    const oldProvince = row.old_province_code ?? '';
    if (!covered.has(oldProvince)) {
      sum.estimatedOld += 1;
      continue;
    }
    if (old === '') {
      // A whole old district became this unit (Đặc khu Cồn Cỏ from the district 471).
      const district = baselineOf.get(row.old_district_code ?? '');
      sum.books += district?.books ?? 0;
      sum.cases += district?.cases ?? 0;
      continue;
    }
    const parts = [...new Set(successors.get(old) ?? [code])].sort();
    const index = Math.max(0, parts.indexOf(code));
    const whole = share.get(old) ?? { books: 0, cases: 0 };
    sum.books += spreadEvenly(whole.books, parts.length)[index] ?? 0;
    sum.cases += spreadEvenly(whole.cases, parts.length)[index] ?? 0;
  }

  const targets = new Map<string, UnitTarget>();
  const estimated: string[] = [];
  const zero: string[] = [];
  for (const [code, s] of [...sums].sort(([a], [b]) => a.localeCompare(b))) {
    const target = {
      books: s.books + Math.round(s.estimatedOld * perOldCommune.books),
      cases: s.cases + Math.round(s.estimatedOld * perOldCommune.cases),
    };
    targets.set(code, target);
    if (s.estimatedOld > 0) estimated.push(`${code} ${s.name}`);
    if (target.books === 0 && target.cases === 0) zero.push(`${code} ${s.name}`);
  }
  return { targets, estimated, zero, perOldCommune };
}
