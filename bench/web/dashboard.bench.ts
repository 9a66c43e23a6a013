// The dashboard's response time for a province of 549 communes (27 districts): 200 GETs of the leader's
// province page, and of its chart data, each timed end to end over HTTP on 127.0.0.1, as p50/p95 and as
// RATIOS to 200 GETs of a static file (the stylesheet) from the same server in the same run — the floor
// any answer of this server pays (HTTP, routing, security headers). Run:
//   node --import tsx bench/web/dashboard.bench.ts     BENCH_WEB_REQUESTS=N changes the 200
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { createLogger } from '../../src/config/logger.js';
import { ManualClock } from '../../src/domain/clock.js';
import { openDatabase } from '../../src/db/database.js';
import { upsertMember } from '../../src/db/member.repository.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { findUnitByCode } from '../../src/db/unit.repository.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { issueWebLink, openWebLink } from '../../src/services/web-link.service.js';
import { createHttpServer } from '../../src/web/http-server.js';
import { SESSION_COOKIE } from '../../src/web/session-hook.js';
import { createWebDeps } from '../../src/web/web-deps.js';
import { registerWebRoutes } from '../../src/web/web-routes.js';
import { copyCampaign } from '../../test/support/campaign-fixture.js';
import { seedReports } from '../../test/support/report-seed.js';

const COMMUNES = 549;
const DISTRICTS = 27;
const DAYS = ['2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10'];

/** A province of 549 communes under 27 districts, with targets, in the units.csv format. */
function provinceCsv(): string {
  const lines = [
    'code,name,type,level,parent_code,target_books,target_cases',
    '45,Tỉnh Quảng Trị,Tỉnh,province,,,',
  ];
  for (let d = 0; d < DISTRICTS; d++) lines.push(`${500 + d},Huyện Số ${d + 1},Huyện,district,45,,`);
  for (let c = 0; c < COMMUNES; c++) {
    lines.push(
      `${20000 + c},Xã Số ${c + 1},Xã,commune,${500 + (c % DISTRICTS)},${20 + (c % 30)},${2000 + ((c * 37) % 3000)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

/** `count` sequential GETs; the times (ms) sorted, and every status seen. */
async function timeGets(
  url: string,
  cookie: string,
  count: number,
): Promise<{ ms: number[]; statuses: Set<number> }> {
  const ms: number[] = [];
  const statuses = new Set<number>();
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    await res.arrayBuffer();
    ms.push(performance.now() - start);
    statuses.add(res.status);
  }
  return { ms: ms.sort((a, b) => a - b), statuses };
}

/** Runs the web benchmark and prints its table. */
export async function runWebBench(requests = Number(process.env.BENCH_WEB_REQUESTS ?? 200)): Promise<void> {
  const clock = new ManualClock('2025-03-10T18:00:00+07:00');
  const handle = await openDatabase({ kind: 'embedded', dataDir: 'memory' });
  try {
    const { db } = handle;
    await migrateToLatest(db);
    const folder = await copyCampaign(() => ({ csv: provinceCsv() }));
    const { campaignId } = await loadCampaign(db, await readCampaignFolder(folder), clock);
    const campaign = await getCampaign(db);
    await seedReports(db, campaignId, DAYS, { skipEvery: 7, lateEvery: 11 });
    const province = await findUnitByCode(db, campaignId, '45');
    if (!province) throw new Error('no province');
    const leader = await upsertMember(db, {
      campaign_id: campaignId,
      platform: 'telegram',
      platform_user_id: '1',
      display_name: 'Lãnh đạo',
      role: 'leader',
      unit_id: province.id,
      at: clock.now(),
    });
    const link = await issueWebLink(db, campaign, leader, clock);
    const opened = await openWebLink(db, link.token, clock);
    if (opened.kind !== 'session') throw new Error(`link refused: ${opened.reason}`);
    const cookie = `${SESSION_COOKIE}=${opened.sessionToken}`;

    const logger = createLogger('silent');
    const deps = await createWebDeps({
      db,
      clock,
      logger,
      baseUrl: 'http://127.0.0.1',
      configuredSecret: undefined,
      campaigns: [campaign],
    });
    const { server } = createHttpServer({
      db,
      logger,
      receivers: [],
      web: (app) => registerWebRoutes(app, deps),
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // Warm-up: the first answers load code paths and the stylesheet into memory.
      for (const path of [
        '/tai-nguyen/dashboard.css',
        `/d/${province.id}`,
        `/d/${province.id}/du-lieu.json`,
      ]) {
        await timeGets(`${base}${path}`, cookie, 5);
      }
      const runs = [
        ['static file (baseline)', '/tai-nguyen/dashboard.css'],
        ['province page (HTML)', `/d/${province.id}`],
        ['chart data (JSON)', `/d/${province.id}/du-lieu.json`],
      ] as const;
      const results = [];
      for (const [label, path] of runs)
        results.push({ label, ...(await timeGets(`${base}${path}`, cookie, requests)) });
      const baseline = results[0];
      if (!baseline) throw new Error('no baseline');
      const b50 = percentile(baseline.ms, 0.5);
      const b95 = percentile(baseline.ms, 0.95);
      console.log(
        `${COMMUNES} communes under ${DISTRICTS} districts, ${DAYS.length} days of reports; ${requests} sequential GETs each`,
      );
      console.log('what                      p50 ms   p95 ms   p50 ratio  p95 ratio  statuses');
      for (const r of results) {
        const p50 = percentile(r.ms, 0.5);
        const p95 = percentile(r.ms, 0.95);
        console.log(
          `${r.label.padEnd(24)} ${p50.toFixed(2).padStart(7)}  ${p95.toFixed(2).padStart(7)}  ${(p50 / b50).toFixed(1).padStart(8)}×  ${(p95 / b95).toFixed(1).padStart(8)}×  ${[...r.statuses].join(',')}`,
        );
        if (r.statuses.size !== 1 || !r.statuses.has(200))
          throw new Error(`${r.label}: statuses ${[...r.statuses].join(',')}`);
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  } finally {
    await handle.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runWebBench();
