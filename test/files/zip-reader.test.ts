import { beforeAll, describe, expect, it } from 'vitest';
import { crc32 } from '../../src/files/crc32-checksum.js';
import { DEFAULT_FILE_RULES } from '../../src/files/file-rules.js';
import { isUnsafePath, openZip, type ZipEntryResult } from '../../src/files/zip-reader.js';
import { inspectZip } from '../../src/files/zip-inspector.js';
import type { PathVerdict } from '../../src/domain/file-verdict.js';
import { deflatedZeros, makeOnePageScan } from './support/scan-corpus.js';
import { buildZip, unicodePathExtra } from './support/zip-builder.js';

const now = new Date('2025-03-10T03:00:00Z');
const text = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'));
const entries = (bytes: Uint8Array): ZipEntryResult[] => {
  const opened = openZip(bytes);
  if (!opened.ok) throw new Error(`zip did not open: ${opened.fault}`);
  return [...opened.entries()];
};

let scan: Uint8Array;

beforeAll(async () => {
  scan = await makeOnePageScan(1000, 1000, 720, 720);
});

describe('openZip', () => {
  it('reads stored and deflated entries, skipping folders', () => {
    const zip = buildZip([
      { name: 'hồ sơ/', data: new Uint8Array(), method: 0 },
      { name: 'hồ sơ/KS.2010.01.001.pdf', data: scan, method: 8 },
      { name: 'KS.2010.01.002.pdf', data: scan, method: 0 },
    ]);
    const read = entries(zip);
    expect(read.map((entry) => entry.name)).toEqual(['hồ sơ/KS.2010.01.001.pdf', 'KS.2010.01.002.pdf']);
    for (const entry of read) {
      expect(entry.ok && Buffer.from(entry.bytes).equals(Buffer.from(scan))).toBe(true);
    }
  });

  it('decodes names: UTF-8 flag, Unicode Path extra field, unflagged UTF-8, CP437 fallback', () => {
    const cp437 = new Uint8Array([0x82, 0x74, 0x82, 0x2e, 0x70, 0x64, 0x66]); // "été.pdf" in CP437
    const zip = buildZip([
      { name: 'Quảng Trị.pdf', data: text('a') },
      { name: 'ignored', rawName: cp437, data: text('b'), extra: unicodePathExtra(cp437, 'Hải Lăng.pdf') },
      { name: 'ignored', rawName: new Uint8Array(Buffer.from('Đông Hà.pdf', 'utf8')), data: text('c') },
      { name: 'ignored', rawName: cp437, data: text('d') },
    ]);
    expect(entries(zip).map((entry) => entry.name)).toEqual([
      'Quảng Trị.pdf',
      'Hải Lăng.pdf',
      'Đông Hà.pdf',
      'été.pdf',
    ]);
  });

  it('refuses encrypted entries, unknown methods, unsafe paths and bad checksums, entry by entry', () => {
    const zip = buildZip([
      { name: 'secret.pdf', data: text('x'), flags: 1 },
      { name: 'bzip2.pdf', data: text('x'), method: 12, compressed: text('BZh9') },
      { name: '../../etc/passwd', data: text('x') },
      { name: 'C:/Windows/evil.pdf', data: text('x') },
      { name: 'bad-crc.pdf', data: text('x'), crc: 1234 },
      { name: 'fine.pdf', data: text('x') },
    ]);
    expect(entries(zip).map((entry) => (entry.ok ? 'ok' : entry.fault))).toEqual([
      'encrypted',
      'unsupported',
      'unsafe_path',
      'unsafe_path',
      'damaged',
      'ok',
    ]);
  });

  it('stops a bomb that lies about its size at the size it claims', () => {
    const zip = buildZip([
      {
        name: 'bomb.pdf',
        data: new Uint8Array(10),
        declaredSize: 10,
        compressed: deflatedZeros(1024 ** 3, 'raw'),
      },
    ]);
    expect(entries(zip)).toEqual([expect.objectContaining({ ok: false, fault: 'too_large' })]);
  });

  it('refuses an archive whose entries claim too much in total, or too many entries', () => {
    const claim = buildZip(
      Array.from({ length: 3 }, (_, index) => ({
        name: `${index}.pdf`,
        data: text('x'),
        declaredSize: 600 * 1024 * 1024,
      })),
    );
    expect(openZip(claim)).toMatchObject({ ok: false, fault: 'too_large' });
    const many = buildZip(
      Array.from({ length: 50 }, (_, index) => ({ name: `${index}.pdf`, data: text('x') })),
    );
    expect(openZip(many, { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 10_000 })).toMatchObject({
      ok: false,
      fault: 'too_many_entries',
      measured: 50,
      limit: 10,
    });
  });

  it('refuses overlapping entries (the amplifying zip bomb)', () => {
    const zip = buildZip([
      { name: 'a.pdf', data: text('x'.repeat(100)) },
      { name: 'b.pdf', data: text('x'.repeat(100)), localOffsetOf: 0 },
    ]);
    expect(openZip(zip)).toMatchObject({ ok: false, fault: 'damaged' });
  });

  it('refuses what is not a ZIP, or is a cut one', () => {
    expect(openZip(text('not a zip at all'))).toMatchObject({ ok: false, fault: 'damaged' });
    const zip = buildZip([{ name: 'a.pdf', data: scan }]);
    expect(openZip(zip.subarray(0, zip.length - 30))).toMatchObject({ ok: false, fault: 'damaged' });
    expect(openZip(zip.subarray(100))).toMatchObject({ ok: false, fault: 'damaged' });
  });

  it('checks CRC-32 like every ZIP tool', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
  });

  it('knows unsafe paths', () => {
    expect(
      ['../a.pdf', 'a/../../b.pdf', '/etc/x', '\\\\server\\x', 'C:\\x.pdf', 'a\0.pdf', 'a\\..\\b'].every(
        isUnsafePath,
      ),
    ).toBe(true);
    expect(['a.pdf', 'a/b/c.pdf', 'a..b.pdf', '...pdf'].some(isUnsafePath)).toBe(false);
  });
});

describe('inspectZip', () => {
  it('inspects every entry as archive/entry, skipping OS clutter', async () => {
    const zip = buildZip([
      { name: 'KS.2010.01.001.pdf', data: scan },
      { name: 'ks-2010-1-2.pdf', data: scan },
      { name: '__MACOSX/._KS.2010.01.001.pdf', data: text('mac fork') },
      { name: 'Thumbs.db', data: text('thumbs') },
      { name: 'secret.pdf', data: text('x'), flags: 1 },
    ]);
    const rows: PathVerdict[] = [];
    let announced = 0;
    for await (const row of inspectZip('lo-1.zip', zip, DEFAULT_FILE_RULES, now, {
      onOpen: (count) => (announced = count),
    }))
      rows.push(row);
    expect(announced).toBe(5);
    expect(
      rows.map((row) => [row.path, row.verdict.status, row.verdict.problems.map((problem) => problem.code)]),
    ).toEqual([
      ['lo-1.zip/KS.2010.01.001.pdf', 'accepted', []],
      ['lo-1.zip/ks-2010-1-2.pdf', 'rejected', ['name.pattern']],
      ['lo-1.zip/secret.pdf', 'rejected', ['zip.encrypted']],
    ]);
  });

  it('gives one rejected verdict for an archive that cannot be opened', async () => {
    const rows: PathVerdict[] = [];
    for await (const row of inspectZip('hong.zip', text('PK garbage'), DEFAULT_FILE_RULES, now))
      rows.push(row);
    expect(rows).toEqual([
      {
        path: 'hong.zip',
        verdict: expect.objectContaining({
          status: 'rejected',
          problems: [expect.objectContaining({ code: 'zip.damaged' })],
        }),
      },
    ]);
  });
});
