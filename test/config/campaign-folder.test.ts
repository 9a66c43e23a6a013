import { describe, expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { spreadEvenly } from '../../src/config/units-from-official-list.js';
import { CampaignFileError } from '../../src/domain/errors.js';
import { QUANG_TRI_DIR, copyCampaign } from '../support/campaign-fixture.js';

async function readError(dir: string): Promise<CampaignFileError> {
  const error = await readCampaignFolder(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof CampaignFileError) return error;
  throw new Error(`expected a CampaignFileError, got ${String(error)}`);
}

const replaceLine = (csv: string, code: string, replace: (fields: string[]) => string[]) =>
  csv
    .split('\n')
    .map((line) => (line.startsWith(`${code},`) ? replace(line.split(',')).join(',') : line))
    .join('\n');

describe('the Quảng Trị campaign folder', () => {
  it('declares 1 province, 9 districts and 119 communes with the published totals', async () => {
    const { campaign, units } = await readCampaignFolder(QUANG_TRI_DIR);
    expect(campaign.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect([campaign.startDate, campaign.endDate, campaign.reportCutoff]).toEqual([
      '2025-03-01',
      '2025-03-20',
      '17:00',
    ]);
    expect(campaign.milestones.map((m) => m.deadline)).toEqual([
      '2025-02-25',
      '2025-03-20',
      '2025-03-20',
      '2025-03-20',
    ]);
    expect(campaign.files.maxBytes).toBe(102_400);
    const count = (level: string) => units.filter((u) => u.level === level).length;
    expect([count('province'), count('district'), count('commune')]).toEqual([1, 9, 119]);
    const books = units.reduce((s, u) => s + (u.target?.books ?? 0), 0);
    const cases = units.reduce((s, u) => s + (u.target?.cases ?? 0), 0);
    expect([books, cases]).toEqual([2088, 203_540]);
    // Đông Hà's 357 books over its 9 wards: 6 × 40 + 3 × 39.
    const dongHa = units.filter((u) => u.parentCode === '461').map((u) => u.target?.books);
    expect(dongHa).toEqual([40, 40, 40, 40, 40, 40, 39, 39, 39]);
  });
});

describe('spreadEvenly', () => {
  it('keeps the total and differs by at most one', () => {
    expect(spreadEvenly(10, 3)).toEqual([4, 3, 3]);
    expect(spreadEvenly(53_268, 9).reduce((a, b) => a + b, 0)).toBe(53_268);
  });
});

describe('a bad campaign folder is refused with the file, row and field named', () => {
  it('a wrong type in campaign.json', async () => {
    const dir = await copyCampaign(({ json }) => ({ json: { ...json, startDate: 20250301 } }));
    const error = await readError(dir);
    expect(error.field).toBe('startDate');
    expect(error.message).toMatch(/campaign\.json, mục startDate/);
  });

  it('invalid JSON', async () => {
    const dir = await copyCampaign(() => ({ json: undefined }));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${dir}/campaign.json`, '{ "code": ');
    expect((await readError(dir)).message).toMatch(/không phải JSON hợp lệ/);
  });

  it('an unknown time zone', async () => {
    const dir = await copyCampaign(({ json }) => ({ json: { ...json, timeZone: 'Asia/Hanoi_City' } }));
    expect((await readError(dir)).message).toMatch(/timeZone: không phải múi giờ IANA hợp lệ/);
  });

  it('a missing metric', async () => {
    const dir = await copyCampaign(({ json }) => ({
      json: { ...json, metrics: (json.metrics as unknown[]).slice(0, 3) },
    }));
    expect((await readError(dir)).field).toBe('metrics');
  });

  it('an unknown parent unit', async () => {
    const dir = await copyCampaign(({ csv }) => ({
      csv: replaceLine(csv, '19333', (f) => (f.splice(4, 1, '999'), f)),
    }));
    const error = await readError(dir);
    expect(error).toMatchObject({ row: 5, field: 'parent_code' });
    expect(error.message).toContain('không tìm thấy đơn vị cha "999"');
  });

  it('duplicate unit codes', async () => {
    const dir = await copyCampaign(({ csv }) => ({
      csv: replaceLine(csv, '19333', (f) => (f.splice(0, 1, '19330'), f)),
    }));
    const error = await readError(dir);
    expect(error).toMatchObject({ row: 5, field: 'code' });
    expect(error.message).toContain('bị trùng với dòng 4');
  });

  it('a negative target', async () => {
    const dir = await copyCampaign(({ csv }) => ({
      csv: replaceLine(csv, '19333', (f) => (f.splice(6, 1, '-5'), f)),
    }));
    const error = await readError(dir);
    expect(error).toMatchObject({ row: 5, field: 'target_cases' });
    expect(error.message).toContain('số nguyên không âm');
  });

  it('a target on a district', async () => {
    const dir = await copyCampaign(({ csv }) => ({
      csv: replaceLine(csv, '461', (f) => (f.splice(5, 2, '1', '2'), f)),
    }));
    expect((await readError(dir)).message).toContain('chỉ tiêu chỉ đặt cho cấp xã');
  });

  it('a commune whose parent is the province', async () => {
    const dir = await copyCampaign(({ csv }) => ({
      csv: replaceLine(csv, '19333', (f) => (f.splice(4, 1, '45'), f)),
    }));
    expect((await readError(dir)).message).toContain(
      '19333 Phường 1 thuộc cấp Xã nên phải trực thuộc một đơn vị cấp Huyện',
    );
  });

  it('a missing column', async () => {
    const dir = await copyCampaign(({ csv }) => ({ csv: csv.replace('target_cases', 'cases') }));
    expect((await readError(dir)).message).toContain('thiếu cột target_cases');
  });

  it('a missing units.csv', async () => {
    const { rm } = await import('node:fs/promises');
    const dir = await copyCampaign();
    await rm(`${dir}/units.csv`);
    expect((await readError(dir)).message).toMatch(/Không tìm thấy tệp .*units\.csv/);
  });
});
