import { request as httpRequest } from 'node:http';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../../src/db/database.js';
import { purgeOldUploadBatches } from '../../../src/services/upload-purge.service.js';
import { buildZip } from '../../files/support/zip-builder.js';
import { makeJpeg, makeOnePageScan, makeScanOfSize } from '../../files/support/scan-corpus.js';
import { describeEachDatabase } from '../../support/test-database.js';
import {
  buildUploadApp,
  multipartBody,
  type FormFile,
  type UploadApp,
  type UploadPostOptions,
} from './support/upload-app.js';

const LIMITS = { maxFileBytes: 150_000, maxUploadBytes: 600_000 };
const JSON_ACCEPT = { accept: 'application/json' };

let scan: Uint8Array;
let otherScan: Uint8Array;
let jpeg: Uint8Array;

beforeAll(async () => {
  scan = await makeOnePageScan(1000, 1000, 720, 720);
  otherScan = await makeOnePageScan(1010, 1000, 720, 720);
  jpeg = await makeJpeg(200, 200);
});

interface JsonAnswer {
  batchId: number;
  csvUrl: string;
  html: string;
  stats: string | null;
  error?: string;
}

/** The rows of an answer's HTML: status, path and problem codes of each. */
function rowsOf(html: string) {
  return [
    ...html.matchAll(/<li class="row [^"]*" data-status="(\w+)" data-path="([^"]*)" data-codes="([^"]*)">/g),
  ].map((match) => ({ status: match[1], path: match[2], codes: match[3] }));
}

describeEachDatabase('upload page routes', (database) => {
  let db: Db;
  let web: UploadApp;

  beforeEach(async () => {
    db = database().db;
    web = await buildUploadApp(db, { limits: LIMITS, maxFiles: 6 });
  });

  const post = (
    files: readonly FormFile[],
    options: Pick<UploadPostOptions, 'member' | 'csrf'> & { batch?: number; json?: boolean } = {},
  ) =>
    web.post('/tai-len/tep', files, {
      ...options,
      ...(options.batch !== undefined ? { fields: { lo: String(options.batch) } } : {}),
      headers: options.json === false ? {} : JSON_ACCEPT,
    });
  const countRows = (table: 'sample_files' | 'upload_batches' | 'upload_results') => web.countRows(table);

  it('without a session answers 401 with a page saying how to get a link', async () => {
    for (const [method, url] of [
      ['GET', '/tai-len'],
      ['POST', '/tai-len/tep'],
      ['GET', '/tai-len/1/ket-qua.csv'],
    ] as const) {
      const answer = await web.app.inject({ method, url });
      expect(answer.statusCode).toBe(401);
      expect(answer.body).toContain('/web');
      expect(answer.headers['content-type']).toContain('text/html');
    }
  });

  it('refuses a leader (403), a deactivated member (403) and a session of another campaign (401)', async () => {
    const leader = await web.get('/tai-len', 'leader');
    expect(leader.statusCode).toBe(403);
    expect(leader.body).toContain('cán bộ tư pháp – hộ tịch cấp xã');
    const inactive = await web.get('/tai-len', 'inactive');
    expect(inactive.statusCode).toBe(403);
    expect(inactive.body).toContain('ngừng hoạt động');
    const foreign = { ...web.session(web.cast.reporter), campaignId: web.campaign.id + 1 };
    const other = await web.app.inject({
      method: 'GET',
      url: '/tai-len',
      headers: { 'x-test-session': JSON.stringify(foreign) },
    });
    expect(other.statusCode).toBe(401);
    const leaderPost = await post([{ name: 'KS.2010.01.001.pdf', bytes: scan }], { member: 'leader' });
    expect(leaderPost.statusCode).toBe(403);
    expect(await countRows('sample_files')).toBe(0);
  });

  it('serves the page with its token, its own script and style, and no inline script or style', async () => {
    const answer = await web.get('/tai-len');
    expect(answer.statusCode).toBe(200);
    const token = web.csrf.tokenFor(web.session(web.cast.reporter));
    expect(answer.body).toContain(`name="_csrf" value="${token}"`);
    expect(answer.body).toContain('Tối đa 0,1 MB mỗi tệp, 0,6 MB mỗi lần tải lên.');
    expect(answer.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(answer.body).not.toMatch(/\sstyle=|<style/);
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    for (const asset of ['upload.js', 'upload.css']) {
      const served = await web.app.inject({ method: 'GET', url: `/tai-len/tai-nguyen/${asset}` });
      expect(served.statusCode).toBe(200);
      expect(served.body.length).toBeGreaterThan(500);
    }
    const missing = await web.app.inject({ method: 'GET', url: '/tai-len/tai-nguyen/..%2Fupload-routes.ts' });
    expect(missing.statusCode).toBe(404);
  });

  it('checks a PDF, records it for the commune like the chat, and a second copy is a duplicate', async () => {
    const first = await post([{ name: 'KS.2010.01.001.pdf', bytes: scan }]);
    expect(first.statusCode).toBe(200);
    const answer = first.json<JsonAnswer>();
    expect(rowsOf(answer.html)).toEqual([{ status: 'accepted', path: 'KS.2010.01.001.pdf', codes: '' }]);
    expect(answer.stats).toContain('đã kiểm tra 1 tệp mẫu');
    const stored = await db.selectFrom('sample_files').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      unit_id: web.cast.reporter.unit_id,
      member_id: web.cast.reporter.id,
      source_inbox_id: null,
      verdict: 'accepted',
    });
    const again = (await post([{ name: 'KS.2010.01.001.pdf', bytes: scan }])).json<JsonAnswer>();
    expect(again.html).toContain('đã được kiểm tra lúc');
    expect(again.batchId).not.toBe(answer.batchId);
    expect(await countRows('sample_files')).toBe(1);
  });

  it('refuses a missing or wrong CSRF token (403) and keeps nothing', async () => {
    const missing = await post([{ name: 'KS.2010.01.001.pdf', bytes: scan }], { csrf: null });
    expect(missing.statusCode).toBe(403);
    expect(missing.json<JsonAnswer>().error).toContain('tải lại trang');
    const wrong = await post([{ name: 'KS.2010.01.001.pdf', bytes: scan }], { csrf: 'x'.repeat(64) });
    expect(wrong.statusCode).toBe(403);
    // Another member's token is not this member's.
    const borrowed = web.csrf.tokenFor(web.session(web.cast.otherReporter));
    const stolen = await post([{ name: 'KS.2010.01.001.pdf', bytes: scan }], { csrf: borrowed, json: false });
    expect(stolen.statusCode).toBe(403);
    expect(stolen.body).toContain('Phiên làm việc không hợp lệ');
    expect(await countRows('sample_files')).toBe(0);
    expect(await countRows('upload_batches')).toBe(0);
  });

  it('a file over the per-file limit gets its own row saying so; the others are still checked', async () => {
    const big = await makeScanOfSize(160_000, jpeg);
    const answer = await post([
      { name: 'KS.2010.01.001.pdf', bytes: scan },
      { name: 'KS.2010.01.002.pdf', bytes: big },
      { name: 'KS.2010.01.003.pdf', bytes: otherScan },
    ]);
    expect(answer.statusCode).toBe(200);
    const { html } = answer.json<JsonAnswer>();
    expect(rowsOf(html)).toEqual([
      { status: 'accepted', path: 'KS.2010.01.001.pdf', codes: '' },
      { status: 'rejected', path: 'KS.2010.01.002.pdf', codes: 'size.too_large' },
      { status: 'accepted', path: 'KS.2010.01.003.pdf', codes: '' },
    ]);
    expect(html).toContain('Tệp nặng hơn 0,1 MB nên máy chủ chỉ đọc phần đầu');
    // Only the two whole files are stored: the big one's bytes were never all kept.
    expect(await countRows('sample_files')).toBe(2);
  });

  it('an upload over the total limit is refused with a clear message (streamed, and by its declared size)', async () => {
    const files = [0, 1, 2, 3, 4].map((index) => ({
      name: `KS.2010.01.00${index}.pdf`,
      bytes: new Uint8Array(140_000).fill(index + 1),
    }));
    const streamed = await post(files);
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json<JsonAnswer>().error).toContain(
      'Lần tải lên vượt 0,6 MB nên chưa tệp nào được kiểm tra',
    );
    const page = await post(files, { json: false });
    expect(page.statusCode).toBe(413);
    expect(page.body).toContain('Lần tải lên quá lớn');
    const huge = await post([{ name: 'KS.2010.01.009.pdf', bytes: new Uint8Array(2_000_000) }]);
    expect(huge.statusCode).toBe(413);
    expect(await countRows('sample_files')).toBe(0);
    expect(await countRows('upload_results')).toBe(0);
  });

  it('holds a batch sent file by file to the upload limit', async () => {
    const first = (
      await post([{ name: 'KS.2010.01.001.pdf', bytes: await makeScanOfSize(140_000, jpeg) }])
    ).json<JsonAnswer>();
    let last = first;
    for (let index = 2; index <= 5; index++) {
      last = (
        await post([{ name: `KS.2010.01.00${index}.pdf`, bytes: new Uint8Array(140_000).fill(index) }], {
          batch: first.batchId,
        })
      ).json<JsonAnswer>();
    }
    expect(rowsOf(last.html)).toEqual([{ status: 'error', path: 'KS.2010.01.005.pdf', codes: '' }]);
    expect(last.html).toContain('lần tải lên đã vượt');
  });

  it('a file that is neither PDF nor ZIP gets a row explaining it and is not stored', async () => {
    const answer = await post([
      {
        name: 'ghi-chu.docx',
        bytes: buildZip([{ name: 'word/document.xml', data: new Uint8Array(10) }]),
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      { name: 'anh.jpg', bytes: jpeg, type: 'image/jpeg' },
    ]);
    const { html } = answer.json<JsonAnswer>();
    const rows = rowsOf(html);
    expect(rows.map((row) => row.status)).toEqual(['rejected', 'rejected']);
    expect(rows[0]?.codes).toContain('name.extension');
    expect(rows[1]?.codes).toContain('format.jpeg');
    expect(html.match(/chỉ nhận bản quét PDF/g)).toHaveLength(2);
    expect(await countRows('sample_files')).toBe(0);
  });

  it('checks every file of a ZIP and says so when a ZIP is corrupted', async () => {
    const zip = buildZip([
      { name: 'KS.2010.01.001.pdf', data: scan },
      { name: 'KS.2010.01.002.pdf', data: scan.subarray(0, 5000) },
    ]);
    const good = (await post([{ name: 'lo-1.zip', bytes: zip, type: 'application/zip' }])).json<JsonAnswer>();
    expect(rowsOf(good.html)).toEqual([
      { status: 'accepted', path: 'lo-1.zip/KS.2010.01.001.pdf', codes: '' },
      { status: 'rejected', path: 'lo-1.zip/KS.2010.01.002.pdf', codes: 'pdf.truncated' },
    ]);
    expect(await countRows('sample_files')).toBe(2);
    const broken = (
      await post([{ name: 'hong.zip', bytes: zip.subarray(0, zip.length - 30), type: 'application/zip' }])
    ).json<JsonAnswer>();
    expect(rowsOf(broken.html)).toEqual([{ status: 'rejected', path: 'hong.zip', codes: 'zip.damaged' }]);
  });

  it('without JavaScript, answers a results page with totals and a CSV of the verdicts', async () => {
    const answer = await post(
      [
        { name: 'KS.2010.01.001.pdf', bytes: scan },
        { name: 'ks_2010_01_002.pdf', bytes: otherScan },
        { name: 'KT.2011.02.003.pdf', bytes: jpeg },
      ],
      { json: false },
    );
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('<span class="total-count" data-total="accepted">1</span>');
    expect(answer.body).toContain('<span class="total-count" data-total="rejected">2</span>');
    const href = /href="(\/tai-len\/\d+\/ket-qua\.csv)"/.exec(answer.body)?.[1];
    expect(href).toBeDefined();
    const csv = await web.get(href ?? '');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^KS\.2010\.01\.001\.pdf,Đạt,,$/);
    expect(lines[2]).toContain('name.pattern');
    expect(lines[3]).toContain('format.jpeg');
    // Another commune's officer can neither read this batch's CSV nor add to it.
    const other = await web.get(href ?? '', 'otherReporter');
    expect(other.statusCode).toBe(404);
    const batch = Number(/\/tai-len\/(\d+)\//.exec(href ?? '')?.[1]);
    const intrude = await post([{ name: 'KS.2010.01.004.pdf', bytes: scan }], {
      member: 'otherReporter',
      batch,
    });
    expect(intrude.statusCode).toBe(404);
  });

  it('a coordinator gets verdicts only: nothing counts for a commune', async () => {
    const page = await web.get('/tai-len', 'coordinator');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('chỉ được kiểm tra');
    const answer = (
      await post([{ name: 'KS.2010.01.001.pdf', bytes: scan }], { member: 'coordinator' })
    ).json<JsonAnswer>();
    expect(rowsOf(answer.html)).toHaveLength(1);
    expect(answer.stats).toBeNull();
    expect(await countRows('sample_files')).toBe(0);
  });

  it('refuses too many files, a body that is not multipart, and a form sent without files', async () => {
    const many = await post(
      Array.from({ length: 8 }, (_, index) => ({
        name: `KS.2010.01.00${index}.pdf`,
        bytes: new Uint8Array(10),
      })),
    );
    expect(many.statusCode).toBe(413);
    expect(many.json<JsonAnswer>().error).toContain('tối đa 6 tệp');
    const notMultipart = await web.app.inject({
      method: 'POST',
      url: '/tai-len/tep',
      payload: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...web.as(web.cast.reporter) },
    });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.body).toContain('Chưa có tệp nào');
    const empty = await post([{ name: '', bytes: new Uint8Array(0), type: 'application/octet-stream' }]);
    expect(empty.statusCode).toBe(400);
    expect(await countRows('upload_batches')).toBe(0);
  });

  it('escapes what a file name carries into the page', async () => {
    const answer = await post([{ name: '<img src=x onerror=alert(1)>.pdf', bytes: scan }], { json: false });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).not.toContain('<img src=x');
    expect(answer.body).toContain('&lt;img src=x onerror=alert(1)&gt;.pdf');
  });

  it('over a real socket, stops reading an upload at the limit and answers at once (chunked, no length)', async () => {
    const base = await web.app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const token = web.csrf.tokenFor(web.session(web.cast.reporter));
      const body = multipartBody({ _csrf: token }, [
        { name: 'KS.2010.01.001.pdf', bytes: new Uint8Array(200_000) },
      ]);
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(
          `${base}/tai-len/tep`,
          { method: 'POST', headers: { ...body.headers, ...web.as(web.cast.reporter), ...JSON_ACCEPT } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
            );
          },
        );
        req.on('error', reject);
        // The head of the body, then a file part that never ends: the server must not wait for it.
        req.write(body.payload.subarray(0, body.payload.length - 100));
        const filler = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          if (req.destroyed) return;
          if (req.write(filler)) setImmediate(pump);
          else req.once('drain', pump);
        };
        pump();
      });
      expect(answer.status).toBe(413);
      expect(answer.text).toContain('Lần tải lên vượt');
      expect(await countRows('upload_results')).toBe(0);
    } finally {
      await web.app.close();
    }
  });

  it('forgets a batch once it is older than the sample retention; its CSV then says so', async () => {
    const answer = (await post([{ name: 'KS.2010.01.001.pdf', bytes: scan }])).json<JsonAnswer>();
    const retention = web.campaign.settings.files.retentionDays;
    const later = (days: number) => new Date(web.clock.now().getTime() + days * 86_400_000);
    expect(await purgeOldUploadBatches(db, web.campaign.id, retention, later(retention - 1))).toBe(0);
    expect(await purgeOldUploadBatches(db, web.campaign.id, retention, later(retention + 1))).toBe(1);
    expect(await countRows('upload_results')).toBe(0);
    expect(await countRows('sample_files')).toBe(1);
    const csv = await web.get(answer.csvUrl);
    expect(csv.statusCode).toBe(404);
    expect(csv.body).toContain('Không tìm thấy lần tải lên này');
  });
});
