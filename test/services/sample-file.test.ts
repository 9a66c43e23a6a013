import { expect, it } from 'vitest';
import type { Campaign } from '../../src/domain/campaign.js';
import type { Db } from '../../src/db/database.js';
import { upsertMember } from '../../src/db/member.repository.js';
import { findUnitByCode } from '../../src/db/unit.repository.js';
import type { FileVerdict } from '../../src/domain/file-verdict.js';
import { problemFor } from '../../src/messages/file-problem-messages.js';
import { samplePurgeJob } from '../../src/jobs/sample-purge.job.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { purgeExpiredSamples } from '../../src/services/sample-file-purge.service.js';
import { sampleStatsForUnits } from '../../src/services/sample-file-stats.service.js';
import { recordSamples, type InspectedSample } from '../../src/services/sample-file-store.service.js';
import { createLogger } from '../../src/config/logger.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

const NOW = new Date('2025-03-10T02:00:00Z');
const DAY = 86_400_000;

const accepted = (name: string): FileVerdict => ({ status: 'accepted', problems: [], name, bytes: 10 });
const rejected = (name: string): FileVerdict => ({
  status: 'rejected',
  problems: [problemFor.format('jpeg')],
  name,
  bytes: 10,
});
const sample = (name: string, verdict: FileVerdict, seed: string): InspectedSample => ({
  fileName: name,
  bytes: Buffer.from(`sample ${seed}`),
  verdict,
});

async function setup(db: Db) {
  await loadQuangTri(db);
  const campaign = await getCampaign(db);
  const reporterOf = async (unitCode: string, userId: string) => {
    const unit = await findUnitByCode(db, campaign.id, unitCode);
    if (!unit) throw new Error(`no unit ${unitCode}`);
    const member = await upsertMember(db, {
      campaign_id: campaign.id,
      platform: 'telegram',
      platform_user_id: userId,
      display_name: userId,
      role: 'reporter',
      unit_id: unit.id,
      at: NOW,
    });
    return { unitId: unit.id, memberId: member.id };
  };
  let updateId = 0;
  const inbox = async () => {
    const row = await db
      .insertInto('inbox')
      .values({
        platform: 'telegram',
        update_id: ++updateId,
        payload: '{}',
        received_at: NOW,
        last_error: null,
        handled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  return { campaign, reporterOf, inbox };
}

function withFiles(campaign: Campaign, files: Partial<Campaign['settings']['files']>): Campaign {
  return { ...campaign, settings: { ...campaign.settings, files: { ...campaign.settings.files, ...files } } };
}

describeEachDatabase('sample file storage', (database) => {
  it('counts per unit in one query, with zeros for units without samples', async () => {
    const { db } = database();
    const { campaign, reporterOf, inbox } = await setup(db);
    const a = await reporterOf('19333', 'a');
    const b = await reporterOf('19363', 'b');
    const idle = await reporterOf('19330', 'c');
    await recordSamples(
      db,
      campaign,
      a,
      [sample('1.pdf', accepted('1.pdf'), '1'), sample('2.pdf', rejected('2.pdf'), '2')],
      await inbox(),
      NOW,
    );
    await recordSamples(
      db,
      campaign,
      b,
      [sample('3.pdf', { ...accepted('3.pdf'), status: 'warnings' }, '3')],
      await inbox(),
      NOW,
    );
    const stats = await sampleStatsForUnits(db, [a.unitId, b.unitId, idle.unitId]);
    expect(stats.get(a.unitId)).toEqual({ checked: 2, accepted: 1, rejected: 1 });
    expect(stats.get(b.unitId)).toEqual({ checked: 1, accepted: 1, rejected: 0 });
    expect(stats.get(idle.unitId)).toEqual({ checked: 0, accepted: 0, rejected: 0 });
    expect(await sampleStatsForUnits(db, [])).toEqual(new Map());
  });

  it('keeps the bytes of rejected samples and of the first few accepted ones, until retention ends', async () => {
    const { db } = database();
    const { campaign, reporterOf, inbox } = await setup(db);
    const a = await reporterOf('19333', 'a');
    const twoKept = withFiles(campaign, { keepAcceptedPerUnit: 2, retentionDays: 7 });
    const samples = [
      sample('1.pdf', accepted('1.pdf'), '1'),
      sample('2.pdf', rejected('2.pdf'), '2'),
      sample('3.pdf', accepted('3.pdf'), '3'),
      sample('4.pdf', accepted('4.pdf'), '4'),
      sample('5.pdf', rejected('5.pdf'), '5'),
    ];
    const recorded = await recordSamples(db, twoKept, a, samples, await inbox(), NOW);
    expect(recorded.every((r) => r.kind === 'counted')).toBe(true);
    const rows = await db.selectFrom('sample_files').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.file_name, r.content !== null])).toEqual([
      ['1.pdf', true],
      ['2.pdf', true],
      ['3.pdf', true],
      ['4.pdf', false],
      ['5.pdf', true],
    ]);
    expect(rows[0]?.purge_after).toEqual(new Date(NOW.getTime() + 7 * DAY));
    expect(rows[3]?.purge_after).toBeNull();
    expect(rows[1]?.problems).toEqual([problemFor.format('jpeg')]);

    const later = new Date(NOW.getTime() + DAY);
    const again = await recordSamples(db, twoKept, a, [samples[1] as InspectedSample], await inbox(), later);
    expect(again).toEqual([{ kind: 'duplicate', receivedAt: NOW }]);
    expect(await db.selectFrom('sample_files').select('id').execute()).toHaveLength(5);
  });

  it('keeps no bytes at all when the campaign keeps samples for zero days', async () => {
    const { db } = database();
    const { campaign, reporterOf, inbox } = await setup(db);
    const a = await reporterOf('19333', 'a');
    await recordSamples(
      db,
      withFiles(campaign, { retentionDays: 0 }),
      a,
      [sample('1.pdf', rejected('1.pdf'), '1'), sample('2.pdf', accepted('2.pdf'), '2')],
      await inbox(),
      NOW,
    );
    const rows = await db.selectFrom('sample_files').select(['content', 'purge_after']).execute();
    expect(rows).toEqual([
      { content: null, purge_after: null },
      { content: null, purge_after: null },
    ]);
  });

  it('purges the bytes due, keeps the verdicts, and runs as the nightly xoa-tep-mau job', async () => {
    const { db } = database();
    const { campaign, reporterOf, inbox } = await setup(db);
    const a = await reporterOf('19333', 'a');
    await recordSamples(db, campaign, a, [sample('1.pdf', rejected('1.pdf'), '1')], await inbox(), NOW);
    const dayLater = new Date(NOW.getTime() + DAY);
    await recordSamples(db, campaign, a, [sample('2.pdf', rejected('2.pdf'), '2')], await inbox(), dayLater);

    const due = new Date(NOW.getTime() + 30 * DAY);
    expect(await purgeExpiredSamples(db, new Date(due.getTime() - 1))).toBe(0);
    expect(await purgeExpiredSamples(db, due)).toBe(1);
    expect(await purgeExpiredSamples(db, due)).toBe(0);
    const rows = await db.selectFrom('sample_files').select(['file_name', 'content']).orderBy('id').execute();
    expect(rows.map((r) => [r.file_name, r.content === null])).toEqual([
      ['1.pdf', true],
      ['2.pdf', false],
    ]);
    expect((await sampleStatsForUnits(db, [a.unitId])).get(a.unitId)?.checked).toBe(2);

    const slot = { id: 'x', date: '2025-04-10', time: '02:00', at: new Date(due.getTime() + DAY) };
    const result = await samplePurgeJob.run({
      db,
      campaign,
      slot,
      now: slot.at,
      logger: createLogger('silent'),
    });
    expect(result).toEqual({ messages: [], outcome: { units: 0, errors: [], purged: 1 } });

    const slots = samplePurgeJob.slotTimes(campaign.settings);
    expect(samplePurgeJob.name).toBe('xoa-tep-mau');
    expect(slots[0]).toEqual({ date: '2025-03-01', time: '02:00' });
    // The campaign ends on 20/03 and keeps samples 30 days: a sample sent late on 20/03 is due by the
    // evening of 19/04, so the last night is 20/04.
    expect(slots.at(-1)).toEqual({ date: '2025-04-20', time: '02:00' });
  });
});
