import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { openDatabase } from '../../src/db/database.js';
import type { DemoResult } from '../../src/demo/play-campaign.js';
import { runDemo } from '../../src/demo/run-demo.js';
import { PLAN_DEFINITION_TITLE, planDefinitionLines } from '../../src/messages/plan-definition-messages.js';
import { QUANG_TRI_DIR } from '../support/campaign-fixture.js';

// Five days (day 5 is the morning `/nhacnho cham`), eight communes: the summary states the plan once, and
// the reminder reached exactly the communes behind the plan, checked from the database.
describe('sohoa demo, 8 communes, 5 days: the plan definition and the day-5 /nhacnho cham', () => {
  let out = '';
  let dataDir = '';
  let result: DemoResult;
  let recipientUnits: number[][] = [];

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'sohoa-demo-plan-'));
    dataDir = await mkdtemp(join(tmpdir(), 'sohoa-demo-plan-db-'));
    result = await runDemo({
      days: 5,
      communes: 8,
      seed: 'plan',
      speed: 0,
      outDir: out,
      dataDir,
      campaignDir: QUANG_TRI_DIR,
      logLevel: 'silent',
    });
    const handle = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const rows = await handle.db
        .selectFrom('broadcasts')
        .select(['audience', 'recipients'])
        .where('audience', '=', 'cham')
        .orderBy('id')
        .execute();
      recipientUnits = rows.map((r) => [...new Set(r.recipients.map((x) => x.unitId))]);
    } finally {
      await handle.close();
    }
  }, 240_000);

  afterAll(async () => {
    for (const dir of [out, dataDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints the plan definition once, as the domain computes it from the campaign settings', async () => {
    const { campaign } = await readCampaignFolder(QUANG_TRI_DIR);
    const text = result.summaryText;
    expect(text.split(PLAN_DEFINITION_TITLE)).toHaveLength(2);
    for (const line of planDefinitionLines(campaign)) expect(text).toContain(line);
    // Linear from 01/03 to 20/03: day 1 ends at 1/20, day 10 at half, the deadline at all of it.
    expect(text).toContain('ngày 1 (01/03) 5,0% · ngày 10 (10/03) 50,0% · ngày hạn (20/03) 100,0%');
    expect(text).toContain('sáng 01/03 còn 20 ngày, sau 17:00 ngày 01/03 còn 19 ngày');
  });

  it('reaches on day 5 before the cut-off exactly the communes behind yesterday’s plan', () => {
    const [check] = result.summary.tally.nudgeChecks;
    expect(check).toMatchObject({ date: '2025-03-05', afterCutoff: false, ok: true, extra: [], missed: [] });
    expect(check!.reached).toBeGreaterThan(0);
    expect(check!.reached).toBe(check!.expected);
    expect(recipientUnits[0]).toHaveLength(check!.reached);
    expect(result.summary.tally.anomalies).toEqual([]);
    expect(result.summaryText).toMatch(
      new RegExp(
        `Sáng 05/03 lúc \\d\\d:\\d\\d, /nhacnho cham: ${check!.reached} xã, đúng bằng số xã chậm so với kế hoạch hết hôm qua`,
      ),
    );
  });
});
