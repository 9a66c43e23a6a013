import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRulesFromCampaign, loadCampaignFileRules } from '../../src/files/campaign-file-rules.js';
import { DEFAULT_FILE_RULES } from '../../src/files/file-rules.js';
import { verdictOf, type PathVerdict } from '../../src/domain/file-verdict.js';
import { problemFor } from '../../src/messages/file-problem-messages.js';
import { verdictsToCsv } from '../../src/files/verdict-csv.js';

describe('verdictsToCsv', () => {
  it('writes one row per file with status, codes and the first message, ready for Excel', () => {
    const rows: PathVerdict[] = [
      { path: 'lo-1.zip/KS.2010.01.001.pdf', verdict: verdictOf('KS.2010.01.001.pdf', 80_000, []) },
      {
        path: 'lo-1.zip/ks, "a".pdf',
        verdict: verdictOf('ks, "a".pdf', 200_000, [
          problemFor.namePattern('ks, "a".pdf', 'KS.2025.01.001.pdf'),
          problemFor.sizeTooLarge(200_000, 102_400),
        ]),
      },
      {
        path: '=HYPERLINK("x").pdf',
        verdict: verdictOf('=HYPERLINK("x").pdf', 10, [problemFor.contentMultiPage(2)]),
      },
    ];
    const csv = verdictsToCsv(rows);
    expect(csv.startsWith('\uFEFFTệp,Kết quả,Mã lỗi,Nội dung lỗi đầu tiên\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('lo-1.zip/KS.2010.01.001.pdf,Đạt,,');
    expect(lines[2]).toMatch(
      /^"lo-1.zip\/ks, ""a"".pdf",Không đạt,name.pattern size.too_large,"Tên tệp “ks, ""a"".pdf” không đúng mẫu/,
    );
    expect(lines[3]).toMatch(/^"'=HYPERLINK\(""x""\).pdf","Đạt, có lưu ý",content.multi_page,/);
  });
});

describe('campaign file rules', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sohoa-campaign-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('overrides only the fields the campaign sets', () => {
    expect(fileRulesFromCampaign({ name: 'x' })).toBe(DEFAULT_FILE_RULES);
    expect(fileRulesFromCampaign({ files: { maxBytes: 204_800, minDpi: 150 } })).toEqual({
      ...DEFAULT_FILE_RULES,
      maxBytes: 204_800,
      minDpi: 150,
    });
    expect(
      fileRulesFromCampaign({ files: { typeCodes: { KS: 'Khai sinh' }, minYear: 1945, retentionDays: 30 } }),
    ).toEqual({
      ...DEFAULT_FILE_RULES,
      minYear: 1945,
      typeCodes: { KS: 'Khai sinh' },
    });
  });

  it('reads campaign.json and explains what is wrong with it', async () => {
    await writeFile(
      join(dir, 'campaign.json'),
      JSON.stringify({ files: { maxBytes: -1, typeCodes: { ks: 'Khai sinh' } } }),
    );
    expect(await loadCampaignFileRules(dir)).toMatchObject({
      ok: false,
      reason: 'invalid',
      detail: 'files.maxBytes, files.typeCodes.ks',
    });
    await writeFile(join(dir, 'campaign.json'), '{ not json');
    expect(await loadCampaignFileRules(dir)).toMatchObject({ ok: false, reason: 'invalid' });
    await writeFile(
      join(dir, 'campaign.json'),
      JSON.stringify({ files: { typeCodes: { KS: 'Khai sinh' } } }),
    );
    expect(await loadCampaignFileRules(dir)).toMatchObject({
      ok: true,
      rules: { typeCodes: { KS: 'Khai sinh' }, maxBytes: 102_400 },
    });
    expect(await loadCampaignFileRules(join(dir, 'missing'))).toMatchObject({ ok: false, reason: 'missing' });
  });
});
