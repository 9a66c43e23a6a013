import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { campaignDirsOf, readCampaignFolders } from '../../src/config/campaign-folder.js';
import { CampaignFileError } from '../../src/domain/errors.js';
import { copyCampaign, QUANG_TRI_DIR } from '../support/campaign-fixture.js';

/** A folder holding campaign folders (and, to be ignored, a file and a folder without campaign.json). */
async function folderOfCampaigns(): Promise<{ root: string; first: string; second: string }> {
  const root = await mkdtemp(join(tmpdir(), 'sohoa-campaigns-'));
  const second = join(root, 'b-thu-nghiem');
  const first = join(root, 'a-quang-tri');
  await cp(QUANG_TRI_DIR, first, { recursive: true });
  await cp(await copyCampaign(({ json }) => ({ json: { ...json, code: 'thu-nghiem-2025' } })), second, {
    recursive: true,
  });
  await mkdir(join(root, 'ghi-chu'));
  await writeFile(join(root, 'README.md'), 'không phải chiến dịch');
  return { root, first, second };
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('CAMPAIGN_DIR: one folder, a comma-separated list, or a folder of campaign folders', () => {
  it('keeps one folder as it is', async () => {
    expect(await campaignDirsOf(QUANG_TRI_DIR)).toEqual([QUANG_TRI_DIR]);
  });

  it('takes a comma-separated list in its order, trimmed, each folder once', async () => {
    const { first, second } = await folderOfCampaigns();
    expect(await campaignDirsOf(` ${second} ,${first},,${second}`)).toEqual([second, first]);
  });

  it('expands a folder of campaign folders in name order, skipping what is no campaign', async () => {
    const { root, first, second } = await folderOfCampaigns();
    expect(await campaignDirsOf(root)).toEqual([first, second]);
    const read = await readCampaignFolders(root);
    expect(read.map((r) => r.definition.campaign.code)).toEqual(['quang-tri-2025', 'thu-nghiem-2025']);
  });

  it('names a folder that does not exist', async () => {
    const error = await errorOf(campaignDirsOf(`${QUANG_TRI_DIR},/khong/co/thu-muc`));
    expect(error).toBeInstanceOf(CampaignFileError);
    expect((error as Error).message).toBe('CAMPAIGN_DIR: không tìm thấy thư mục /khong/co/thu-muc.');
  });

  it('names a folder with no campaign in it', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'sohoa-empty-'));
    const error = await errorOf(campaignDirsOf(empty));
    expect((error as Error).message).toContain(`thư mục ${empty} không có campaign.json`);
    expect(((await errorOf(campaignDirsOf(' , '))) as Error).message).toContain(
      'không có thư mục chiến dịch',
    );
  });

  it('refuses two folders with one campaign code, naming both', async () => {
    const copy = await copyCampaign();
    const error = await errorOf(readCampaignFolders(`${QUANG_TRI_DIR},${copy}`));
    expect(error).toBeInstanceOf(CampaignFileError);
    expect((error as Error).message).toBe(
      `Hai thư mục chiến dịch cùng mã "quang-tri-2025": ${QUANG_TRI_DIR} và ${copy}. Mỗi chiến dịch cần một mã riêng.`,
    );
  });
});
