import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnitMappingCsv, readUnitMappingFile } from '../../src/config/unit-mapping-file.js';
import { CampaignFileError } from '../../src/domain/errors.js';

const parse = (text: string) => parseUnitMappingCsv(text, 'doi-chieu.csv');

function errorOf(text: string): CampaignFileError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof CampaignFileError) return error;
    throw error;
  }
  throw new Error('expected a CampaignFileError');
}

describe('the mapping file (old_code,new_code[,share])', () => {
  it('reads whole lines without a share column, and split lines with shares (dot or quoted comma)', () => {
    expect(parse('old_code,new_code\n19330,19333\n19333,19333\n')).toEqual([
      { oldCode: '19330', newCode: '19333', share: null, line: 2 },
      { oldCode: '19333', newCode: '19333', share: null, line: 3 },
    ]);
    expect(parse('old_code,new_code,share\n19351,19351,0.6\n19351,19360,"0,4"\n19363,19360,\n')).toEqual([
      { oldCode: '19351', newCode: '19351', share: 0.6, line: 2 },
      { oldCode: '19351', newCode: '19360', share: 0.4, line: 3 },
      { oldCode: '19363', newCode: '19360', share: null, line: 4 },
    ]);
  });

  it('names the missing column, the bad cell and the repeated pair, in Vietnamese', () => {
    expect(errorOf('old,new_code\n19330,19333\n').message).toBe(
      'doi-chieu.csv: thiếu cột old_code ở dòng tiêu đề.',
    );
    const code = errorOf('old_code,new_code\n19330,1933X\n');
    expect(code).toMatchObject({ row: 2, field: 'new_code' });
    expect(code.message).toBe(
      'doi-chieu.csv dòng 2, cột new_code ("1933X"): phải là mã đơn vị hành chính gồm 2–5 chữ số.',
    );
    for (const bad of ['0', '1.5', '-0.2', 'nửa', '40%']) {
      const share = errorOf(`old_code,new_code,share\n19330,19333,${bad}\n`);
      expect(share).toMatchObject({ row: 2, field: 'share' });
      expect(share.message).toContain('phải là tỉ lệ lớn hơn 0 và không quá 1');
    }
    expect(errorOf('old_code,new_code\n19330,19333\n19336,19339\n19330,19333\n').message).toBe(
      'doi-chieu.csv dòng 4, cột new_code: cặp 19330 → 19333 đã có ở dòng 2.',
    );
    expect(errorOf('old_code,new_code\n').message).toContain('không có dòng nào');
  });

  it('names a missing file by its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sohoa-mapping-'));
    await expect(readUnitMappingFile(join(dir, 'khong-co.csv'))).rejects.toThrow(
      `Không tìm thấy tệp ${join(dir, 'khong-co.csv')}.`,
    );
    await writeFile(join(dir, 'ok.csv'), '\uFEFFold_code,new_code\r\n19330,19333\r\n');
    expect(await readUnitMappingFile(join(dir, 'ok.csv'))).toHaveLength(1);
  });
});
