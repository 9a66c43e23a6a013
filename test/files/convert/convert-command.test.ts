import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { convertCommand } from '../../../src/cli/convert-command.js';
import { main } from '../../../src/cli/main.js';
import { inspectFile } from '../../../src/files/file-inspector.js';
import { DEFAULT_FILE_RULES } from '../../../src/files/file-rules.js';
import { captureIo } from '../../support/capture-io.js';
import { buildZip } from '../support/zip-builder.js';
import { registryPage, type RegistryPage } from './support/registry-page.js';

const now = new Date('2025-03-10T03:00:00Z');
let page: RegistryPage;
let dir: string;

beforeAll(async () => {
  page = await registryPage(51);
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sohoa-convert-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sohoa convert', () => {
  it('converts a folder and a ZIP into compliant PDFs, one line each, exit 0', async () => {
    const input = join(dir, 'in');
    await mkdir(input);
    await writeFile(join(input, 'Khai tu 2009 q2 so 41.jpg'), page.photo);
    await writeFile(
      join(dir, 'lo.zip'),
      buildZip([{ name: 'KH.2012.03.007.png', data: page.scan, method: 0 }]),
    );
    const out = join(dir, 'out');
    const io = captureIo();
    const code = await convertCommand([input, join(dir, 'lo.zip'), '--out', out], io, now);
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);
    const lines = io.stdout().split('\n');
    expect(lines[0]).toMatch(
      /^✅ KT\.2009\.02\.041\.pdf: 2,\d MB → [\d,]+ KB · 1 trang · khoảng \d+ dpi · Đạt {2}\[.*Khai tu 2009 q2 so 41\.jpg\]$/,
    );
    expect(lines[1]).toMatch(
      /^✅ KH\.2012\.03\.007\.pdf: .* · Đạt {2}\[.*lo\.zip\/KH\.2012\.03\.007\.png\]$/,
    );
    expect(io.stdout()).toContain('Đã chuyển 2 tệp, giữ nguyên 0 tệp đã đạt, 0 tệp không chuyển được');
    expect((await readdir(out)).sort()).toEqual(['KH.2012.03.007.pdf', 'KT.2009.02.041.pdf']);
    for (const name of await readdir(out)) {
      const bytes = await readFile(join(out, name));
      expect((await inspectFile({ name, bytes }, DEFAULT_FILE_RULES, now)).status).toBe('accepted');
    }
  });

  it('exits 1 with --json when a file cannot be made compliant, and names what lacks a name', async () => {
    await writeFile(join(dir, 'nho.jpg'), await sharp(page.scan).resize(300).jpeg().toBuffer());
    await writeFile(join(dir, 'IMG_7.jpg'), page.photo);
    const io = captureIo();
    const code = await convertCommand(
      [join(dir, 'IMG_7.jpg'), join(dir, 'nho.jpg'), '--out', join(dir, 'out'), '--json'],
      io,
      now,
    );
    expect(code).toBe(1);
    const report = JSON.parse(io.stdout()) as {
      files: { kind: string; name?: { kind: string; missing?: string[] }; refusal?: { code: string } }[];
      summary: Record<string, unknown>;
    };
    expect(report.files[0]).toMatchObject({
      kind: 'converted',
      name: { kind: 'incomplete', missing: ['type', 'year', 'book', 'number'] },
    });
    expect(report.files[1]).toMatchObject({ kind: 'refused', refusal: { code: 'too_small' } });
    expect(report.summary).toMatchObject({ total: 2, converted: 1, refused: 1, notCompliant: 1 });
  });

  it('follows the campaign folder: its size limit and its steps', async () => {
    const campaign = join(dir, 'campaign');
    await mkdir(campaign);
    const files = { maxBytes: 150_000, convert: { grayscale: false } };
    await writeFile(join(campaign, 'campaign.json'), JSON.stringify({ files }));
    await writeFile(join(dir, 'KS.2010.01.015.jpg'), page.photo);
    const io = captureIo();
    const args = [
      join(dir, 'KS.2010.01.015.jpg'),
      '--out',
      join(dir, 'out'),
      '--json',
      '--campaign',
      campaign,
    ];
    expect(await convertCommand(args, io, now)).toBe(0);
    const report = JSON.parse(io.stdout()) as {
      files: { sizeAfter: number; encoding: { grayscale: boolean } }[];
    };
    expect(report.files[0]?.encoding.grayscale).toBe(false);
    expect(report.files[0]?.sizeAfter).toBeLessThanOrEqual(150_000);
    expect(report.files[0]?.sizeAfter).toBeGreaterThan(102_400);
  });

  it('refuses bad usage with exit 2 and is listed in `sohoa help`', async () => {
    for (const args of [
      [],
      [dir],
      ['--out', dir],
      [join(dir, 'missing.jpg'), '--out', dir],
      [dir, '--out', dir, '--fast'],
    ]) {
      const io = captureIo();
      expect(await convertCommand(args, io, now), args.join(' ')).toBe(2);
      expect(io.stderr()).toContain('Cách dùng: sohoa convert');
    }
    const help = captureIo();
    await main(['help'], help);
    expect(help.stdout()).toContain('convert    convert <tệp|thư mục|zip>… --out <thư mục> [--json]');
  });
});
