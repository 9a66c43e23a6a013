import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReports } from '../support/report-seed.js';
import { describeEachDatabase } from '../support/test-database.js';
import { chromiumAvailable, CHROMIUM_PATH, inCi, launchChromium } from './support/browser.js';
import { startWebFixture, type WebFixture } from './support/web-fixture.js';

const DAYS = ['2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10'];
const DAY_MS = 86_400_000;
/** The guides link these two files; only SOHOA_WRITE_SCREENSHOTS=1 overwrites them. */
const DOCS_IMAGES = join(import.meta.dirname, '..', '..', 'docs', 'images');

if (!chromiumAvailable && !inCi) {
  describe.skip(`the dashboard in a real browser (no chromium at ${CHROMIUM_PATH}: apt-get install chromium, or run .ci/run)`, () => {
    it('skipped', () => undefined);
  });
} else {
  // One browser for the file: each test opens its own context (a fresh profile), on either database.
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describeEachDatabase('the dashboard in a real browser', (database) => {
    /** A fresh browser profile that records every CSP violation or failed request of its pages. */
    const newContext = async (problems: string[], viewport = { width: 1280, height: 800 }) => {
      const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'vi-VN' });
      context.on('page', (page) => watch(page, problems));
      return context;
    };
    const watch = (page: Page, problems: string[]) => {
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(msg.text());
      });
      page.on('requestfailed', (request) => {
        // A download ends its navigation request (net::ERR_ABORTED); that is the file arriving.
        if (!/\/(excel|pdf)\?/.test(request.url())) problems.push(`failed: ${request.url()}`);
      });
      page.on('request', (request) => {
        if (!request.url().startsWith('http://127.0.0.1:')) problems.push(`third party: ${request.url()}`);
      });
    };
    const unitId = async (code: string) =>
      (
        await database()
          .db.selectFrom('units')
          .select('id')
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).id;
    const linkOf = async (
      web: WebFixture,
      id: number,
      unitCode: string,
      role: 'reporter' | 'coordinator' | 'leader',
    ) => web.linkFor(await web.join(web.harness.api.user(id, { firstName: `U${id}` }), unitCode, role));

    it('a leader opens their link, sees the ranking and the chart, opens a commune and downloads the Excel', async () => {
      const web = await startWebFixture(database().db, '2025-03-10T18:30:00+07:00');
      const problems: string[] = [];
      let context: BrowserContext | undefined;
      try {
        await seedReports(database().db, web.campaignId, DAYS, { skipEvery: 6, lateEvery: 9 });
        const link = await linkOf(web, 601, '45', 'leader');
        context = await newContext(problems);
        const page = await context.newPage();
        await page.goto(link);
        await page.waitForURL(/\/d\/\d+$/);
        expect(await page.locator('h1').textContent()).toBe('Tỉnh Quảng Trị');
        const rows = page.locator('table.ranking tbody tr');
        expect(await rows.count()).toBeGreaterThan(100);
        expect(await rows.first().locator('td').first().textContent()).toBe('1');
        // chart.js came from this server and drew the chart from the JSON route.
        await page.waitForSelector('#ranking-chart[data-drawn]');
        expect(Number(await page.getAttribute('#ranking-chart', 'data-drawn'))).toBeGreaterThan(10);

        await page.click('a[href^="/d/"]:text-is("Thành phố Đông Hà")');
        await page.waitForURL(/\/d\/\d+\?ngay=2025-03-10$/);
        await page.click('table.ranking a:text-is("Phường 1")');
        await page.waitForURL(new RegExp(`/x/${await unitId('19333')}\\?ngay=2025-03-10$`));
        expect(await page.locator('h1').textContent()).toBe('Phường 1');
        expect(await page.locator('text=Số liệu từng ngày').count()).toBe(1);

        // The date picker is a plain form: pick the 8th.
        await page.fill('input[name=ngay]', '2025-03-08');
        await page.click('.date-form button');
        await page.waitForURL(/ngay=2025-03-08$/);
        expect(await page.locator('.subtitle').textContent()).toContain('08/03/2025');

        await page.goto(`${web.baseUrl}/d/${await unitId('45')}`);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click('text=Số liệu (Excel)'),
        ]);
        expect(download.suggestedFilename()).toMatch(/^so-lieu-2025-03-10-.*\.xlsx$/);
        const saved = join(await mkdtemp(join(tmpdir(), 'sohoa-dl-')), download.suggestedFilename());
        await download.saveAs(saved);
        expect((await readFile(saved)).subarray(0, 2).toString('latin1')).toBe('PK');

        await screenshots(page, `${web.baseUrl}/d/${await unitId('45')}`, browser);
        expect(problems).toEqual([]);
      } finally {
        await context?.close();
        await web.close();
      }
    }, 120_000);

    it("a commune's link opens neither another commune's page nor the reminder; used, expired and revoked links say what to do", async () => {
      const web = await startWebFixture(database().db, '2025-03-10T15:00:00+07:00');
      const problems: string[] = [];
      const contexts: BrowserContext[] = [];
      try {
        await seedReports(database().db, web.campaignId, DAYS.slice(0, 4));
        const link = await linkOf(web, 501, '19333', 'reporter');
        const officer = await newContext(problems, { width: 360, height: 740 });
        contexts.push(officer);
        const page = await officer.newPage();
        await page.goto(link);
        await page.waitForURL(/\/x\/\d+$/);
        expect(await page.locator('h1').textContent()).toBe('Phường 1');

        const other = await page.goto(`${web.baseUrl}/x/${await unitId('19330')}`);
        expect(other?.status()).toBe(403);
        expect(await page.locator('main').textContent()).toContain('ngoài phạm vi');
        const parent = await page.goto(`${web.baseUrl}/d/${await unitId('461')}`);
        expect(parent?.status()).toBe(403);
        // The reminder action, posted from the officer's own page (same origin, with the session).
        const status = await page.evaluate(async () => (await fetch('/nhac', { method: 'POST' })).status);
        expect(status).toBe(403);

        // The same link forwarded to someone else's phone: already used.
        const forwarded = await newContext(problems, { width: 360, height: 740 });
        contexts.push(forwarded);
        const second = await forwarded.newPage();
        const used = await second.goto(link);
        expect(used?.status()).toBe(410);
        expect(await second.locator('main').textContent()).toContain('đã được mở một lần');

        const stale = await linkOf(web, 501, '19333', 'reporter');
        web.clock.advance(8 * DAY_MS);
        const expired = await second.goto(stale);
        expect(expired?.status()).toBe(410);
        expect(await second.locator('main').textContent()).toContain('đã hết hạn');

        const revokedLink = await linkOf(web, 501, '19333', 'reporter');
        await web.sayAs(await web.harness.api.user(501, { firstName: 'U501' }), '/web thuhoi');
        const revoked = await second.goto(revokedLink);
        expect(revoked?.status()).toBe(410);
        expect(await second.locator('main').textContent()).toContain('thu hồi');
        const text = await second.locator('body').textContent();
        expect(text).not.toMatch(/Error|at .*\.ts/);
        // The officer's open session was revoked with it, and expired anyway.
        await page.goto(`${web.baseUrl}/`);
        expect(await page.locator('main').textContent()).toMatch(/thu hồi|hết hạn/);
        // Refusal pages load their stylesheet like any other: nothing blocked, nothing third-party.
        expect(problems.filter((p) => !p.includes('status of 4'))).toEqual([]);
      } finally {
        for (const c of contexts) await c.close();
        await web.close();
      }
    }, 120_000);
  });
}

/** The dashboard on a phone and on a desktop: into docs/images only when asked, else a temp folder. */
async function screenshots(page: Page, url: string, browser: Browser): Promise<void> {
  const folder =
    process.env.SOHOA_WRITE_SCREENSHOTS === '1' ? DOCS_IMAGES : await mkdtemp(join(tmpdir(), 'sohoa-shots-'));
  await mkdir(folder, { recursive: true });
  const cookies = await page.context().cookies();
  for (const [name, viewport] of [
    ['web-dashboard-phone.png', { width: 360, height: 740 }],
    ['web-dashboard-desktop.png', { width: 1280, height: 800 }],
  ] as const) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'vi-VN' });
    await context.addCookies(cookies);
    const shot = await context.newPage();
    await shot.goto(url);
    await shot.waitForSelector('#ranking-chart[data-drawn]');
    // Two screens' worth: the steps, the districts and the chart (the ranking table goes on below).
    await shot.screenshot({
      path: join(folder, name),
      fullPage: true,
      clip: { x: 0, y: 0, width: viewport.width, height: viewport.height * 2 },
    });
    await context.close();
  }
}
