// Regenerates campaigns/quang-tri-2025/units.csv from the official unit list and the published
// per-district baseline in reference/. Run: node --import tsx scripts/build-quang-tri-units.ts [dataDir]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildUnitsCsv, parseBaselineCsv } from '../src/config/units-from-official-list.js';

const dataDir = process.argv[2] ?? join(import.meta.dirname, '..', 'reference');
const official = readFileSync(join(dataDir, 'vn-units-2025-03-01.csv'), 'utf8');
const baseline = parseBaselineCsv(readFileSync(join(dataDir, 'quang-tri-2025-baseline.csv'), 'utf8'));
const out = join(import.meta.dirname, '..', 'campaigns', 'quang-tri-2025', 'units.csv');
writeFileSync(out, buildUnitsCsv(official, '45', baseline));
console.log(`wrote ${out}`);
