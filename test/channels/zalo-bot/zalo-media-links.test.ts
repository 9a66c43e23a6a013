import sharp from 'sharp';
import { expect, it } from 'vitest';
import { signedMediaLinks } from '../../../src/channels/zalo-bot/zalo-bot-media.js';
import { ManualClock } from '../../../src/domain/clock.js';
import { outboxMediaUrl, verifyOutboxMediaPath } from '../../../src/services/outbox-media.service.js';
import { loadQuangTri } from '../../support/campaign-fixture.js';
import { startZaloHarness } from '../../support/fake-zalo-bot/index.js';
import { reserveWebSide } from '../../support/fake-zalo-bot/web-side.js';
import { seedReports } from '../../support/report-seed.js';
import { describeEachDatabase } from '../../support/test-database.js';

// Zalo Bot sends photos only by URL and no documents: with the web side on, a chart or a PDF the bot made
// for a chat is published at a signed address of that one outbox file (`/m/o/<signed>`, 48 hours).

const HOUR_MS = 3_600_000;

describeEachDatabase('charts and documents on Zalo Bot by signed addresses of the web side', (database) => {
  it('sends a chart album as photos the platform fetches, the PDF as a link; forged or expired: 404', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T18:00:00+07:00');
    const campaignId = await loadQuangTri(db);
    await seedReports(db, campaignId, ['2025-03-09', '2025-03-10']);
    const reserved = await reserveWebSide();
    const web = await reserved.start(db, clock);
    const harness = await startZaloHarness(db, clock, {
      webBaseUrl: reserved.baseUrl,
      mediaLinks: signedMediaLinks(web.signing, clock),
    });
    try {
      const { zalo } = harness;
      const leader = zalo.user('zlead', 'Lãnh đạo Sở');
      await harness.say(leader, `/start ${await harness.invite('45', 'leader')}`);
      await harness.say(leader, '/baocaongay');

      const photos = zalo.photosTo('zlead');
      expect(photos.length).toBeGreaterThanOrEqual(3);
      for (const photo of photos) {
        expect(photo.photo).toMatch(
          new RegExp(`^${reserved.baseUrl}/m/o/\\d+\\.\\d+\\.\\d+\\.[\\w-]+\\.png$`),
        );
        const meta = await sharp(photo.bytes).metadata();
        expect(meta.format).toBe('png');
      }
      // Each image of the album is its own address, the caption on the first.
      expect(new Set(photos.map((p) => p.photo)).size).toBe(photos.length);
      expect(photos[0]?.caption).toBeTruthy();
      const texts = zalo.textsTo('zlead');
      const pdfLink = texts
        .map((t) => /📄 Tải tệp \S+\.pdf: (\S+)/.exec(t)?.[1])
        .find((l) => l !== undefined);
      expect(pdfLink, texts.join('\n---\n')).toMatch(/\/m\/o\/.+\.pdf$/);
      const pdf = await fetch(pdfLink ?? '');
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');

      // Another image index, another extension, a changed signature: not found.
      const first = photos[0]?.photo ?? '';
      const [id, index, expires, signature] = new URL(first).pathname.slice('/m/o/'.length).split('.');
      const at = (path: string) => fetch(`${reserved.baseUrl}/m/o/${path}`).then((r) => r.status);
      expect(await at(`${id}.${index}.${expires}.${signature}.png`)).toBe(200);
      expect(await at(`${id}.${Number(index) + 50}.${expires}.${signature}.png`)).toBe(404);
      expect(await at(`${id}.${index}.${expires}.${signature}.pdf`)).toBe(404);
      expect(await at(`${Number(id) + 1}.${index}.${expires}.${signature}.png`)).toBe(404);
      expect(await at(`${id}.${index}.${Number(expires) + 3600}.${signature}.png`)).toBe(404);
      // Signed properly but for a row that does not exist, or an index past the album: not found.
      const signed = (outboxId: number, i: number) =>
        new URL(outboxMediaUrl(web.signing, { outboxId, index: i, fileName: 'x.png' }, clock.now())).pathname;
      expect((await fetch(`${reserved.baseUrl}${signed(999_999, 0)}`)).status).toBe(404);
      expect((await fetch(`${reserved.baseUrl}${signed(Number(id), 40)}`)).status).toBe(404);

      clock.advance(49 * HOUR_MS);
      expect(await at(`${id}.${index}.${expires}.${signature}.png`)).toBe(404);
    } finally {
      await harness.close();
      await web.close();
    }
  });

  it('refuses a chart address as an outbox one, and malformed ones', () => {
    const secret = 's'.repeat(32);
    const now = new Date('2025-03-10T10:00:00Z');
    const path = new URL(
      outboxMediaUrl({ baseUrl: 'https://x.vn', secret }, { outboxId: 7, index: 1, fileName: 'a.png' }, now),
    ).pathname.slice('/m/o/'.length);
    expect(verifyOutboxMediaPath(secret, path, now)).toEqual({ outboxId: 7, index: 1, extension: 'png' });
    expect(verifyOutboxMediaPath('t'.repeat(32), path, now)).toBeUndefined();
    for (const bad of ['', '7.1', '7.1.x.y.png', `a${path}`, path.replace('.png', '')]) {
      expect(verifyOutboxMediaPath(secret, bad, now), bad).toBeUndefined();
    }
  });
});
