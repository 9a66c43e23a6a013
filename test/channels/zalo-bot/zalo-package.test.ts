import sharp from 'sharp';
import { expect, it } from 'vitest';
import { createLogger } from '../../../src/config/logger.js';
import { JobScheduler } from '../../../src/jobs/job-scheduler.js';
import { zaloPackageJob } from '../../../src/jobs/zalo-package.job.js';
import { startZaloChat, type ZaloHarness } from '../../support/fake-zalo-bot/index.js';
import { reserveWebSide } from '../../support/fake-zalo-bot/web-side.js';
import { seedReports } from '../../support/report-seed.js';
import { describeEachDatabase } from '../../support/test-database.js';

// The 17:30 package to a leader who chose Zalo: Zalo Bot cannot post into groups, so it goes one by one,
// each chart a photo the fake fetches from its signed address on the web side, then the text and the PDF
// link — once per day whatever the scheduler does again.

const EVENING = '2025-03-10T17:30:00+07:00';

/** A province leader joined on Zalo who chose Zalo for the package. */
async function joinZaloLeader(harness: ZaloHarness) {
  const leader = harness.zalo.user('zlead', 'Lãnh đạo Sở');
  await harness.say(leader, `/start ${await harness.invite('45', 'leader')}`);
  expect(await harness.say(leader, 'nhanbaocao zalo')).toBe(
    '✅ Từ nay báo cáo buổi tối gửi cho anh/chị qua Zalo.',
  );
  return leader;
}

/** 17:30 on the harness's clock, and a scheduler with the package job alone. */
function eveningScheduler(harness: ZaloHarness, options: Parameters<typeof zaloPackageJob>[0]) {
  harness.clock.set(new Date(EVENING));
  return new JobScheduler({
    db: harness.db,
    campaign: harness.campaign,
    clock: harness.clock,
    logger: createLogger('silent'),
    jobs: [zaloPackageJob(options)],
  });
}

describeEachDatabase('the evening package to a leader on Zalo Bot', (database) => {
  it('sends each chart as a photo by a signed address (fetched, decoded), the text, the PDF link; once per day', async () => {
    const harness = await startZaloChat(database().db, { media: false });
    const { db, clock } = harness;
    await seedReports(db, harness.campaign.id, ['2025-03-09', '2025-03-10']);
    const web = await (await reserveWebSide()).start(db, clock);
    try {
      await joinZaloLeader(harness);
      const before = harness.zalo.sent.length;
      const scheduler = eveningScheduler(harness, { platforms: ['zalo-bot'], signing: web.signing });
      const tick = await scheduler.tick();
      expect(tick.runs.map((r) => r.kind)).toEqual(['ran']);
      expect(tick.runs[0]?.kind === 'ran' && tick.runs[0].outcome.recipients).toBe(1);
      await harness.settle();

      const sent = harness.zalo.sent.slice(before).filter((s) => s.chat_id === 'zlead');
      const photos = sent.flatMap((s) => (s.method === 'sendPhoto' ? [s] : []));
      const texts = sent.flatMap((s) => (s.method === 'sendMessage' ? [s.text] : []));
      // Ranking image(s), the district comparison, the progress chart: each one fetched from /m/<signed>.
      expect(photos.length).toBeGreaterThanOrEqual(3);
      for (const photo of photos) {
        expect(photo.photo.startsWith(`${web.signing.baseUrl}/m/`)).toBe(true);
        expect(photo.photo).toMatch(/\/m\/(ranking|district|progress)\.\S+\.png$/);
        const meta = await sharp(photo.bytes).metadata();
        expect(meta.format).toBe('png');
        expect(meta.width).toBeGreaterThan(100);
      }
      expect(photos[0]?.caption).toBeTruthy();
      expect(photos.slice(1).every((p) => p.caption === undefined)).toBe(true);
      expect(texts).toHaveLength(2);
      const pdfLink = /(http:\/\/127\.0\.0\.1:\d+\/m\/pdf\.\S+\.pdf)/.exec(texts[1] ?? '')?.[1];
      expect(pdfLink, texts[1]).toBeDefined();
      const pdf = Buffer.from(await (await fetch(pdfLink ?? '')).arrayBuffer());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // The same slot again (a second instance, a forced rerun): nothing new is queued or sent.
      const outbox = async () =>
        Number(
          (
            await db
              .selectFrom('outbox')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('dedupe_key', 'like', 'job:zalo-goi-ngay:%')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const queued = await outbox();
      expect(queued).toBe(photos.length + 2);
      expect((await scheduler.tick()).runs).toEqual([]);
      await scheduler.runAt(zaloPackageJob({ platforms: ['zalo-bot'], signing: web.signing }), clock.now());
      await harness.settle();
      expect(await outbox()).toBe(queued);
      expect(harness.zalo.sent.slice(before).filter((s) => s.chat_id === 'zlead')).toHaveLength(sent.length);
    } finally {
      await web.close();
      await harness.close();
    }
  });

  it('without the web side, says in text where to see the charts and the PDF', async () => {
    const harness = await startZaloChat(database().db, { media: false });
    const { db } = harness;
    await seedReports(db, harness.campaign.id, ['2025-03-10']);
    try {
      await joinZaloLeader(harness);
      const before = harness.zalo.sent.length;
      const scheduler = eveningScheduler(harness, { platforms: ['zalo-bot'] });
      await scheduler.tick();
      await harness.settle();
      const sent = harness.zalo.sent.slice(before).filter((s) => s.chat_id === 'zlead');
      expect(sent.every((s) => s.method === 'sendMessage')).toBe(true);
      const texts = sent.map((s) => (s.method === 'sendMessage' ? s.text : ''));
      expect(texts.some((t) => t.includes('Biểu đồ chưa gửi được qua Zalo'))).toBe(true);
      expect(texts.some((t) => t.includes('chưa gửi được qua Zalo; anh/chị nhận tệp'))).toBe(true);
    } finally {
      await harness.close();
    }
  });
});
