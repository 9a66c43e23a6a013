import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check-command.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { makeJpeg, makeOnePageScan } from './support/scan-corpus.js';
import { buildZip } from './support/zip-builder.js';

const now = new Date('2025-03-10T03:00:00Z');

function captureIo(isTTY = false): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    isTTY,
    stdout: () => out,
    stderr: () => err,
  };
}

interface JsonReport {
  files: { path: string; status: string; problems: { code: string; severity: string; message: string }[] }[];
  summary: { total: number; accepted: number; warnings: number; rejected: number };
}

let root: string;
let mixed: string;
let good: string;
let scan: Uint8Array;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sohoa-check-'));
  scan = await makeOnePageScan(1000, 1000, 720, 720);
  mixed = join(root, 'mixed');
  good = join(root, 'good');
  await mkdir(join(mixed, 'xa-hai-lang', 'quyen-01'), { recursive: true });
  await mkdir(good, { recursive: true });
  await writeFile(join(mixed, 'KS.2010.01.001.pdf'), scan);
  await writeFile(join(mixed, 'ks_2010_01_002.pdf'), scan);
  await writeFile(join(mixed, 'KT.2011.02.003.pdf'), await makeJpeg(200, 200));
  await writeFile(join(mixed, 'xa-hai-lang', 'quyen-01', 'KH.2031.01.004.pdf'), scan);
  await writeFile(join(mixed, '.DS_Store'), 'finder');
  await writeFile(
    join(mixed, 'lo-1.zip'),
    buildZip([
      { name: 'KS.2012.03.005.pdf', data: scan },
      { name: 'KS.2012.03.006.pdf', data: scan.subarray(0, 5000) },
    ]),
  );
  await writeFile(join(good, 'KS.2010.01.001.pdf'), scan);
  await writeFile(join(good, 'KS.2010.01.002.PDF'), scan);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('sohoa check', () => {
  it('checks folders recursively and ZIP entries, prints a Vietnamese table, exits 1 on a rejection', async () => {
    const io = captureIo();
    expect(await checkCommand([mixed], io, now)).toBe(1);
    const out = io.stdout();
    expect(out).toMatch(/^Tệp\s+Kết quả\s+Mã\s+Nội dung/);
    expect(out).toContain('name.pattern');
    expect(out).toContain('format.jpeg');
    expect(out).toContain('name.year_future');
    expect(out).toContain(`${join(mixed, 'lo-1.zip')}/KS.2012.03.006.pdf`.slice(-40));
    expect(out).toContain('pdf.truncated');
    expect(out).not.toContain('.DS_Store');
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      'Đã kiểm tra 6 tệp: 2 đạt, 0 đạt nhưng có lưu ý, 4 không đạt.',
    );
    expect(io.stderr()).toBe('');
  });

  it('prints JSON with every file and a summary', async () => {
    const io = captureIo();
    expect(await checkCommand(['--json', mixed], io, now)).toBe(1);
    const report = JSON.parse(io.stdout()) as JsonReport;
    expect(report.summary).toEqual({ total: 6, accepted: 2, warnings: 0, rejected: 4 });
    expect(report.files.map((file) => [file.path.slice(mixed.length + 1), file.status])).toEqual([
      ['KS.2010.01.001.pdf', 'accepted'],
      ['KT.2011.02.003.pdf', 'rejected'],
      ['ks_2010_01_002.pdf', 'rejected'],
      ['lo-1.zip/KS.2012.03.005.pdf', 'accepted'],
      ['lo-1.zip/KS.2012.03.006.pdf', 'rejected'],
      ['xa-hai-lang/quyen-01/KH.2031.01.004.pdf', 'rejected'],
    ]);
    const jpeg = report.files[1];
    expect(jpeg?.problems).toEqual([
      { code: 'format.jpeg', severity: 'error', message: expect.stringContaining('JPEG'), measured: 'JPEG' },
    ]);
  });

  it('exits 0 when nothing is rejected, and accepts single files', async () => {
    const io = captureIo();
    expect(await checkCommand([good], io, now)).toBe(0);
    expect(io.stdout()).toBe(
      'Mọi tệp đều đạt.\nĐã kiểm tra 2 tệp: 2 đạt, 0 đạt nhưng có lưu ý, 0 không đạt.\n',
    );
    expect(await checkCommand([join(good, 'KS.2010.01.001.pdf'), '--json'], captureIo(), now)).toBe(0);
  });

  it('shows a progress bar on stderr only at a terminal', async () => {
    const io = captureIo(true);
    await checkCommand([good], io, now);
    expect(io.stderr()).toContain('Đang kiểm tra [');
    expect(io.stderr()).toContain('2/2');
  });

  it('applies the campaign rules from --campaign', async () => {
    const campaign = join(root, 'campaign');
    await mkdir(campaign, { recursive: true });
    await writeFile(
      join(campaign, 'campaign.json'),
      JSON.stringify({ name: 'thử', files: { maxBytes: 1000, typeCodes: { KT: 'Khai tử' } } }),
    );
    const io = captureIo();
    expect(await checkCommand(['--json', `--campaign=${campaign}`, good], io, now)).toBe(1);
    const report = JSON.parse(io.stdout()) as JsonReport;
    expect(report.files[0]?.problems.map((problem) => problem.code)).toEqual([
      'name.type_unknown',
      'size.too_large',
    ]);
  });

  it.each([
    [[], 'Chưa chỉ ra tệp'],
    [['--verbose', 'x'], 'Không hiểu tùy chọn “--verbose”'],
    [['--campaign'], 'cần một giá trị'],
    [['/definitely/not/here.pdf'], 'Không tìm thấy “/definitely/not/here.pdf”'],
    [['--campaign', '/definitely/not/here', '.'], 'Không tìm thấy tệp cấu hình'],
  ])('exits 2 with a Vietnamese usage error for %j', async (args, message) => {
    const io = captureIo();
    expect(await checkCommand(args, io, now)).toBe(2);
    expect(io.stderr()).toContain(message);
    expect(io.stderr()).toContain('Cách dùng: sohoa check');
    expect(io.stdout()).toBe('');
  });

  it('prints usage for --help', async () => {
    const io = captureIo();
    expect(await checkCommand(['--help'], io, now)).toBe(0);
    expect(io.stdout()).toContain('Cách dùng');
  });
});
