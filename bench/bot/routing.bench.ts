// Campaign routing cost (issue 13): the same reports handled by the real InboxProcessor serving one
// campaign, then serving two — where each update's campaign is looked up from its sender, and half the
// reporters belong to both campaigns and have chosen one with /chondot. Printed as updates/s and as the
// ratio of the two runs (same machine, same run): the share of intake speed that routing costs.
//   node --import tsx bench/bot/routing.bench.ts      BENCH_ROUTING_ROUNDS=N: reports per commune (default 2)
import { pathToFileURL } from 'node:url';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import type { Campaign } from '../../src/domain/campaign.js';
import { ManualClock } from '../../src/domain/clock.js';
import { saveCampaignChoice } from '../../src/db/campaign-choice.repository.js';
import { openDatabase, type Db } from '../../src/db/database.js';
import { upsertMember } from '../../src/db/member.repository.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { listUnitsWithTargets } from '../../src/db/unit.repository.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { copyCampaign, QUANG_TRI_DIR } from '../../test/support/campaign-fixture.js';
import { createBenchIntake, FIRST_USER_ID, timeReportRounds } from './intake-fixture.js';

/** What one run measured. */
export interface RoutingRun {
  readonly campaigns: number;
  readonly updates: number;
  readonly updatesPerSecond: number;
}

/** One fresh database; every commune's reporter in Quảng Trị, half of them also in the second campaign. */
async function runWith(served: 1 | 2, rounds: number): Promise<RoutingRun> {
  const handle = await openDatabase({ kind: 'embedded', dataDir: 'memory' });
  try {
    const db: Db = handle.db;
    await migrateToLatest(db);
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const first = await loadCampaign(db, await readCampaignFolder(QUANG_TRI_DIR), clock, 'bench');
    const secondDir = await copyCampaign(({ json }) => ({ json: { ...json, code: 'thu-nghiem-2025' } }));
    const second = await loadCampaign(db, await readCampaignFolder(secondDir), clock, 'bench');
    const campaigns: Campaign[] = [await getCampaign(db, 'quang-tri-2025')];
    if (served === 2) campaigns.push(await getCampaign(db, 'thu-nghiem-2025'));
    const units = async (campaignId: number) =>
      (await listUnitsWithTargets(db, campaignId)).filter((u) => u.level === 'commune');
    const communes = await units(first.campaignId);
    const secondCommunes = await units(second.campaignId);
    for (const [index, unit] of communes.entries()) {
      const person = {
        platform: 'telegram',
        platform_user_id: String(FIRST_USER_ID + index),
        role: 'reporter' as const,
      };
      const at = clock.now();
      await upsertMember(db, {
        ...person,
        campaign_id: first.campaignId,
        display_name: 'x',
        unit_id: unit.id,
        at,
      });
      const other = secondCommunes[index];
      if (index % 2 === 0 && other) {
        await upsertMember(db, {
          ...person,
          campaign_id: second.campaignId,
          display_name: 'x',
          unit_id: other.id,
          at,
        });
        await saveCampaignChoice(db, {
          platform: 'telegram',
          platformUserId: person.platform_user_id,
          campaignId: first.campaignId,
          at,
        });
      }
    }
    const { updates, seconds } = await timeReportRounds(
      createBenchIntake(db, campaigns, clock),
      communes.length,
      rounds,
    );
    const stored = await db
      .selectFrom('report_revisions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(stored.n) !== updates) throw new Error(`stored ${stored.n} reports of ${updates}`);
    return { campaigns: served, updates, updatesPerSecond: updates / seconds };
  } finally {
    await handle.close();
  }
}

/** Runs one campaign, then two, and prints both and their ratio. */
export async function runRoutingBench(
  rounds = Number(process.env.BENCH_ROUTING_ROUNDS ?? 2),
): Promise<readonly RoutingRun[]> {
  const one = await runWith(1, rounds);
  const two = await runWith(2, rounds);
  for (const r of [one, two]) {
    console.log(
      `${r.campaigns} campaign${r.campaigns > 1 ? 's' : ' '} served: ${r.updates} reports, ${r.updatesPerSecond.toFixed(0).padStart(5)} updates/s`,
    );
  }
  console.log(
    `ratio two/one: ${(two.updatesPerSecond / one.updatesPerSecond).toFixed(3)} (1 = routing is free)`,
  );
  return [one, two];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runRoutingBench();
}
