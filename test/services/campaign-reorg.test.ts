import { expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { parseUnitMappingCsv } from '../../src/config/unit-mapping-file.js';
import { ManualClock } from '../../src/domain/clock.js';
import { splitFigures } from '../../src/domain/carry-over.js';
import { cumulativeSeries } from '../../src/domain/daily-series.js';
import type { Db } from '../../src/db/database.js';
import { upsertMember } from '../../src/db/member.repository.js';
import { findUnitByCode } from '../../src/db/unit.repository.js';
import { describeReorgProblem, reorgWording } from '../../src/messages/reorg-messages.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { reorganizeCampaign, type ReorgOutcome } from '../../src/services/campaign-reorg.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { getScopeProgress } from '../../src/services/progress.service.js';
import { copyCampaign } from '../support/campaign-fixture.js';
import { storeAcceptedReport } from '../support/report-seed.js';
import { describeEachDatabase } from '../support/test-database.js';
import { oldQuangTriFolder } from './campaign-reorg-fixture.js';

// Small reorganisations of the old Quảng Trị tree: Phường Đông Giang (19330) and Phường 1 (19333), both in
// Đông Hà, go into new units; every other unit continues unchanged.
const DONG_GIANG = '19330,Phường Đông Giang,Phường,commune,461,40,5919\n';
const PHUONG_1 = '19333,Phường 1,Phường,commune,461,40,5919\n';

/** The old folder with the two communes replaced by `added` lines (units.csv rows). */
function newFolder(added: string, endDate = '2025-12-31') {
  return copyCampaign(({ json, csv }) => ({
    json: { ...json, endDate },
    csv: csv.replace(DONG_GIANG, '').replace(PHUONG_1, '') + added,
  }));
}

async function report(db: Db, campaignId: number, code: string, date: string, attached: number) {
  const unit = await findUnitByCode(db, campaignId, code);
  if (!unit) throw new Error(`no unit ${code}`);
  await storeAcceptedReport(db, unit.id, date, new Date(`${date}T09:00:00+07:00`), {
    books: 7,
    scanned: attached + 3,
    entered: attached + 1,
    attached,
  });
}

async function start(db: Db) {
  const clock = new ManualClock('2025-02-20T08:00:00+07:00');
  const { campaignId } = await loadCampaign(db, await readCampaignFolder(await oldQuangTriFolder()), clock);
  await report(db, campaignId, '19330', '2025-06-20', 101);
  await report(db, campaignId, '19333', '2025-06-30', 50);
  const unit = await findUnitByCode(db, campaignId, '19330');
  await upsertMember(db, {
    campaign_id: campaignId,
    platform: 'telegram',
    platform_user_id: '5001',
    display_name: 'Chị Lan',
    role: 'reporter',
    unit_id: unit?.id ?? 0,
    at: clock.now(),
  });
  clock.set('2025-07-01T08:00:00+07:00');
  return { campaignId, clock };
}

async function reorganize(db: Db, clock: ManualClock, dir: string, mapping: string, from = '2025-07-01') {
  const lines = parseUnitMappingCsv(mapping, 'doi-chieu.csv');
  return reorganizeCampaign(db, await readCampaignFolder(dir), lines, from, clock, reorgWording);
}

function problemsOf(outcome: ReorgOutcome): string[] {
  if (outcome.kind !== 'refused' || outcome.refusal.kind !== 'problems')
    throw new Error(JSON.stringify(outcome));
  return outcome.refusal.problems.map(describeReorgProblem);
}

describeEachDatabase('a reorganisation of a running campaign', (database) => {
  it('merges two communes into a new one; the other units continue as they were', async () => {
    const { db } = database();
    const { campaignId, clock } = await start(db);
    // The same campaign goes on, a month longer.
    const dir = await newFolder('19999,Phường Đông Hà,Phường,commune,461,80,11838\n', '2026-01-31');
    const outcome = await reorganize(db, clock, dir, 'old_code,new_code\n19330,19999\n19333,19999\n');
    if (outcome.kind !== 'applied') throw new Error(JSON.stringify(outcome));
    expect(outcome.load.changes).toContainEqual({
      kind: 'setting',
      key: 'endDate',
      before: '"2025-12-31"',
      after: '"2026-01-31"',
    });
    expect(outcome.summary).toMatchObject({
      retired: 2,
      added: 1,
      continuing: 127,
      carried: 1,
      movedMembers: 1,
    });
    const campaign = await getCampaign(db);
    expect(campaign).toMatchObject({ id: campaignId, settings: { endDate: '2026-01-31' } });
    const dongHa = await findUnitByCode(db, campaignId, '461');
    const july = await getScopeProgress(db, campaign, dongHa?.id ?? 0, '2025-07-01');
    expect(july.standings.map((s) => s.code)).toContain('19999');
    expect(july.standings.map((s) => s.code)).not.toContain('19330');
    expect(july.standings.find((s) => s.code === '19999')?.figures).toEqual({
      books: 14,
      scanned: 157,
      entered: 153,
      attached: 151,
    });
    const june = await getScopeProgress(db, campaign, dongHa?.id ?? 0, '2025-06-30');
    expect(june.standings.map((s) => s.code)).toContain('19330');
    expect(june.standings).toHaveLength(july.standings.length + 1);
  });

  it('refuses a split commune without shares and names it; applies shares that add up to 1 exactly', async () => {
    const { db } = database();
    const { campaignId, clock } = await start(db);
    const dir = await newFolder(
      '19998,Phường Bắc Đông Hà,Phường,commune,461,40,5919\n19999,Phường Nam Đông Hà,Phường,commune,461,40,5919\n',
    );
    const whole = 'old_code,new_code,share\n19330,19998,\n19330,19999,\n19333,19999,\n';
    expect(problemsOf(await reorganize(db, clock, dir, whole))).toEqual([
      'Phường Đông Giang (mã 19330) được nhập một phần vào 19998, 19999 nhưng thiếu tỉ lệ (cột share) ở từng dòng: ' +
        'không thể chia số liệu của đơn vị này.',
    ]);
    const uneven = 'old_code,new_code,share\n19330,19998,0.5\n19330,19999,0.4\n19333,19999,\n';
    expect(problemsOf(await reorganize(db, clock, dir, uneven))).toEqual([
      'Phường Đông Giang (mã 19330): tổng tỉ lệ là 0,9, phải bằng 1.',
    ]);
    expect(await db.selectFrom('unit_successions').selectAll().execute()).toEqual([]);

    const shared = 'old_code,new_code,share\n19330,19998,0.25\n19330,19999,0.75\n19333,19999,\n';
    const outcome = await reorganize(db, clock, dir, shared);
    expect(outcome.kind).toBe('applied');
    const campaign = await getCampaign(db);
    const dongHa = await findUnitByCode(db, campaignId, '461');
    const july = await getScopeProgress(db, campaign, dongHa?.id ?? 0, '2025-07-01');
    const north = july.standings.find((s) => s.code === '19998')?.figures;
    const south = july.standings.find((s) => s.code === '19999')?.figures;
    // 19330's 101 attached split 25/76 (the parts add up to the whole); 19333's 50 go whole to 19999.
    expect(north).toEqual({ books: 2, scanned: 26, entered: 25, attached: 25 });
    expect(south).toEqual({ books: 12, scanned: 131, entered: 128, attached: 126 });
    // The member of the split commune went to its larger part.
    const member = await db.selectFrom('members').selectAll().executeTakeFirstOrThrow();
    expect(member.unit_id).toBe((await findUnitByCode(db, campaignId, '19999'))?.id);
  });

  it('lists every unknown code and every unmapped unit still in use, and writes nothing', async () => {
    const { db } = database();
    const { clock } = await start(db);
    const dir = await newFolder('19999,Phường Đông Hà,Phường,commune,461,80,11838\n');
    const outcome = await reorganize(db, clock, dir, 'old_code,new_code\n88888,19999\n19333,77777\n');
    expect(problemsOf(outcome)).toEqual([
      'Dòng 2: mã cũ 88888 không phải đơn vị đang hoạt động của chiến dịch.',
      'Dòng 3: mã mới 77777 không có trong units.csv của thư mục mới.',
      'Phường Đông Giang (mã 19330) không có trong thư mục mới và chưa có trong tệp đối chiếu, nhưng còn 1 thành viên, 1 báo cáo.',
    ]);
    expect(await db.selectFrom('units').select('id').where('valid_to', 'is not', null).execute()).toEqual([]);
  });

  it('refuses a code taken over without its old unit mapped, and a commune mapped into a district', async () => {
    const { db } = database();
    const { clock } = await start(db);
    const dir = await newFolder('19333,Phường Đông Hà,Phường,commune,461,80,11838\n');
    expect(
      problemsOf(await reorganize(db, clock, dir, 'old_code,new_code\n19330,19333\n19336,461\n')),
    ).toEqual([
      'Phường Đông Lễ (mã 19336) là xã nên chỉ nhập vào một xã mới, không vào Thành phố Đông Hà (mã 461).',
      'Mã 461 (Thành phố Đông Hà) được đơn vị mới dùng lại và nhận đơn vị khác nhập vào, nhưng đơn vị cũ mã 461 ' +
        'chưa có trong tệp đối chiếu (thêm dòng 461,461).',
      'Mã 19333 (Phường 1) được đơn vị mới dùng lại và nhận đơn vị khác nhập vào, nhưng đơn vị cũ mã 19333 chưa ' +
        'có trong tệp đối chiếu (thêm dòng 19333,19333).',
    ]);
  });

  it('refuses a change date the stored reports or the calendar contradict, and another mapping later', async () => {
    const { db } = database();
    const { campaignId, clock } = await start(db);
    const dir = await newFolder('19999,Phường Đông Hà,Phường,commune,461,80,11838\n');
    const mapping = 'old_code,new_code\n19330,19999\n19333,19999\n';
    expect(await reorganize(db, clock, dir, mapping, '2025-07-02')).toMatchObject({
      refusal: { kind: 'in_future', today: '2025-07-01' },
    });
    expect(await reorganize(db, clock, dir, mapping, '2025-03-01')).toMatchObject({
      refusal: { kind: 'not_after_start' },
    });
    expect(await reorganize(db, clock, dir, mapping, '2025-06-30')).toMatchObject({
      refusal: {
        kind: 'reports_from_change',
        units: [{ code: '19333', name: 'Phường 1', last: '2025-06-30' }],
      },
    });
    expect((await reorganize(db, clock, dir, mapping)).kind).toBe('applied');
    expect(await reorganize(db, clock, dir, 'old_code,new_code\n19330,19999\n')).toMatchObject({
      refusal: { kind: 'other_mapping', from: '2025-07-01' },
    });
    expect(
      await db.selectFrom('unit_successions').select('id').where('campaign_id', '=', campaignId).execute(),
    ).toHaveLength(2);
  });
});

it('splits figures into whole parts that add up and keep attached ≤ scanned, entered', () => {
  const parts = splitFigures({ books: 3, scanned: 4, entered: 4, attached: 3 }, [0.375, 0.625]);
  expect(parts).toEqual([
    { books: 1, scanned: 1, entered: 1, attached: 1 },
    { books: 2, scanned: 3, entered: 3, attached: 2 },
  ]);
  for (const shares of [
    [0.5, 0.5],
    [0.2, 0.3, 0.5],
    [1 / 3, 1 / 3, 1 / 3],
  ]) {
    for (let attached = 0; attached <= 20; attached++) {
      const figures = { books: attached, scanned: attached + 1, entered: attached, attached };
      const split = splitFigures(figures, shares);
      expect(split.reduce((s, p) => s + p.attached, 0)).toBe(attached);
      expect(split.reduce((s, p) => s + p.scanned, 0)).toBe(attached + 1);
      for (const p of split) expect(p.attached).toBeLessThanOrEqual(Math.min(p.scanned, p.entered));
    }
  }
});

it('counts each unit in the day-by-day series only on the days it is valid', () => {
  const day = (
    unit_id: number,
    report_date: string,
    attached: number,
    valid: [string | null, string | null],
  ) => ({
    unit_id,
    report_date,
    books: 0,
    scanned: attached,
    entered: attached,
    attached,
    unit_valid_from: valid[0],
    unit_valid_to: valid[1],
  });
  // Units 1 and 2 retire after 30/06; unit 3 starts on 01/07 with their sum carried on the eve.
  const series = cumulativeSeries(
    [
      day(1, '2025-06-29', 10, [null, '2025-06-30']),
      day(2, '2025-06-30', 5, [null, '2025-06-30']),
      day(3, '2025-06-30', 15, ['2025-07-01', null]),
      day(3, '2025-07-02', 20, ['2025-07-01', null]),
    ],
    '2025-06-29',
    '2025-07-02',
  );
  expect(series.map((p) => [p.date, p.attached])).toEqual([
    ['2025-06-29', 10],
    ['2025-06-30', 15],
    ['2025-07-01', 15],
    ['2025-07-02', 20],
  ]);
});
