// National scale on the map since 01/07/2025: every province of Vietnam (34, with 3,321 commune-level
// units, from reference/) as ITS OWN two-level campaign in one database, scaffolded as `sohoa campaign
// init` does, a day of reports, then every province's evening package (data + charts + PDF + summary
// text) and a national comparison of the 34 provinces. Prints the time per province (median, max), the
// SQL statements each issued (they must not grow with the number of communes), and where the time outside
// chart rendering goes (data: SQL + shaping; PDF assembly; text). Run:
// node --import tsx bench/reports/national.bench.ts — BENCH_PROVINCES=N plays the N largest provinces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { KyselyPlugin } from 'kysely';
import { parseCampaignJson } from '../../src/config/campaign-folder.js';
import { scaffoldCampaign } from '../../src/config/campaign-scaffold.js';
import { parseCsv } from '../../src/config/csv-parser.js';
import { parseUnitsCsv } from '../../src/config/units-file.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { UnitProgressRow } from '../../src/domain/daily-report-data.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { findUnitByCode, listUnitsWithTargets } from '../../src/db/unit.repository.js';
import { formatDailySummary } from '../../src/messages/daily-summary-messages.js';
import { renderComparisonCharts } from '../../src/reports/comparison-chart.js';
import { renderDailyReportPdf } from '../../src/reports/daily-report-pdf.js';
import { renderGroupChart } from '../../src/reports/group-chart.js';
import { renderProgressChart } from '../../src/reports/progress-chart.js';
import { renderRankingCharts } from '../../src/reports/ranking-chart.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { buildDailyReportData } from '../../src/services/daily-report.service.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const OFFICIAL = join(ROOT, 'reference', 'vn-units-2025-07-01.csv');
const START = '2026-03-02';
const END = '2026-03-31';
const DATE = '2026-03-10';

function counter(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery: (args: { node: never }) => (plugin.count++, args.node),
    transformResult: async (args: { result: never }) => args.result,
  };
  return plugin as unknown as KyselyPlugin & { count: number };
}

/** One province's evening package, timed by phase (ms of wall clock; `cpu` the same phases in CPU ms). */
interface ProvinceTiming {
  readonly name: string;
  readonly communes: number;
  readonly statements: number;
  readonly data: number;
  readonly charts: number;
  readonly pdf: number;
  readonly text: number;
  readonly cpu: {
    readonly data: number;
    readonly charts: number;
    readonly pdf: number;
    readonly text: number;
  };
}

const totalOf = (t: Pick<ProvinceTiming, 'data' | 'charts' | 'pdf' | 'text'>) =>
  t.data + t.charts + t.pdf + t.text;

// Wall time, and the process's CPU time (all threads: the PNG deflate runs in libuv's pool) — on a
// shared, loaded machine the CPU figures say where the work goes even when the wall clock waits.
async function timed<T>(run: () => Promise<T> | T): Promise<[T, number, number]> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return [value, performance.now() - start, (used.user + used.system) / 1000];
}

/** Runs the national benchmark and prints its table. */
export async function runNationalBench(
  limit = Number(process.env.BENCH_PROVINCES ?? Infinity),
): Promise<void> {
  const official = readFileSync(OFFICIAL, 'utf8');
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
  for (const [code] of chosen) {
    // One campaign per province, as `sohoa campaign init` scaffolds it. No per-commune targets exist
    // nationally: 20 books and 2,000 cases per commune, the old Quảng Trị average.
    const targets = new Map(
      parseCsv(official)
        .records.filter((r) => r.values.province_code === code)
        .map((r) => [r.values.unit_code ?? '', { books: 20, cases: 2000 }]),
    );
    const scaffold = scaffoldCampaign({
      officialCsv: official,
      listName: '2025-07-01',
      provinceCode: code,
      start: START,
      end: END,
      code: `p${code}-2026`,
      dir: `campaigns/p${code}-2026`,
      command: 'bench',
      targets: { byCode: targets, note: { kind: 'empty' } },
    });
    if (scaffold.kind !== 'scaffolded') throw new Error(`no province ${code}`);
    const campaign = parseCampaignJson(JSON.stringify(scaffold.campaign.campaignJson), 'campaign.json');
    const units = parseUnitsCsv(scaffold.campaign.unitsCsv, 'units.csv', {
      provinceCode: code,
      levels: campaign.levels,
      requireTargets: campaign.requireTargets,
    });
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
    `loaded ${chosen.length} campaigns (one per province, two levels), ${communeCount} communes in ` +
      `${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
  );

  const results: ProvinceTiming[] = [];
  const totals: UnitProgressRow[] = [];
  // One untimed package first, as a running service has rendered before its first evening: module
  // loading, font parsing and JIT warm-up are start-up costs, not a province's.
  const smallest = chosen.at(-1);
  if (smallest) {
    const campaign = await getCampaign(db, `p${smallest[0]}-2026`);
    const province = await findUnitByCode(db, campaign.id, smallest[0]);
    // Through the same counting plugin as the timed runs, so that query path is warm too.
    const data = await buildDailyReportData(
      db.withPlugin(counter()),
      campaign,
      province?.id ?? 0,
      DATE,
      clock.now(),
    );
    const charts = {
      ranking: await renderRankingCharts(data),
      group: null,
      progress: await renderProgressChart(data),
    };
    await renderDailyReportPdf(data, charts);
    formatDailySummary(data);
  }
  for (const [code, { name }] of chosen) {
    const campaign = await getCampaign(db, `p${code}-2026`);
    const province = await findUnitByCode(db, campaign.id, code);
    if (!province) throw new Error(`no province ${code}`);
    const sql = counter();
    const [data, dataMs, dataCpu] = await timed(() =>
      buildDailyReportData(db.withPlugin(sql), campaign, province.id, DATE, clock.now()),
    );
    const [charts, chartMs, chartCpu] = await timed(async () => ({
      ranking: await renderRankingCharts(data),
      group: await renderGroupChart(data),
      progress: await renderProgressChart(data),
    }));
    const [, pdfMs, pdfCpu] = await timed(() => renderDailyReportPdf(data, charts));
    const [, textMs, textCpu] = await timed(() => formatDailySummary(data));
    totals.push(data.scopeTotal);
    results.push({
      name,
      communes: data.unitCount,
      statements: sql.count,
      data: dataMs,
      charts: chartMs,
      pdf: pdfMs,
      text: textMs,
      cpu: { data: dataCpu, charts: chartCpu, pdf: pdfCpu, text: textCpu },
    });
    process.stdout.write('.');
  }
  const [national, nationalMs] = await timed(() =>
    renderComparisonCharts(totals, `${DATE} · ${totals.length} tỉnh`),
  );
  await handle.close();
  console.log('\n');

  const sum = (pick: (t: ProvinceTiming) => number) => results.reduce((t, r) => t + pick(r), 0);
  const total = sum(totalOf);
  const statements = new Set(results.map((r) => r.statements));
  const per = results.map((r) => totalOf(r) / 1000).sort((a, b) => a - b);
  const largest = [...results].sort((a, b) => b.communes - a.communes);
  const s = (ms: number) => (ms / 1000).toFixed(2).padStart(7);
  console.log('province                         communes  seconds =  data  charts     PDF  statements');
  for (const r of largest.slice(0, 10)) {
    console.log(
      `${r.name.padEnd(32)} ${String(r.communes).padStart(8)} ${s(totalOf(r))}   ${s(r.data)} ${s(r.charts)} ` +
        `${s(r.pdf)} ${String(r.statements).padStart(11)}`,
    );
  }
  if (results.length > 10) console.log(`… ${results.length - 10} more`);
  console.log(
    `time per province: median ${per[Math.floor(per.length / 2)]?.toFixed(2)} s, max ${per.at(-1)?.toFixed(2)} s`,
  );
  console.log(
    `SQL statements per province: ${[...statements].join(', ')} (constant: ${statements.size === 1 ? 'yes' : 'NO'})`,
  );
  const share = (ms: number, of: number) => `${((ms / of) * 100).toFixed(1)}%`;
  console.log(
    `share of time outside chart rendering: ${share(total - sum((r) => r.charts), total)} of wall time ` +
      `(data ${share(
        sum((r) => r.data),
        total,
      )}, PDF assembly ${share(
        sum((r) => r.pdf),
        total,
      )}, ` +
      `text ${share(
        sum((r) => r.text),
        total,
      )}); target < 20%`,
  );
  const cpuTotal = sum((r) => totalOf(r.cpu));
  console.log(
    `  of CPU time: ${share(cpuTotal - sum((r) => r.cpu.charts), cpuTotal)} ` +
      `(data ${share(
        sum((r) => r.cpu.data),
        cpuTotal,
      )}, PDF assembly ${share(
        sum((r) => r.cpu.pdf),
        cpuTotal,
      )}, ` +
      `text ${share(
        sum((r) => r.cpu.text),
        cpuTotal,
      )}); CPU per province ${(cpuTotal / results.length / 1000).toFixed(2)} s`,
  );
  console.log(
    `national comparison: ${totals.length} provinces in ${national.length} images, ${(nationalMs / 1000).toFixed(2)} s`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runNationalBench();
}
