// National scale: every commune of Vietnam (10,047, from reference/) as one campaign per province in one
// database, a day of reports, then every province's evening report (data + charts + PDF). Prints the time
// per province, the SQL statements each issued (they must not grow with the number of communes), and the
// share of time spent outside chart rendering. Run: node --import tsx bench/reports/national.bench.ts
// BENCH_PROVINCES=N limits the run to the N largest provinces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { KyselyPlugin } from 'kysely';
import { parseCampaignJson } from '../../src/config/campaign-folder.js';
import { parseCsv } from '../../src/config/csv-parser.js';
import { buildUnitsCsv } from '../../src/config/units-from-official-list.js';
import { parseUnitsCsv } from '../../src/config/units-file.js';
import { ManualClock } from '../../src/domain/clock.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { findUnitByCode, listUnitsWithTargets } from '../../src/db/unit.repository.js';
import { renderDailyReportPdf } from '../../src/reports/daily-report-pdf.js';
import { renderDistrictChart } from '../../src/reports/district-chart.js';
import { renderProgressChart } from '../../src/reports/progress-chart.js';
import { renderRankingCharts } from '../../src/reports/ranking-chart.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { buildDailyReportData } from '../../src/services/daily-report.service.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const OFFICIAL = join(ROOT, 'reference', 'vn-units-2025-03-01.csv');
const DATE = '2025-03-10';

function counter(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery: (args: { node: never }) => (plugin.count++, args.node),
    transformResult: async (args: { result: never }) => args.result,
  };
  return plugin as unknown as KyselyPlugin & { count: number };
}

/** Runs the national benchmark and prints its table. */
export async function runNationalBench(
  limit = Number(process.env.BENCH_PROVINCES ?? Infinity),
): Promise<void> {
  const official = readFileSync(OFFICIAL, 'utf8');
  const template = JSON.parse(
    readFileSync(join(ROOT, 'campaigns', 'quang-tri-2025', 'campaign.json'), 'utf8'),
  );
  const provinces = new Map<string, { name: string; communes: number }>();
  for (const { values } of parseCsv(official).records) {
    const code = values.province_code ?? '';
    const entry = provinces.get(code) ?? { name: values.province_name ?? '', communes: 0 };
    entry.communes++;
    provinces.set(code, entry);
  }
  const chosen = [...provinces].sort((a, b) => b[1].communes - a[1].communes).slice(0, limit);
  const clock = new ManualClock(`${DATE}T17:30:00+07:00`);
  const handle = await openDatabase({ kind: 'embedded', dataDir: 'memory' });
  await migrateToLatest(handle.db);
  const db = handle.db;
  const loadStart = performance.now();
  let communeCount = 0;
  for (const [code, { name }] of chosen) {
    const campaign = parseCampaignJson(
      JSON.stringify({
        ...template,
        code: `p${code}-2025`,
        name: `Số hóa sổ hộ tịch – ${name}`,
        province: { code, name },
      }),
      'campaign.json',
    );
    // No per-commune targets exist nationally: 2,000 cases and 20 books per commune, the Quảng Trị average.
    const csv = buildUnitsCsv(official, code, []).replace(/,commune,(\d+),,$/gm, ',commune,$1,20,2000');
    const units = parseUnitsCsv(csv, 'units.csv', code);
    const loaded = await loadCampaign(db, { campaign, units }, clock, 'bench');
    const communes = (await listUnitsWithTargets(db, loaded.campaignId)).filter((u) => u.level === 'commune');
    communeCount += communes.length;
    // A day of reports: nine in ten communes report, figures spread so that every pace colour appears.
    const at = clock.now();
    const rows = communes
      .filter((_, i) => i % 10 !== 0)
      .map((u, i) => ({
        unit_id: u.id,
        report_date: DATE,
        member_id: null,
        source_inbox_id: null,
        status: 'accepted' as const,
        late: i % 13 === 0,
        warnings: '[]',
        submitted_at: at,
        decided_at: at,
        books: 10,
        scanned: 600 + (i % 9) * 100,
        entered: 500 + (i % 9) * 90,
        attached: 300 + (i % 9) * 80,
      }));
    for (let i = 0; i < rows.length; i += 500) {
      const revisions = await db
        .insertInto('report_revisions')
        .values(rows.slice(i, i + 500))
        .returningAll()
        .execute();
      await db
        .insertInto('daily_reports')
        .values(
          revisions.map((r) => ({
            unit_id: r.unit_id,
            report_date: DATE,
            revision_id: r.id,
            late: r.late,
            books: r.books,
            scanned: r.scanned,
            entered: r.entered,
            attached: r.attached,
            first_reported_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
  }
  console.log(
    `loaded ${chosen.length} provinces, ${communeCount} communes in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
  );

  const results: { name: string; communes: number; ms: number; chartMs: number; statements: number }[] = [];
  for (const [code, { name }] of chosen) {
    const campaign = await getCampaign(db, `p${code}-2025`);
    const province = await findUnitByCode(db, campaign.id, code);
    if (!province) throw new Error(`no province ${code}`);
    const sql = counter();
    const start = performance.now();
    const data = await buildDailyReportData(db.withPlugin(sql), campaign, province.id, DATE, clock.now());
    const chartStart = performance.now();
    const ranking = await renderRankingCharts(data);
    const district = await renderDistrictChart(data);
    const progress = await renderProgressChart(data);
    const chartMs = performance.now() - chartStart;
    await renderDailyReportPdf(data, { ranking, district, progress });
    results.push({
      name,
      communes: data.unitCount,
      ms: performance.now() - start,
      chartMs,
      statements: sql.count,
    });
    process.stdout.write('.');
  }
  await handle.close();
  console.log('\n');
  const total = results.reduce((t, r) => t + r.ms, 0);
  const charts = results.reduce((t, r) => t + r.chartMs, 0);
  const statements = new Set(results.map((r) => r.statements));
  const per = results.map((r) => r.ms / 1000).sort((a, b) => a - b);
  console.log('province                         communes   seconds   statements');
  for (const r of results.slice(0, 10)) {
    console.log(
      `${r.name.padEnd(32)} ${String(r.communes).padStart(8)} ${(r.ms / 1000).toFixed(2).padStart(9)} ${String(r.statements).padStart(12)}`,
    );
  }
  if (results.length > 10) console.log(`… ${results.length - 10} more`);
  console.log(
    `time per province: median ${per[Math.floor(per.length / 2)]?.toFixed(2)} s, max ${per.at(-1)?.toFixed(2)} s`,
  );
  console.log(
    `SQL statements per province: ${[...statements].join(', ')} (constant: ${statements.size === 1 ? 'yes' : 'NO'})`,
  );
  console.log(`share of time outside chart rendering: ${((1 - charts / total) * 100).toFixed(1)}%`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runNationalBench();
}
