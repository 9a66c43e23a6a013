import { expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { ManualClock } from '../../src/domain/clock.js';
import { CampaignFileError } from '../../src/domain/errors.js';
import { listMilestones } from '../../src/db/campaign.repository.js';
import { listUnitsWithTargets, sumTargets } from '../../src/db/unit.repository.js';
import { describeCampaignChange, describeUnitNameFix } from '../../src/messages/campaign-change-messages.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { QUANG_TRI_DIR, copyCampaign } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

const clock = new ManualClock('2025-02-20T08:00:00+07:00');

describeEachDatabase('loading a campaign', (database) => {
  it('loads Quảng Trị: 1 province, 9 districts, 119 communes, 2,088 books, 203,540 cases', async () => {
    const { db } = database();
    const result = await loadCampaign(db, await readCampaignFolder(QUANG_TRI_DIR), clock);
    expect(result.created).toBe(true);
    const units = await listUnitsWithTargets(db, result.campaignId);
    const count = (level: string) => units.filter((u) => u.level === level).length;
    expect([count('province'), count('district'), count('commune')]).toEqual([1, 9, 119]);
    expect(await sumTargets(db, result.campaignId)).toEqual({ units: 119, books: 2088, cases: 203_540 });
    const milestones = await listMilestones(db, result.campaignId);
    expect(milestones.map((m) => [m.code, m.deadline])).toEqual([
      ['thu-thap', '2025-02-25'],
      ['scan', '2025-03-20'],
      ['nhap-lieu', '2025-03-20'],
      ['dinh-kem', '2025-03-20'],
    ]);
    const campaign = await getCampaign(db);
    expect(campaign.settings.reportCutoff).toBe('17:00');
    const phuong1 = units.find((u) => u.code === '19333');
    const dongHa = units.find((u) => u.code === '461');
    expect(phuong1?.parent_id).toBe(dongHa?.id);
  });

  it('changes nothing when loaded twice', async () => {
    const { db } = database();
    const definition = await readCampaignFolder(QUANG_TRI_DIR);
    const first = await loadCampaign(db, definition, clock);
    const before = await listUnitsWithTargets(db, first.campaignId);
    const audits = await db.selectFrom('audit_log').select('id').execute();
    const second = await loadCampaign(db, definition, clock);
    expect(second).toMatchObject({ campaignId: first.campaignId, created: false, changes: [] });
    expect(await listUnitsWithTargets(db, first.campaignId)).toEqual(before);
    expect(await db.selectFrom('audit_log').select('id').execute()).toHaveLength(audits.length);
  });

  it('applies and lists what changed in the files', async () => {
    const { db } = database();
    const first = await loadCampaign(db, await readCampaignFolder(QUANG_TRI_DIR), clock);
    const dir = await copyCampaign(({ json, csv }) => ({
      json: { ...json, reportCutoff: '16:30' },
      csv: csv
        .replace('19333,Phường 1,Phường,commune,461,40,5919', '19333,Phường Một,Phường,commune,461,42,6000')
        .concat('99999,Xã Thử Nghiệm,Xã,commune,461,,\n'),
    }));
    const result = await loadCampaign(db, await readCampaignFolder(dir), clock);
    // Changes are data; the messages layer words them for the CLI.
    expect(result.changes[0]).toEqual({
      kind: 'setting',
      key: 'reportCutoff',
      before: '"17:00"',
      after: '"16:30"',
    });
    expect(result.changes.map(describeCampaignChange)).toEqual([
      'Thay đổi giờ chốt báo cáo: "17:00" → "16:30"',
      'Đơn vị 19333: đổi tên "Phường 1" → "Phường Một"',
      'Chỉ tiêu 19333 Phường Một: 40 sổ/5919 hồ sơ → 42 sổ/6000 hồ sơ',
      'Thêm đơn vị 99999 Xã Thử Nghiệm',
    ]);
    const units = await listUnitsWithTargets(db, first.campaignId);
    expect(units.find((u) => u.code === '19333')).toMatchObject({
      name: 'Phường Một',
      target_books: 42,
      target_cases: 6000,
    });
    expect(units.find((u) => u.code === '99999')).toMatchObject({ level: 'commune', target_books: null });
    expect((await getCampaign(db)).settings.reportCutoff).toBe('16:30');
  });

  it('stores names and types normalised, and reports what it changed', async () => {
    const { db } = database();
    const dir = await copyCampaign(({ json, csv }) => ({
      json,
      csv: csv
        .replace('19705,Xã Hải Lệ,Xã,', '19705, Xã  Hải   Lệ ,Xã,')
        .replace('19363,Thị trấn Hồ Xá,Thị trấn,', '19363,THỊ TRẤN Hồ Xá,thị trấn,'),
    }));
    const result = await loadCampaign(db, await readCampaignFolder(dir), clock);
    expect(result.normalized.map(describeUnitNameFix)).toEqual([
      'Đơn vị 19705: tên "Xã  Hải   Lệ" → "Xã Hải Lệ" (bỏ dấu cách thừa)',
      'Đơn vị 19363: tên "THỊ TRẤN Hồ Xá" → "Thị trấn Hồ Xá" (viết hoa loại đơn vị theo danh mục)',
      'Đơn vị 19363: loại "thị trấn" → "Thị trấn" (viết hoa loại đơn vị theo danh mục)',
    ]);
    const units = await listUnitsWithTargets(db, result.campaignId);
    expect(units.find((u) => u.code === '19705')?.name).toBe('Xã Hải Lệ');
    expect(units.find((u) => u.code === '19363')).toMatchObject({ name: 'Thị trấn Hồ Xá', type: 'Thị trấn' });
    // The shipped folder is already clean: loading it normalises nothing and changes nothing stored.
    const clean = await loadCampaign(db, await readCampaignFolder(QUANG_TRI_DIR), clock);
    expect(clean.normalized).toEqual([]);
    expect(clean.changes).toEqual([]);
  });

  it('refuses to drop a unit that members point at, and leaves the database as it was', async () => {
    const { db } = database();
    const first = await loadCampaign(db, await readCampaignFolder(QUANG_TRI_DIR), clock);
    const units = await listUnitsWithTargets(db, first.campaignId);
    const phuong1 = units.find((u) => u.code === '19333');
    await db
      .insertInto('members')
      .values({
        campaign_id: first.campaignId,
        platform: 'telegram',
        platform_user_id: '1',
        display_name: 'A',
        role: 'reporter',
        unit_id: phuong1?.id ?? 0,
        joined_at: clock.now(),
        updated_at: clock.now(),
      })
      .execute();
    const dir = await copyCampaign(({ json, csv }) => ({
      json: { ...json, reportCutoff: '16:00' },
      csv: csv.replace(/^19333,.*\n/m, ''),
    }));
    const error = await loadCampaign(db, await readCampaignFolder(dir), clock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CampaignFileError);
    expect((error as Error).message).toContain('Không thể bỏ đơn vị 19333 Phường 1');
    expect(await listUnitsWithTargets(db, first.campaignId)).toEqual(units);
    expect((await getCampaign(db)).settings.reportCutoff).toBe('17:00');
  });
});
