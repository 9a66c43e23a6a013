import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { openZip } from '../../../src/files/zip-reader.js';
import { buildZip } from '../../files/support/zip-builder.js';
import { registryPage } from '../../files/convert/support/registry-page.js';
import { describeEachDatabase } from '../../support/test-database.js';
import {
  buildUploadApp,
  type FormFile,
  type UploadApp,
  type UploadPostOptions,
} from './support/upload-app.js';

// A photo of a page is about 0,5 MB here; the limits are small so that each one can be reached.
const LIMITS = { maxFileBytes: 1_000_000, maxUploadBytes: 3_000_000 };

let photo: Buffer;
let scanPng: Buffer;
let webp: Buffer;
let thumbnail: Buffer;

beforeAll(async () => {
  const page = await registryPage(21);
  photo = await sharp(page.photo).resize(1500).jpeg({ quality: 85 }).toBuffer();
  scanPng = await sharp(page.scan).resize(1240).png().toBuffer();
  webp = await sharp(page.scan).resize(1240).webp({ quality: 80 }).toBuffer();
  thumbnail = await sharp(page.scan).resize(400).jpeg().toBuffer();
});

/** The rows of a results page: status, outcome and path of each. */
function rowsOf(html: string) {
  return [
    ...html.matchAll(/<li class="row [^"]*" data-status="(\w+)" data-outcome="(\w+)" data-path="([^"]*)">/g),
  ].map((match) => ({ status: match[1], outcome: match[2], path: match[3] }));
}

describeEachDatabase('upload page: “Chuyển đổi”', (database) => {
  let web: UploadApp;
  beforeEach(async () => {
    web = await buildUploadApp(database().db, { limits: LIMITS, maxFiles: 6 });
  });

  const post = (files: readonly FormFile[], options: Pick<UploadPostOptions, 'member' | 'csrf'> = {}) =>
    web.post('/tai-len/chuyen-doi', files, options);
  const count = (table: 'sample_files' | 'converted_files') => web.countRows(table);

  it('shows the converter’s own form on the upload page, accepting photos', async () => {
    const answer = await web.get('/tai-len');
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain(
      '<form id="convert-form" class="convert-form" method="post" action="/tai-len/chuyen-doi"',
    );
    expect(answer.body).toContain('image/*');
    expect(answer.body).toContain('không quá 100,0 KB');
  });

  it('converts a mixed batch: one line per file, a ZIP of the PDFs, originals kept apart from samples', async () => {
    const zip = buildZip([
      { name: 'KT.2011.02.004.webp', data: webp },
      { name: 'ghi-chu.docx', data: Buffer.from('PK\u0003\u0004 not really a document') },
    ]);
    const files: FormFile[] = [
      { name: 'Khai sinh 2010 q1 so 15.jpg', bytes: photo, type: 'image/jpeg' },
      { name: 'trang-so.png', bytes: scanPng, type: 'image/png' },
      { name: 'anh.zip', bytes: zip, type: 'application/zip' },
      { name: 'nho.jpg', bytes: thumbnail, type: 'image/jpeg' },
      { name: 'qua-lon.jpg', bytes: randomBytes(LIMITS.maxFileBytes + 1), type: 'image/jpeg' },
    ];
    const answer = await post(files);
    expect(answer.statusCode).toBe(200);
    const rows = rowsOf(answer.body);
    expect(rows).toEqual([
      { status: 'accepted', outcome: 'converted', path: 'Khai sinh 2010 q1 so 15.jpg' },
      { status: 'accepted', outcome: 'converted', path: 'trang-so.png' },
      { status: 'accepted', outcome: 'converted', path: 'anh.zip/KT.2011.02.004.webp' },
      { status: 'error', outcome: 'refused', path: 'anh.zip/ghi-chu.docx' },
      { status: 'error', outcome: 'refused', path: 'nho.jpg' },
      { status: 'error', outcome: 'too_large', path: 'qua-lon.jpg' },
    ]);
    expect(answer.body).toContain('Đã chuyển được 3/6 tệp thành PDF đạt yêu cầu.');
    expect(answer.body).toContain('KS.2010.01.015.pdf: ');
    expect(answer.body).toContain('→');
    // No name parts in "trang-so.png": the original name is kept, and the page says so.
    expect(answer.body).toContain('tệp PDF giữ tên trang-so.pdf');
    expect(answer.body).toContain('quá nhỏ để đọc rõ chữ');
    expect(answer.body).toContain('Tệp nặng hơn 1,0 MB nên không chuyển đổi');

    const link = /<a id="convert-zip" href="([^"]+)"/.exec(answer.body)?.[1];
    expect(link).toMatch(/^\/tai-len\/chuyen-doi\/\d+\/ho-so-pdf-lan-\d+\.zip$/);
    const download = await web.get(link ?? '');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    const opened = openZip(download.rawPayload);
    if (!opened.ok) throw new Error('the ZIP does not open');
    const entries = [...opened.entries()].flatMap((entry) => (entry.ok ? [entry] : []));
    expect(entries.map((entry) => entry.name).sort()).toEqual([
      'KS.2010.01.015.pdf',
      'KT.2011.02.004.pdf',
      'trang-so.pdf',
    ]);
    for (const entry of entries) expect(entry.bytes.length).toBeLessThanOrEqual(102_400);

    // Another member cannot fetch it.
    const foreign = await web.get(link ?? '', 'otherReporter');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toContain('Không tìm thấy tệp ZIP');

    // The reporter's PDFs named by the rule count as the commune's samples, as in the chat; the originals
    // (four files received whole) and the ZIP are kept apart, under the retention.
    expect(await count('sample_files')).toBe(2);
    const kept = await database()
      .db.selectFrom('converted_files')
      .select(['role', 'file_name'])
      .orderBy('id')
      .execute();
    expect(kept).toEqual([
      { role: 'original', file_name: 'Khai sinh 2010 q1 so 15.jpg' },
      { role: 'original', file_name: 'trang-so.png' },
      { role: 'original', file_name: 'anh.zip' },
      { role: 'original', file_name: 'nho.jpg' },
      { role: 'result', file_name: 'ho-so-pdf.zip' },
    ]);
  }, 60_000);

  it('converts for a coordinator without counting anything as a commune’s samples', async () => {
    const answer = await post([{ name: 'KS.2010.01.016.jpg', bytes: photo, type: 'image/jpeg' }], {
      member: 'coordinator',
    });
    expect(answer.statusCode).toBe(200);
    expect(rowsOf(answer.body).map((row) => row.status)).toEqual(['accepted']);
    expect(answer.body).toContain('không được tính là tệp mẫu của xã');
    expect(await count('sample_files')).toBe(0);
  }, 60_000);

  it('says when nothing could be converted, without a ZIP', async () => {
    const answer = await post([{ name: 'nho.jpg', bytes: thumbnail, type: 'image/jpeg' }]);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('Không tệp nào chuyển đổi được');
    expect(answer.body).not.toContain('id="convert-zip"');
    expect(await count('converted_files')).toBe(1);
  });

  it('refuses each limit and each bad request with a Vietnamese page, keeping nothing', async () => {
    const noSession = await web.app.inject({ method: 'POST', url: '/tai-len/chuyen-doi' });
    expect(noSession.statusCode).toBe(401);
    expect(noSession.body).toContain('/web');

    const leader = await post([{ name: 'a.jpg', bytes: photo }], { member: 'leader' });
    expect(leader.statusCode).toBe(403);

    const badToken = await post([{ name: 'a.jpg', bytes: photo }], { csrf: 'x' });
    expect(badToken.statusCode).toBe(403);
    expect(badToken.body).toContain('Phiên làm việc không hợp lệ');

    const nothing = await post([]);
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('bấm “Chuyển đổi”');

    const notMultipart = await web.app.inject({
      method: 'POST',
      url: '/tai-len/chuyen-doi',
      payload: 'tep=a.jpg',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...web.as(web.cast.reporter) },
    });
    expect(notMultipart.statusCode).toBe(400);

    const tooMuch = await post([
      { name: 'a.jpg', bytes: randomBytes(900_000) },
      { name: 'b.jpg', bytes: randomBytes(900_000) },
      { name: 'c.jpg', bytes: randomBytes(900_000) },
      { name: 'd.jpg', bytes: randomBytes(900_000) },
    ]);
    expect(tooMuch.statusCode).toBe(413);
    expect(tooMuch.body).toContain('Lần tải lên quá lớn');

    const many = await post(Array.from({ length: 7 }, (_, i) => ({ name: `${i}.jpg`, bytes: thumbnail })));
    expect(many.statusCode).toBe(413);
    expect(many.body).toContain('Quá nhiều tệp');

    const missing = await web.get('/tai-len/chuyen-doi/999/ho-so-pdf-lan-999.zip');
    expect(missing.statusCode).toBe(404);
    expect(await count('converted_files')).toBe(0);
    expect(await count('sample_files')).toBe(0);
  });
});
