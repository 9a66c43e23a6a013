import { beforeAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../src/files/file-inspector.js';
import { DEFAULT_FILE_RULES } from '../../src/files/file-rules.js';
import { sniffFormat } from '../../src/files/format-sniffer.js';
import { makeJpeg, makeOnePageScan, makePng } from './support/scan-corpus.js';
import { buildZip } from './support/zip-builder.js';

const now = new Date('2025-03-10T03:00:00Z');
const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const withMagic = (magic: number[], size = 2000) => {
  const bytes = new Uint8Array(size);
  bytes.set(magic);
  return bytes;
};

let jpeg: Uint8Array;
let png: Uint8Array;
let pdf: Uint8Array;

beforeAll(async () => {
  jpeg = await makeJpeg(300, 400);
  png = await makePng(300, 400);
  pdf = await makeOnePageScan(900, 1300);
});

describe('disguised formats', () => {
  const cases: [string, () => Uint8Array, string, string][] = [
    ['a JPEG photo', () => jpeg, 'jpeg', 'format.jpeg'],
    ['a PNG image', () => png, 'png', 'format.png'],
    ['a TIFF scan', () => withMagic([0x49, 0x49, 0x2a, 0x00]), 'tiff', 'format.image'],
    ['a GIF', () => ascii('GIF89a......'), 'gif', 'format.image'],
    ['a phone HEIC photo', () => ascii('\0\0\0\x18ftypheic\0\0\0\0mif1heic'), 'heic', 'format.image'],
    [
      'an old Word .doc',
      () => withMagic([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'doc',
      'format.doc',
    ],
    [
      'a Word .docx',
      () =>
        buildZip([
          { name: '[Content_Types].xml', data: ascii('<Types/>') },
          { name: 'word/document.xml', data: ascii('<w:document/>') },
        ]),
      'docx',
      'format.docx',
    ],
    [
      'an Excel .xlsx',
      () =>
        buildZip([
          { name: '[Content_Types].xml', data: ascii('<Types/>') },
          { name: 'xl/workbook.xml', data: ascii('<x/>') },
        ]),
      'xlsx',
      'format.office',
    ],
    ['a ZIP of PDFs', () => buildZip([{ name: 'KS.2010.01.001.pdf', data: pdf }]), 'zip', 'format.zip'],
    ['a RAR archive', () => ascii('Rar!\x1a\x07\x01\x00rest'), 'rar', 'format.archive'],
    [
      'an HTML error page',
      () => ascii('\xef\xbb\xbf  <!DOCTYPE html><html><body>404</body></html>'),
      'html',
      'format.html',
    ],
    [
      'an HTML login page',
      () => ascii('<html lang="vi"><head><title>Đăng nhập</title></head></html>'),
      'html',
      'format.html',
    ],
    ['plain text', () => ascii('Danh sách hồ sơ'), 'unknown', 'format.not_pdf'],
    ['random bytes', () => withMagic([1, 2, 3, 4]), 'unknown', 'format.not_pdf'],
  ];

  it.each(cases)('rejects %s renamed to .pdf, naming what it is', async (_label, bytes, format, code) => {
    expect(sniffFormat(bytes())).toBe(format);
    const verdict = await inspectFile(
      { name: 'KS.2010.01.001.pdf', bytes: bytes() },
      DEFAULT_FILE_RULES,
      now,
    );
    expect(verdict.status).toBe('rejected');
    expect(verdict.format).toBe(format);
    expect(verdict.problems.map((problem) => problem.code)).toEqual([code]);
    expect(verdict.problems[0]?.message).toMatch(/hãy/i);
  });

  it('rejects an empty file', async () => {
    const verdict = await inspectFile(
      { name: 'KS.2010.01.001.pdf', bytes: new Uint8Array() },
      DEFAULT_FILE_RULES,
      now,
    );
    expect(verdict).toMatchObject({ status: 'rejected', bytes: 0, format: 'empty' });
    expect(verdict.problems.map((problem) => problem.code)).toEqual(['format.empty']);
  });

  it('finds a PDF header after leading junk, as readers do', () => {
    expect(sniffFormat(ascii(`${' '.repeat(500)}%PDF-1.4\n`))).toBe('pdf');
    expect(sniffFormat(ascii(`${' '.repeat(1100)}%PDF-1.4\n`))).toBe('unknown');
  });

  it('reports name and format problems together', async () => {
    const verdict = await inspectFile({ name: 'anh-chup.jpg', bytes: jpeg }, DEFAULT_FILE_RULES, now);
    expect(verdict.problems.map((problem) => problem.code)).toEqual([
      'name.extension',
      'name.pattern',
      'format.jpeg',
    ]);
  });
});
