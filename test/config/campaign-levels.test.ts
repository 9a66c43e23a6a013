import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCampaignJson, readCampaignFolder } from '../../src/config/campaign-folder.js';
import { CampaignFileError } from '../../src/domain/errors.js';
import {
  QUANG_TRI_2026_DIR as QUANG_TRI_2026,
  QUANG_TRI_DIR,
  copyCampaign,
} from '../support/campaign-fixture.js';

async function readError(dir: string): Promise<CampaignFileError> {
  try {
    await readCampaignFolder(dir);
  } catch (error) {
    if (error instanceof CampaignFileError) return error;
    throw error;
  }
  throw new Error('expected the folder to be refused');
}

/** Copies the two-level folder and lets the test edit its files. */
const copy2026 = (edit: Parameters<typeof copyCampaign>[0]) => copyCampaign(edit, QUANG_TRI_2026);

/** Groups the communes of quang-tri-2026 into three clusters of its own choosing. */
function withClusters(csv: string): string {
  const lines = csv.trimEnd().split('\n');
  const header = lines[0] ?? '';
  const province = lines[1] ?? '';
  const communes = lines
    .slice(2)
    .map((line, i) => line.replace(',commune,44,', `,commune,${9001 + (i % 3)},`));
  const clusters = ['Cụm Bắc', 'Cụm Trung', 'Cụm Nam'].map(
    (name, i) => `${9001 + i},${name},Cụm,cluster,44,,`,
  );
  return [header, province, ...clusters, ...communes].join('\n') + '\n';
}

describe('campaign levels', () => {
  it('reads a folder without levels as province → district → commune', async () => {
    const { campaign, units } = await readCampaignFolder(QUANG_TRI_DIR);
    expect(campaign.levels.map((l) => l.code)).toEqual(['province', 'district', 'commune']);
    expect(campaign.levels[1]).toMatchObject({ name: 'Huyện' });
    expect(campaign.requireTargets).toBe(false);
    expect(units.filter((u) => u.level === 'district')).toHaveLength(9);
  });

  it('reads the two-level Quảng Trị 2026: 78 units directly under the province, all with targets', async () => {
    const { campaign, units } = await readCampaignFolder(QUANG_TRI_2026);
    expect(campaign.levels.map((l) => l.code)).toEqual(['province', 'commune']);
    expect(campaign.levels[1]).toMatchObject({ name: 'Xã', longName: 'xã, phường, đặc khu' });
    expect(campaign.requireTargets).toBe(true);
    const communes = units.filter((u) => u.level === 'commune');
    expect(communes).toHaveLength(78);
    expect(communes.every((u) => u.parentCode === '44' && u.target !== null)).toBe(true);
    expect(units.some((u) => u.level === 'district')).toBe(false);
  });

  it('reads a campaign grouped into clusters with the names it declares', async () => {
    const dir = await copy2026(({ json, csv }) => ({
      json: { ...json, levels: ['province', { code: 'cluster', name: 'Cụm' }, 'commune'] },
      csv: withClusters(csv),
    }));
    const { campaign, units } = await readCampaignFolder(dir);
    expect(campaign.levels.map((l) => l.name)).toEqual(['Tỉnh', 'Cụm', 'Xã']);
    expect(units.filter((u) => u.level === 'cluster').map((u) => u.name)).toEqual([
      'Cụm Bắc',
      'Cụm Trung',
      'Cụm Nam',
    ]);
  });

  it('names the unit whose parent is not on the level above', async () => {
    const dir = await copy2026(({ json, csv }) => ({
      json: { ...json, levels: ['province', 'cluster', 'commune'] },
      // Phường Đồng Hới left directly under the province, skipping the clusters.
      csv: withClusters(csv).replace(/^18880,(.*),commune,900\d,/m, '18880,$1,commune,44,'),
    }));
    const error = await readError(dir);
    expect(error).toMatchObject({ field: 'parent_code' });
    expect(error.message).toContain(
      '18880 Phường Đồng Hới thuộc cấp Xã nên phải trực thuộc một đơn vị cấp Cụm (cấp ngay trên trong campaign.json), nhưng đơn vị cha 44 Tỉnh Quảng Trị thuộc cấp Tỉnh',
    );
  });

  it('refuses a unit of a level the campaign does not declare', async () => {
    const dir = await copy2026(({ csv }) => ({ csv: withClusters(csv) }));
    const error = await readError(dir);
    expect(error).toMatchObject({ row: 3, field: 'level' });
    expect(error.message).toContain('phải là một cấp khai báo trong campaign.json: province, commune');
  });

  it('refuses levels that do not run from province to commune, repeat, or lack a name', () => {
    const json = async (levels: unknown) => {
      const file = JSON.parse(await readFile(join(QUANG_TRI_2026, 'campaign.json'), 'utf8'));
      try {
        parseCampaignJson(JSON.stringify({ ...file, levels }), 'campaign.json');
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    return Promise.all([
      expect(json(['commune', 'province'])).resolves.toContain('cấp đầu tiên phải là province'),
      expect(json(['province', 'district', 'district', 'commune'])).resolves.toContain('tối đa 3 cấp'),
      expect(json(['province', 'nhom', 'commune'])).resolves.toContain('cấp "nhom" cần tên hiển thị'),
      expect(json(['province', { code: 'nhom', name: 'Nhóm' }, 'commune'])).resolves.toBe('accepted'),
      expect(json(['province', 'commune', 'commune'])).resolves.toMatch(/cấp cuối cùng|bị khai báo hai lần/),
    ]);
  });

  it('refuses a folder with missing targets in ONE error naming every unit still without one', async () => {
    const dir = await copy2026(({ csv }) => ({
      csv: csv
        .replace(/^(18880,Phường Đồng Hới,Phường,commune,44),\d+,\d+$/m, '$1,,')
        .replace(/^(19742,Đặc khu Cồn Cỏ,Đặc khu,commune,44),\d+,\d+$/m, '$1,,'),
    }));
    const error = await readError(dir);
    expect(error.message).toContain('còn 2 xã chưa có chỉ tiêu');
    expect(error.message).toContain('18880 Phường Đồng Hới; 19742 Đặc khu Cồn Cỏ');
  });

  it('keeps a commune without a target acceptable when the campaign does not require targets', async () => {
    const dir = await copyCampaign(({ csv }) => ({
      csv: csv.replace('19333,Phường 1,Phường,commune,461,40,5919', '19333,Phường 1,Phường,commune,461,,'),
    }));
    const { units } = await readCampaignFolder(dir);
    expect(units.find((u) => u.code === '19333')?.target).toBeNull();
  });
});
