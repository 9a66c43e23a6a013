import sharp from 'sharp';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { openDatabase, type Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { listUnitsWithTargets } from '../../src/db/unit.repository.js';
import { DEFAULT_SENDER_OPTIONS } from '../../src/outbox/sender-options.js';
import { createInvite } from '../../src/services/invite.service.js';
import { makeOnePageScan } from '../files/support/scan-corpus.js';
import { startFakeBotApi } from '../support/fake-telegram/index.js';
import { startFakeZaloBot, type FakeZaloBot, type ZaloUser } from '../support/fake-zalo-bot/index.js';
import { startFakeZaloOa } from '../support/fake-zalo-oa/fake-zalo-oa.js';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../support/capture-io.js';
import { migratedDataDir } from '../support/pglite-template.js';
import { seedProcessCampaign } from '../support/process-campaign.js';
import { createServerDatabase, serverUrl } from '../support/test-database.js';
import { freePort, spawnSohoa, waitUntil, type SohoaProcess } from './sohoa-process.js';

// Issue 15's "done when": `sohoa start` with Telegram, Zalo Bot and a Zalo OA on, through the two fake servers, for a
// campaign day — reports on both (a SIGKILL in the middle of them, then a restart), a Zalo file refused
// with the personal upload link and the file uploaded on the web page, the 16:00 report call on both
// channels, the 17:30 package to a leader on Zalo (each chart fetched by its signed address and decoded);
// at the end the database and both fakes hold every update once and every message once. PostgreSQL with
// TEST_DATABASE_URL, else PGlite in a DATA_DIR (then the database is read only between the processes).

const DAY = '2025-03-10';
const MORNING = `${DAY}T09:30:00+07:00`;
const REPORT_CALL = `${DAY}T16:00:30+07:00`;
const EVENING = `${DAY}T17:30:20+07:00`;
// Telegram reporters 1…20 report 5 rounds each; 21 never writes (the 16:00 call is for them).
const TG_REPORTING = 20;
const TG_ROUNDS = 5;
const TG_TOTAL = TG_REPORTING * TG_ROUNDS;
const TG_FIRST_ROUNDS = 2;
// Replies of the last rounds out before the kill.
const KILL_AFTER_REPLIES = 8;
// Zalo: three communes report 3 rounds each in words, a fourth only joins; a province leader.
const ZALO_REPORTING = 3;
const ZALO_ROUNDS = 3;
const REPORTED = '✅ Đã ghi báo cáo';
// The OA part can be left out (TWO_CHANNELS_OA=0) to look at the other channels alone.
const WITH_OA = process.env.TWO_CHANNELS_OA !== '0';
const OA_UPDATES = WITH_OA ? 3 : 0;
const OA_REPORTS = WITH_OA ? 2 : 0;
const CHOSEN_ZALO = '✅ Từ nay báo cáo buổi tối gửi cho anh/chị qua Zalo.';

const report = (round: number) =>
  `so ${Math.min(round, 3)} scan ${round * 20} nhap ${round * 15} dinhkem ${round * 10}`;

async function count(db: Db, query: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`${sql.raw(query)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

describe('sohoa start with Telegram, Zalo Bot and a Zalo OA through a campaign day', () => {
  it('reports on every channel, a refused file uploaded on the web, 16:00 call, 17:30 package; nothing lost or doubled across a SIGKILL', async () => {
    const server = serverUrl ? await createServerDatabase(serverUrl) : undefined;
    const dataDir = server ? undefined : await migratedDataDir('sohoa-two-channels-');
    const target = server
      ? ({ kind: 'server', url: server.url } as const)
      : ({ kind: 'embedded', dataDir: dataDir ?? '' } as const);
    const clock = new ManualClock(MORNING);

    // The campaign, the Telegram reporters, and invite codes for the Zalo people.
    const setup = await openDatabase(target);
    let campaignDir: string;
    const codes: string[] = [];
    let leaderCode: string;
    let oaCode: string;
    try {
      await migrateToLatest(setup.db);
      campaignDir = await seedProcessCampaign(setup.db, clock, TG_REPORTING + 1);
      const campaignId = Number(
        (await setup.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow()).id,
      );
      const communes = (await listUnitsWithTargets(setup.db, campaignId)).filter(
        (u) => u.level === 'commune',
      );
      for (let i = 0; i <= ZALO_REPORTING; i++) {
        const unit = communes[TG_REPORTING + 1 + i];
        if (!unit) throw new Error('not enough communes');
        const invite = { campaignId, unitCode: unit.code, role: 'reporter' as const, uses: 1, validDays: 30 };
        codes.push((await createInvite(setup.db, { ...invite, createdBy: 'test' }, clock)).code);
      }
      const oaUnit = communes[TG_REPORTING + ZALO_REPORTING + 2];
      if (!oaUnit) throw new Error('not enough communes');
      oaCode = (
        await createInvite(
          setup.db,
          { campaignId, unitCode: oaUnit.code, role: 'reporter', uses: 1, validDays: 30, createdBy: 'test' },
          clock,
        )
      ).code;
      leaderCode = (
        await createInvite(
          setup.db,
          { campaignId, unitCode: '45', role: 'leader', uses: 1, validDays: 30, createdBy: 'test' },
          clock,
        )
      ).code;
    } finally {
      await setup.close();
    }

    const telegram = await startFakeBotApi({ clock });
    const zalo: FakeZaloBot = await startFakeZaloBot({ clock });
    // The province's Official Account too, with a token pair pasted by the operator before the start.
    const oa = await startFakeZaloOa(clock);
    const oaConfig = oa.config('two-channels-token-key');
    const oaEnv = {
      ZALO_OA_APP_ID: oaConfig.appId,
      ZALO_OA_APP_SECRET: oaConfig.appSecret,
      ZALO_OA_SECRET_KEY: oaConfig.secretKey,
      ZALO_OA_TOKEN_KEY: oaConfig.tokenKey,
      ZALO_OA_API_ROOT: oaConfig.apiRoot,
      ZALO_OAUTH_ROOT: oaConfig.oauthRoot,
    };
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = (now: string): NodeJS.ProcessEnv => ({
      ...process.env,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_BOT_API_ROOT: zalo.apiRoot,
      ...(WITH_OA ? oaEnv : {}),
      WEB_BASE_URL: base,
      PORT: String(port),
      WEBHOOK_URL: '',
      DATABASE_URL: server?.url ?? '',
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
      CAMPAIGN_DIR: campaignDir,
      SOHOA_NOW: now,
      LOG_LEVEL: process.env.TWO_CHANNELS_LOG ?? 'error',
    });
    const pasteOaToken = async () => {
      const pair = oa.state.issueTokens(7 * 24 * 3600);
      const pasted = await main(
        [
          'zalo-oa',
          'token',
          'set',
          '--refresh-token',
          pair.refreshToken,
          '--access-token',
          pair.accessToken,
          '--expires-in',
          String(7 * 24 * 3600),
        ],
        captureIo(),
        { ...env(MORNING), LOG_LEVEL: 'silent' },
      );
      expect(pasted).toBe(0);
    };
    const processes: SohoaProcess[] = [];
    // The running process's campaign clock, near enough for the OA's 5-minute signature window.
    let processClock = () => Date.now();
    const start = async (now: string) => {
      const spawned = Date.now();
      processClock = () => Date.parse(now) + (Date.now() - spawned);
      const p = spawnSohoa(['start'], env(now));
      processes.push(p);
      await waitUntil(
        async () => {
          if (p.child.exitCode !== null) throw new Error(`sohoa exited: ${p.stderr()}`);
          try {
            return (await fetch(`${base}/readyz`)).status === 200;
          } catch {
            return false;
          }
        },
        90_000,
        () => `sohoa ready at ${now} (stderr: ${p.stderr()})`,
      );
      return p;
    };
    const stop = async (p: SohoaProcess) => {
      p.child.kill('SIGTERM');
      let code: number | null | undefined;
      void p.exited.then((c) => (code = c));
      await waitUntil(
        () => code !== undefined,
        60_000,
        () => `sohoa to stop on SIGTERM (stderr: ${p.stderr().slice(-6000)})`,
      );
      expect(code, p.stderr()).toBe(0);
    };
    const wait = (check: () => boolean | Promise<boolean>, what: string) =>
      waitUntil(check, 120_000, () => `${what} (stderr: ${processes.at(-1)?.stderr() ?? ''})`);

    // Fake-side views.
    const tgReplies = () =>
      telegram.sent.filter((c) => c.method === 'sendMessage' && c.ok && c.text?.startsWith(REPORTED)).length;
    const tgDoubled = (isCounted: (text: string | undefined) => boolean) =>
      telegram
        .duplicateDeliveries()
        .filter((d) => isCounted(d.text))
        .reduce((n, d) => n + d.count - 1, 0);
    const zaloTexts = (chatId: string) => zalo.textsTo(chatId);
    const zaloDoubled = () => {
      const seen = new Map<string, number>();
      for (const s of zalo.sent) {
        const key = `${s.chat_id}\u0000${s.method === 'sendMessage' ? s.text : s.photo}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      return [...seen.values()].reduce((n, c) => n + c - 1, 0);
    };

    const zaloUsers: ZaloUser[] = codes.map((_, i) => zalo.user(`zr${i + 1}`, `Cán bộ xã Zalo ${i + 1}`));
    const leader = zalo.user('zlead', 'Lãnh đạo Sở (Zalo)');
    const check = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
      const handle = await openDatabase(target);
      try {
        return await fn(handle.db);
      } finally {
        await handle.close();
      }
    };

    try {
      if (WITH_OA) await pasteOaToken();

      // ── Morning: both channels' updates are waiting before the process starts; Telegram's last rounds
      // come once every Zalo update is in, so that the kill lands in the middle of them.
      const tgRound = (round: number) => {
        for (let i = 1; i <= TG_REPORTING; i++)
          telegram.sendText(telegram.user(i), `/baocao ${report(round)}`);
      };
      for (let round = 1; round <= TG_FIRST_ROUNDS; round++) tgRound(round);
      // The silent Telegram commune has written once (Telegram lets a bot write only to a known chat).
      telegram.sendText(telegram.user(TG_REPORTING + 1), '/help');
      let zaloUpdates = 0;
      for (const [i, user] of zaloUsers.entries()) {
        await zalo.sendText(user, `/start ${codes[i] ?? ''}`);
        zaloUpdates++;
      }
      await zalo.sendText(leader, `start ${leaderCode}`);
      await zalo.sendText(leader, 'nhận báo cáo zalo');
      zaloUpdates += 2;
      for (let round = 1; round <= ZALO_ROUNDS; round++) {
        for (const user of zaloUsers.slice(0, ZALO_REPORTING)) {
          await zalo.sendText(user, `báo cáo ${report(round)}`);
          zaloUpdates++;
        }
      }
      const firstStarted = Date.now();
      const first = await start(MORNING);
      // The kill lands with Telegram's burst half answered and every Zalo update taken: Zalo's getUpdates
      // hands each update out once, so the poller's next call is the proof the previous one is stored.
      await wait(
        () =>
          tgReplies() >= TG_FIRST_ROUNDS * TG_REPORTING &&
          zalo.pending === 0 &&
          zalo.calls.filter((c) => c.method === 'getUpdates').length > zaloUpdates,
        'the first replies and every Zalo update fetched',
      );
      for (let round = TG_FIRST_ROUNDS + 1; round <= TG_ROUNDS; round++) tgRound(round);
      await wait(
        () => tgReplies() >= TG_FIRST_ROUNDS * TG_REPORTING + KILL_AFTER_REPLIES,
        'replies to the last rounds',
      );
      first.child.kill('SIGKILL');
      await first.exited;
      expect(tgReplies()).toBeLessThan(TG_TOTAL);

      // Back a lease later on its own clock (as after a real outage): the dead one's claims have run out.
      const downFor = Date.now() - firstStarted + DEFAULT_SENDER_OPTIONS.leaseMs + 1000;
      const second = await start(new Date(Date.parse(MORNING) + downFor).toISOString());
      const tgDistinct = () => tgReplies() - tgDoubled((t) => t?.startsWith(REPORTED) ?? false);
      const zaloReported = (user: ZaloUser) => zaloTexts(user.id).filter((t) => t.startsWith(REPORTED));
      await wait(
        () =>
          tgDistinct() >= TG_TOTAL &&
          zaloUsers.slice(0, ZALO_REPORTING).every((u) => new Set(zaloReported(u)).size === ZALO_ROUNDS) &&
          zaloTexts(leader.id).includes(CHOSEN_ZALO),
        'every report answered on both channels',
      );

      // ── A commune on the Official Account: signed events on /zalo-oa/webhook; a forged one stores nothing.
      if (WITH_OA) {
        const postOa = (event: Record<string, unknown>, secretKey?: string) => {
          const signed = oa.sign({ ...event, timestamp: String(processClock()) }, secretKey);
          return fetch(`${base}/zalo-oa/webhook`, {
            method: 'POST',
            headers: signed.headers,
            body: signed.rawBody,
          });
        };
        expect((await postOa(oa.userText('oa-user-1', `/start ${oaCode}`))).status).toBe(200);
        expect(
          (await postOa(oa.userText('oa-user-1', 'báo cáo so 1 scan 20 nhap 15 dinhkem 10'))).status,
        ).toBe(200);
        expect(
          (await postOa(oa.userText('oa-user-1', 'báo cáo so 2 scan 40 nhap 30 dinhkem 20'))).status,
        ).toBe(200);
        const forged = await postOa(
          oa.userText('oa-user-1', 'báo cáo so 3 scan 90 nhap 90 dinhkem 90'),
          'not-the-key',
        );
        expect(forged.status).toBeGreaterThanOrEqual(400);
        await wait(
          () => oa.textsTo({ userId: 'oa-user-1' }).filter((t) => t.startsWith(REPORTED)).length === 2,
          'both OA reports answered on the OA',
        );
      }

      // ── A file on Zalo: refused, with the personal upload link; the file goes in on the web page.
      const [an] = zaloUsers;
      if (!an) throw new Error('no Zalo reporter');
      const before = zaloTexts(an.id).length;
      await zalo.sendUnsupported(an);
      await wait(() => zaloTexts(an.id).length > before, 'the answer to the Zalo file');
      const refusal = zaloTexts(an.id).at(-1) ?? '';
      expect(refusal).toContain('Zalo không chuyển tệp');
      const link = new RegExp(`(${base}/l/[A-Za-z0-9_-]+\\?den=/tai-len)`).exec(refusal)?.[1];
      expect(link, refusal).toBeDefined();
      const opened = await fetch(link ?? '', { redirect: 'manual' });
      expect(opened.status).toBe(200);
      expect(await opened.text()).toContain('url=/tai-len');
      const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const page = await fetch(`${base}/tai-len`, { headers: { cookie } });
      expect(page.status).toBe(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const form = new FormData();
      form.set('_csrf', csrf);
      const scan = await makeOnePageScan(1000, 1000, 720, 720);
      form.set('tep', new Blob([scan], { type: 'application/pdf' }), 'KS.2010.01.001.pdf');
      const upload = await fetch(`${base}/tai-len/tep`, {
        method: 'POST',
        headers: { cookie, accept: 'application/json' },
        body: form,
      });
      expect(upload.status).toBe(200);
      expect(((await upload.json()) as { html: string }).html).toContain('data-status="accepted"');
      await stop(second);

      // ── 16:00: the report call reaches the two communes that have not reported, one on each channel.
      const silentZalo = zaloUsers[ZALO_REPORTING];
      if (!silentZalo) throw new Error('no silent Zalo reporter');
      const silentTelegram = String(TG_REPORTING + 1);
      const isCall = (text: string | undefined) => text?.startsWith('⏰') ?? false;
      const tgCalls = () =>
        telegram.sent.filter((c) => c.method === 'sendMessage' && c.ok && isCall(c.text)).length;
      const afternoon = await start(REPORT_CALL);
      await wait(
        () => tgCalls() >= 1 && zaloTexts(silentZalo.id).some((t) => isCall(t)),
        'the 16:00 report call on both channels',
      );
      await stop(afternoon);
      expect(
        telegram.sent
          .filter((c) => c.method === 'sendMessage' && c.ok && isCall(c.text))
          .map((c) => String(c.chatId)),
      ).toEqual([silentTelegram]);
      for (const user of [...zaloUsers.slice(0, ZALO_REPORTING), leader]) {
        expect(zaloTexts(user.id).some((t) => isCall(t))).toBe(false);
      }

      // ── 17:30: the evening package, one by one, to the leader who chose Zalo.
      const evening = await start(EVENING);
      const pdfLinkOf = (texts: readonly string[]) =>
        texts
          .map((t) => new RegExp(`(${base}/m/pdf\\.\\S+\\.pdf)`).exec(t)?.[1])
          .find((l) => l !== undefined);
      await wait(() => pdfLinkOf(zaloTexts(leader.id)) !== undefined, 'the evening package on Zalo');
      const photos = zalo.photosTo(leader.id);
      expect(photos.length).toBeGreaterThanOrEqual(3);
      for (const photo of photos) {
        expect(photo.photo.startsWith(`${base}/m/`)).toBe(true);
        const meta = await sharp(photo.bytes).metadata();
        expect(meta.format).toBe('png');
        expect(meta.width).toBeGreaterThan(100);
      }
      const pdf = Buffer.from(await (await fetch(pdfLinkOf(zaloTexts(leader.id)) ?? '')).arrayBuffer());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await stop(evening);

      // ── Nothing lost, nothing doubled.
      const figures = await check(async (db) => ({
        inbox: await count(db, `select count(*) as n from inbox`),
        inboxDone: await count(db, `select count(*) as n from inbox where status = 'done'`),
        inboxZalo: await count(db, `select count(*) as n from inbox where platform = 'zalo-bot'`),
        inboxOa: await count(db, `select count(*) as n from inbox where platform = 'zalo-oa'`),
        revisions: await count(db, `select count(*) as n from report_revisions`),
        distinctRevisions: await count(
          db,
          `select count(distinct source_inbox_id) as n from report_revisions`,
        ),
        reports: await count(db, `select count(*) as n from daily_reports`),
        pending: await count(db, `select count(*) as n from outbox where status <> 'sent'`),
        outbox: await count(db, `select count(*) as n from outbox`),
        distinctKeys: await count(db, `select count(distinct dedupe_key) as n from outbox`),
        calls: await count(db, `select count(*) as n from outbox where dedupe_key like 'job:nhac-bao-cao:%'`),
        packageRows: await count(
          db,
          `select count(*) as n from outbox where dedupe_key like 'job:zalo-goi-ngay:%'`,
        ),
        jobRuns: await count(db, `select count(*) as n from job_runs`),
        jobSlots: await count(db, `select count(distinct (job, slot)) as n from job_runs`),
        samples: await count(db, `select count(*) as n from sample_files`),
      }));
      const zaloTotal = zaloUpdates + 1; // and the refused file
      expect(figures.inbox).toBe(TG_TOTAL + 1 + zaloTotal + OA_UPDATES);
      expect(figures.inboxOa).toBe(OA_UPDATES);
      expect(figures.inboxDone).toBe(figures.inbox);
      expect(figures.inboxZalo).toBe(zaloTotal);
      expect(figures.revisions).toBe(TG_TOTAL + ZALO_REPORTING * ZALO_ROUNDS + OA_REPORTS);
      expect(figures.distinctRevisions).toBe(figures.revisions);
      expect(figures.reports).toBe(TG_REPORTING + ZALO_REPORTING + (WITH_OA ? 1 : 0));
      expect(figures.pending).toBe(0);
      expect(figures.distinctKeys).toBe(figures.outbox);
      expect(figures.calls).toBe(2);
      // Each chart one photo, then the summary and the PDF link.
      expect(figures.packageRows).toBe(photos.length + 2);
      expect(figures.jobRuns).toBe(figures.jobSlots);
      expect(figures.samples).toBe(1);
      // A send accepted just before the kill and not yet marked sent goes again: at most one per
      // delivery in flight, on either platform.
      expect(tgDoubled(() => true) + zaloDoubled()).toBeLessThanOrEqual(DEFAULT_SENDER_OPTIONS.maxInFlight);
      console.log(
        `two channels: ${JSON.stringify({ ...figures, tgDoubled: tgDoubled(() => true), zaloDoubled: zaloDoubled() })}`,
      );
    } finally {
      for (const p of processes)
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await Promise.all(processes.map((p) => p.exited));
      await telegram.close();
      await zalo.close();
      await oa.close();
      await server?.drop();
    }
  }, 420_000);
});
