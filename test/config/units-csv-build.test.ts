import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildUnitsCsv, parseBaselineCsv } from '../../src/config/units-from-official-list.js';
import { normalizeUnitName } from '../../src/domain/unit-name.js';

const root = join(import.meta.dirname, '..', '..');
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8');

describe('the Quảng Trị units file', () => {
  it('is what scripts/build-quang-tri-units.ts builds from reference/', () => {
    const baseline = parseBaselineCsv(read('reference', 'quang-tri-2025-baseline.csv'));
    const built = buildUnitsCsv(read('reference', 'vn-units-2025-03-01.csv'), '45', baseline);
    expect(read('campaigns', 'quang-tri-2025', 'units.csv')).toBe(built);
    expect(built).toContain('19483,Xã A Dơi,Xã,');
    expect(built).toContain('19624,Thị trấn Ái Tử,Thị trấn,');
  });
});

describe('normalizeUnitName', () => {
  it('collapses spaces and writes type words in the official capitals', () => {
    expect(normalizeUnitName('Xã  A Dơi')).toEqual({ text: 'Xã A Dơi', kinds: ['spaces'] });
    expect(normalizeUnitName('Thị Trấn Ái Tử')).toEqual({ text: 'Thị trấn Ái Tử', kinds: ['type_case'] });
    expect(normalizeUnitName('HUYỆN ĐẢO Cồn Cỏ')).toEqual({ text: 'Huyện đảo Cồn Cỏ', kinds: ['type_case'] });
    expect(normalizeUnitName('Phường 1')).toEqual({ text: 'Phường 1', kinds: [] });
    // Only a whole leading type word: 'Xã' is not the start of 'Xãi …'.
    expect(normalizeUnitName('Xuân An')).toEqual({ text: 'Xuân An', kinds: [] });
  });
});
