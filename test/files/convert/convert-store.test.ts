import { expect, it } from 'vitest';
import { createLogger } from '../../../src/config/logger.js';
import { upsertMember } from '../../../src/db/member.repository.js';
import { findUnitByCode } from '../../../src/db/unit.repository.js';
import { ManualClock } from '../../../src/domain/clock.js';
import { samplePurgeJob } from '../../../src/jobs/sample-purge.job.js';
import { getCampaign } from '../../../src/services/campaign.service.js';
import {
  findConvertResult,
  keepConvertOriginals,
  keepConvertResult,
  purgeExpiredConvertedFiles,
} from '../../../src/services/sample-convert-store.service.js';
import { sampleStatsForUnits } from '../../../src/services/sample-file-stats.service.js';
import { loadQuangTri } from '../../support/campaign-fixture.js';
import { describeEachDatabase } from '../../support/test-database.js';
import type { Db } from '../../../src/db/database.js';

const DAY = 86_400_000;

async function setup(db: Db, start: Date) {
  await loadQuangTri(db);
  const campaign = await getCampaign(db);
  const unit = await findUnitByCode(db, campaign.id, '19333');
  if (!unit) throw new Error('no unit 19333');
  const member = await upsertMember(db, {
    campaign_id: campaign.id,
    platform: 'telegram',
    platform_user_id: 'officer',
    display_name: 'Cán bộ',
    role: 'reporter',
    unit_id: unit.id,
    at: start,
  });
  return { campaign, unitId: unit.id, memberId: member.id };
}

describeEachDatabase('converted files under retention', (database) => {
  it('keeps originals and results apart from samples, and the nightly purge deletes them when due', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T03:00:00Z');
    const { campaign, unitId, memberId } = await setup(db, clock.now());
    const retention = campaign.settings.files.retentionDays;
    expect(retention).toBeGreaterThan(0);

    const photo = { name: 'anh-1.jpg', bytes: Buffer.from('jpeg bytes of a photo') };
    expect(await keepConvertOriginals(db, campaign, memberId, [photo], clock.now())).toBe(1);
    clock.advance(DAY);
    const zipId = await keepConvertResult(
      db,
      campaign,
      memberId,
      { name: 'chuyen-doi.zip', bytes: Buffer.from('zip bytes') },
      clock.now(),
    );
    expect(zipId).toBeTypeOf('number');
    // Not a commune's samples: nothing counted, nothing in sample_files.
    expect((await sampleStatsForUnits(db, [unitId])).get(unitId)?.checked ?? 0).toBe(0);
    expect(await db.selectFrom('sample_files').select('id').execute()).toEqual([]);
    const found = await findConvertResult(db, memberId, zipId ?? 0, clock.now());
    expect(found?.name).toBe('chuyen-doi.zip');
    expect(found?.bytes.toString()).toBe('zip bytes');
    // Someone else's id, or an original asked as a result, is not found.
    expect(await findConvertResult(db, memberId + 1, zipId ?? 0, clock.now())).toBeUndefined();

    // The original is due `retention` days after it came; the result a day later.
    clock.set(new Date(Date.parse('2025-03-10T03:00:00Z') + retention * DAY - 1));
    expect(await purgeExpiredConvertedFiles(db, clock.now())).toBe(0);
    clock.advance(1);
    const slot = { id: 'x', date: '2025-04-10', time: '02:00', at: clock.now() };
    const run = await samplePurgeJob.run({
      db,
      campaign,
      slot,
      now: clock.now(),
      logger: createLogger('silent'),
    });
    expect(run.outcome).toEqual({ units: 0, errors: [], purged: 1 });
    const left = await db.selectFrom('converted_files').select(['role', 'file_name']).execute();
    expect(left).toEqual([{ role: 'result', file_name: 'chuyen-doi.zip' }]);
    expect(await findConvertResult(db, memberId, zipId ?? 0, clock.now())).toBeDefined();

    clock.advance(DAY);
    // Past its retention, the result is no longer offered even before the purge has run.
    expect(await findConvertResult(db, memberId, zipId ?? 0, clock.now())).toBeUndefined();
    expect(await purgeExpiredConvertedFiles(db, clock.now())).toBe(1);
    expect(await purgeExpiredConvertedFiles(db, clock.now())).toBe(0);
    expect(await db.selectFrom('converted_files').select('id').execute()).toEqual([]);
  });

  it('keeps nothing when the campaign keeps no file content', async () => {
    const { db } = database();
    const now = new Date('2025-03-10T03:00:00Z');
    const loaded = await setup(db, now);
    const campaign = {
      ...loaded.campaign,
      settings: {
        ...loaded.campaign.settings,
        files: { ...loaded.campaign.settings.files, retentionDays: 0 },
      },
    };
    const file = { name: 'a.jpg', bytes: Buffer.from('a') };
    expect(await keepConvertOriginals(db, campaign, loaded.memberId, [file], now)).toBe(0);
    expect(await keepConvertResult(db, campaign, loaded.memberId, file, now)).toBeUndefined();
    expect(await db.selectFrom('converted_files').select('id').execute()).toEqual([]);
  });
});
