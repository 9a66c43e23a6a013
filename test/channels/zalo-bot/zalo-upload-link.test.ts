import { beforeAll, describe, expect, it } from 'vitest';
import { landingPath } from '../../../src/web/link-routes.js';
import { makeOnePageScan } from '../../files/support/scan-corpus.js';
import { startZaloChat, type ZaloHarness } from '../../support/fake-zalo-bot/index.js';
import { reserveWebSide } from '../../support/fake-zalo-bot/web-side.js';
import { describeEachDatabase } from '../../support/test-database.js';

// Issue 15 item 4: Zalo Bot does not pass files on, so a commune officer who sends one gets a personal
// link that opens a session and lands on the upload page, where the file goes in.

let scan: Uint8Array;
beforeAll(async () => {
  scan = await makeOnePageScan(1000, 1000, 720, 720);
});

/** Cán bộ An joins the campaign's first commune on Zalo as its reporter, then sends a file. */
async function joinAndSendFile(harness: ZaloHarness) {
  const unit = await harness.db
    .selectFrom('units')
    .select('code')
    .where('campaign_id', '=', harness.campaign.id)
    .where('level', '=', 'commune')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const an = harness.zalo.user('zan', 'Cán bộ An');
  await harness.say(an, `/start ${await harness.invite(unit.code)}`);
  await harness.zalo.sendUnsupported(an);
  await harness.settle();
  return { an, refusal: harness.zalo.lastTextTo('zan') };
}

const LINK = /(http:\/\/127\.0\.0\.1:\d+\/l\/[A-Za-z0-9_-]+\?den=\/tai-len)/;

describeEachDatabase('a Zalo officer’s file answered with their upload link', (database) => {
  it('gives a fresh link per file that opens a session on /tai-len, where the upload is taken', async () => {
    const reserved = await reserveWebSide();
    const harness = await startZaloChat(database().db, { webBaseUrl: reserved.baseUrl });
    const { db, clock } = harness;
    const web = await reserved.start(db, clock);
    try {
      const { zalo } = harness;
      const { an, refusal } = await joinAndSendFile(harness);
      expect(refusal).toContain('Zalo không chuyển tệp');
      const link = LINK.exec(refusal)?.[1];
      expect(link, refusal).toBeDefined();
      // A photo of a page: the scan advice and a link of its own (each link opens one session, once).
      await zalo.sendImage(an);
      await harness.settle();
      const photoAnswer = zalo.lastTextTo('zan');
      expect(photoAnswer).toContain('quét hồ sơ ra tệp PDF');
      const second = LINK.exec(photoAnswer)?.[1];
      expect(second).toBeDefined();
      expect(second).not.toBe(link);

      const opened = await fetch(link ?? '', { redirect: 'manual' });
      expect(opened.status).toBe(200);
      const page = await opened.text();
      expect(page).toContain('url=/tai-len');
      const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(cookie).toMatch(/=.+/);
      // Used once: the same link again is refused.
      expect((await fetch(link ?? '')).status).toBe(410);

      const form = await fetch(`${web.baseUrl}/tai-len`, { headers: { cookie } });
      expect(form.status).toBe(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
      const body = new FormData();
      body.set('_csrf', csrf);
      body.set('tep', new Blob([scan], { type: 'application/pdf' }), 'KS.2010.01.001.pdf');
      const upload = await fetch(`${web.baseUrl}/tai-len/tep`, {
        method: 'POST',
        headers: { cookie, accept: 'application/json' },
        body,
      });
      expect(upload.status).toBe(200);
      expect(((await upload.json()) as { html: string }).html).toContain('data-status="accepted"');
      const stored = await db.selectFrom('sample_files').select('file_name').execute();
      expect(stored.map((s) => s.file_name)).toContain('KS.2010.01.001.pdf');
    } finally {
      await web.close();
      await harness.close();
    }
  });

  it('without WEB_BASE_URL: the same refusal, pointing to Telegram or the coordinator', async () => {
    const harness = await startZaloChat(database().db);
    try {
      const { refusal } = await joinAndSendFile(harness);
      expect(refusal).toContain('Zalo không chuyển tệp');
      expect(refusal).not.toContain('/l/');
    } finally {
      await harness.close();
    }
  });
});

describe('where an opened personal link lands', () => {
  it('takes only one of our own relative paths', () => {
    expect(landingPath(undefined)).toBe('/');
    expect(landingPath('/tai-len')).toBe('/tai-len');
    expect(landingPath('/d/12')).toBe('/d/12');
    for (const bad of [
      '//evil.example/tai-len',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      '/tai-len?x=<script>',
      '',
      'tai-len',
      `/${'a'.repeat(100)}`,
    ]) {
      expect(landingPath(bad), bad).toBe('/');
    }
  });
});
