import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkCommand } from '../../../src/cli/check-command.js';
import { openZip } from '../../../src/files/zip-reader.js';
import { registryPage } from '../../files/convert/support/registry-page.js';
import { QUANG_TRI_DIR } from '../../support/campaign-fixture.js';
import { captureIo } from '../../support/capture-io.js';
import { describeEachDatabase } from '../../support/test-database.js';
import { thirtySamples } from './support/sample-set.js';
import { buildUploadApp, SESSION_COOKIE, type UploadApp } from './support/upload-app.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SCREENSHOTS = join(import.meta.dirname, '..', '..', '..', 'docs', 'images');

interface CheckJson {
  files: { path: string; status: string; problems: { code: string }[] }[];
  summary: { total: number; accepted: number; warnings: number; rejected: number };
}

let browser: Browser | undefined;
let folder: string;

beforeAll(async () => {
  if (!hasChromium) return;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  folder = await mkdtemp(join(tmpdir(), 'sohoa-upload-browser-'));
});

afterAll(async () => {
  await browser?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describeEachDatabase('upload page in a real browser', (database) => {
  let web: UploadApp;
  let base: string;

  beforeAll(() => {
    if (!hasChromium) console.warn(`upload browser tests skipped: ${CHROMIUM} is not installed`);
  });

  async function start(limits?: { maxFileBytes: number; maxUploadBytes: number }) {
    web = await buildUploadApp(database().db, limits ? { limits } : {});
    base = await web.app.listen({ host: '127.0.0.1', port: 0 });
  }

  async function newContext(javaScriptEnabled: boolean, viewport = { width: 1280, height: 800 }) {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ javaScriptEnabled, viewport });
    const session = encodeURIComponent(JSON.stringify(web.session(web.cast.reporter)));
    await context.addCookies([{ name: SESSION_COOKIE, value: session, url: base }]);
    return context;
  }

  it.skipIf(!hasChromium)(
    'a commune officer uploads 30 files and sees 30 verdicts matching `sohoa check`',
    async () => {
      await start();
      try {
        const dir = join(folder, `thirty-${database().name}`);
        await mkdir(dir, { recursive: true });
        const samples = await thirtySamples();
        expect(samples).toHaveLength(30);
        for (const sample of samples) await writeFile(join(dir, sample.name), sample.bytes);

        const io = captureIo();
        await checkCommand([dir, '--json', '--campaign', QUANG_TRI_DIR], io, web.clock.now());
        const expected = JSON.parse(io.stdout()) as CheckJson;
        expect(expected.files).toHaveLength(30);

        const context = await newContext(true);
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('console', (message) => {
          // The browser asks for /favicon.ico on its own; the page has none.
          if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
            errors.push(message.text());
        });
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${base}/tai-len`);
        await page.setInputFiles(
          '#upload-files',
          samples.map((sample) => join(dir, sample.name)),
        );
        // Locators wait on the page's state (the CSP forbids evaluating strings in the page).
        await page.locator('#rows > li').nth(29).waitFor();
        await page
          .locator('#rows > li[data-status="pending"]')
          .first()
          .waitFor({ state: 'detached', timeout: 90_000 });
        expect(await page.locator('#rows > li').count()).toBe(30);
        const shown = await page.$$eval('#rows > li', (rows) =>
          rows.map((row) => ({
            path: row.getAttribute('data-path') ?? '',
            status: row.getAttribute('data-status') ?? '',
            codes: row.getAttribute('data-codes') ?? '',
          })),
        );
        const byName = new Map(shown.map((row) => [row.path, row]));
        expect(byName.size).toBe(30);
        for (const file of expected.files) {
          const name = basename(file.path);
          expect(byName.get(name), name).toEqual({
            path: name,
            status: file.status,
            codes: file.problems.map((problem) => problem.code).join(' '),
          });
        }
        // Good and bad, as intended: the set exercises both.
        expect(expected.summary.accepted).toBeGreaterThanOrEqual(10);
        expect(expected.summary.rejected).toBeGreaterThanOrEqual(10);
        const totals = await page.$$eval('[data-total]', (cells) =>
          Object.fromEntries(cells.map((cell) => [cell.getAttribute('data-total'), cell.textContent])),
        );
        expect(totals).toEqual({
          accepted: String(expected.summary.accepted),
          warnings: String(expected.summary.warnings),
          rejected: String(expected.summary.rejected),
          error: '0',
        });
        // The CSV has every verdict; the page loaded nothing it was not allowed to (strict CSP).
        const href = await page.getAttribute('#csv-link', 'href');
        expect(await page.isVisible('#csv-link')).toBe(true);
        const csv = await context.request.get(`${base}${href ?? ''}`);
        expect((await csv.text()).trimEnd().split('\r\n')).toHaveLength(31);
        expect(errors).toEqual([]);

        const shots = process.env.SOHOA_WRITE_SCREENSHOTS === '1' ? SCREENSHOTS : folder;
        await page.locator('h1').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, 'web-upload-desktop.png') });
        await page.setViewportSize({ width: 360, height: 740 });
        await page.locator('#results').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, 'web-upload-phone.png') });
        const overflow = await page
          .locator('html')
          .evaluate((html: { scrollWidth: number }) => html.scrollWidth);
        expect(overflow).toBeLessThanOrEqual(360);
        await context.close();
      } finally {
        await web.app.close();
      }
    },
  );

  it.skipIf(!hasChromium)(
    'without JavaScript the form sends every file and the server answers the results',
    async () => {
      await start();
      try {
        const dir = join(folder, `nojs-${database().name}`);
        await mkdir(dir, { recursive: true });
        const samples = (await thirtySamples()).filter((sample) =>
          ['KS.2010.01.001.pdf', 'KT.2011.02.019.pdf', 'ghi-chu.txt'].includes(sample.name),
        );
        for (const sample of samples) await writeFile(join(dir, sample.name), sample.bytes);
        const context = await newContext(false, { width: 360, height: 740 });
        const page = await context.newPage();
        await page.goto(`${base}/tai-len`);
        await page.setInputFiles(
          '#upload-files',
          samples.map((sample) => join(dir, sample.name)),
        );
        await Promise.all([page.waitForURL(`${base}/tai-len/tep`), page.click('button[type="submit"]')]);
        const statuses = await page.$$eval('#rows > li', (rows) =>
          rows.map((row) => [row.getAttribute('data-path'), row.getAttribute('data-status')]),
        );
        expect(statuses).toEqual([
          ['KS.2010.01.001.pdf', 'accepted'],
          ['KT.2011.02.019.pdf', 'rejected'],
          ['ghi-chu.txt', 'rejected'],
        ]);
        expect(await page.textContent('[data-total="accepted"]')).toBe('1');
        expect(await page.isVisible('#csv-link')).toBe(true);
        await context.close();
      } finally {
        await web.app.close();
      }
    },
  );

  it.skipIf(!hasChromium)('a file the server refuses shows as an upload error, with the reason', async () => {
    await start({ maxFileBytes: 150_000, maxUploadBytes: 300_000 });
    try {
      const dir = join(folder, `refused-${database().name}`);
      await mkdir(dir, { recursive: true });
      const good = (await thirtySamples()).find((sample) => sample.name === 'KS.2010.01.001.pdf');
      await writeFile(join(dir, 'KS.2010.01.001.pdf'), good?.bytes ?? new Uint8Array());
      await writeFile(join(dir, 'KS.2010.01.002.pdf'), new Uint8Array(2_000_000));
      const context = await newContext(true, { width: 360, height: 740 });
      const page = await context.newPage();
      await page.goto(`${base}/tai-len`);
      await page.setInputFiles('#upload-files', [
        join(dir, 'KS.2010.01.001.pdf'),
        join(dir, 'KS.2010.01.002.pdf'),
      ]);
      await page.locator('#rows > li').nth(1).waitFor();
      await page
        .locator('#rows > li[data-status="pending"]')
        .first()
        .waitFor({ state: 'detached', timeout: 60_000 });
      const rows = await page.$$eval('#rows > li', (items) =>
        items.map((row) => [row.getAttribute('data-path'), row.getAttribute('data-status'), row.textContent]),
      );
      expect(rows[0]?.slice(0, 2)).toEqual(['KS.2010.01.001.pdf', 'accepted']);
      expect(rows[1]?.slice(0, 2)).toEqual(['KS.2010.01.002.pdf', 'error']);
      expect(rows[1]?.[2]).toContain('Lần tải lên vượt 0,3 MB');
      expect(await page.textContent('[data-total="error"]')).toBe('1');
      await context.close();
    } finally {
      await web.app.close();
    }
  });

  it.skipIf(!hasChromium)(
    '“Chuyển đổi” turns a photo into a compliant PDF and offers the ZIP, with JavaScript on',
    async () => {
      await start();
      try {
        const dir = join(folder, `convert-${database().name}`);
        await mkdir(dir, { recursive: true });
        const photo = await sharp((await registryPage(31)).photo)
          .resize(1500)
          .jpeg({ quality: 85 })
          .toBuffer();
        const path = join(dir, 'Khai sinh 2010 q1 so 15.jpg');
        await writeFile(path, photo);
        const context = await newContext(true, { width: 360, height: 740 });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${base}/tai-len`);
        await page.setInputFiles('#convert-files', path);
        // The upload form's script does not take this form: nothing is checked on choosing.
        expect(await page.locator('#rows > li').count()).toBe(0);
        await Promise.all([page.waitForURL(`${base}/tai-len/chuyen-doi`), page.click('#convert-submit')]);
        const rows = await page.$$eval('#convert-rows > li', (items) =>
          items.map((row) => [
            row.getAttribute('data-path'),
            row.getAttribute('data-status'),
            row.textContent,
          ]),
        );
        expect(rows).toHaveLength(1);
        expect(rows[0]?.slice(0, 2)).toEqual(['Khai sinh 2010 q1 so 15.jpg', 'accepted']);
        expect(rows[0]?.[2]).toContain('KS.2010.01.015.pdf');
        const href = await page.getAttribute('#convert-zip', 'href');
        const zip = await context.request.get(`${base}${href ?? ''}`);
        expect(zip.status()).toBe(200);
        const opened = openZip(await zip.body());
        expect(opened.ok && [...opened.entries()].map((entry) => entry.name)).toEqual(['KS.2010.01.015.pdf']);
        const overflow = await page
          .locator('html')
          .evaluate((html: { scrollWidth: number }) => html.scrollWidth);
        expect(overflow).toBeLessThanOrEqual(360);
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await web.app.close();
      }
    },
  );
});
