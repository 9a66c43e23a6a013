import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../src/config/csv-parser.js';
import { QUANG_TRI_DIR, copyCampaign } from '../support/campaign-fixture.js';

// Old Quảng Trị (45: 9 districts, 119 communes) running until 30/06/2025, then the new Tỉnh Quảng Trị
// (44: old Quảng Bình + old Quảng Trị, 78 units, two levels) from 01/07/2025 — both built from the
// repository's reference lists, not from campaigns/quang-tri-2026.

const REFERENCE = join(import.meta.dirname, '..', '..', 'reference');
/** Target of a new unit formed only from old Quảng Bình communes (not in the old campaign). */
export const QUANG_BINH_TARGET = { books: 10, cases: 1000 };

/** The old campaign's folder with its end date moved to the end of the year. */
export function oldQuangTriFolder(): Promise<string> {
  return copyCampaign(({ json }) => ({ json: { ...json, endDate: '2025-12-31' } }));
}

/** The old folder's units: code → parent code, level and target. */
async function oldUnits() {
  const { records } = parseCsv(await readFile(join(QUANG_TRI_DIR, 'units.csv'), 'utf8'));
  return records.map((r) => r.values as Record<string, string>);
}

/**
 * The new province's folder (same campaign code and settings; province 44; two levels) and the mapping
 * file: every old commune into its new unit (all 119 went whole), the old province and its districts into
 * the new province. A new unit's target is the sum of its old communes' targets.
 */
export async function newQuangTriFolder(): Promise<{ dir: string; mappingPath: string; newCodes: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'sohoa-reorg-'));
  await mkdir(dir, { recursive: true });
  const json = JSON.parse(await readFile(join(QUANG_TRI_DIR, 'campaign.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const campaign = {
    ...json,
    province: { code: '44', name: 'Tỉnh Quảng Trị' },
    levels: ['province', 'commune'],
    endDate: '2025-12-31',
  };
  await writeFile(join(dir, 'campaign.json'), JSON.stringify(campaign, null, 2));

  const old = await oldUnits();
  const targetOf = new Map(old.map((u) => [u['code'], u]));
  const merge = parseCsv(await readFile(join(REFERENCE, 'vn-merge-2025-07-01.csv'), 'utf8')).records.map(
    (r) => r.values,
  );
  const mapped = merge.filter(
    (r) => r['province_code'] === '44' && r['old_province_code'] === '45' && r['old_unit_code'],
  );
  const units = parseCsv(await readFile(join(REFERENCE, 'vn-units-2025-07-01.csv'), 'utf8'))
    .records.map((r) => r.values)
    .filter((r) => r['province_code'] === '44');
  const lines = [
    'code,name,type,level,parent_code,target_books,target_cases',
    '44,Tỉnh Quảng Trị,Tỉnh,province,,,',
  ];
  for (const u of units) {
    const sources = mapped.filter((m) => m['new_unit_code'] === u['unit_code']);
    const sum = (column: string) =>
      sources.reduce((s, m) => s + Number(targetOf.get(m['old_unit_code'] ?? '')?.[column] ?? 0), 0);
    const target =
      sources.length > 0 ? { books: sum('target_books'), cases: sum('target_cases') } : QUANG_BINH_TARGET;
    lines.push(
      `${u['unit_code']},${u['unit_name']},${u['unit_type']},commune,44,${target.books},${target.cases}`,
    );
  }
  await writeFile(join(dir, 'units.csv'), `${lines.join('\n')}\n`);

  const mapping = ['old_code,new_code', ...mapped.map((m) => `${m['old_unit_code']},${m['new_unit_code']}`)];
  for (const u of old) if (u['level'] !== 'commune') mapping.push(`${u['code']},44`);
  const mappingPath = join(dir, 'doi-chieu.csv');
  await writeFile(mappingPath, `${mapping.join('\n')}\n`);
  return { dir, mappingPath, newCodes: units.map((u) => u['unit_code'] ?? '') };
}
