import { expect, it } from 'vitest';
import { deactivateMember } from '../../src/db/member.repository.js';
import { lastText } from '../support/bot-harness.js';
import { startChat } from '../support/chat-fixture.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { describeEachDatabase, truncateAll } from '../support/test-database.js';
import { startWebFixture } from './support/web-fixture.js';

const DAY_MS = 86_400_000;

describeEachDatabase('personal links to the dashboard', (database) => {
  const closing = closeAfterEach();

  it('answers /web with a link that opens once and sets a strict, HttpOnly session cookie', async () => {
    const web = closing(await startWebFixture(database().db));
    const lan = await web.join(web.harness.api.user(501, { firstName: 'Lan' }), '19333');
    const link = await web.linkFor(lan);
    expect(link.startsWith(`${web.baseUrl}/l/`)).toBe(true);
    // 256 random bits; the database keeps only a hash.
    const token = link.split('/l/')[1] ?? '';
    expect(token).toMatch(/^[\w-]{43}$/);
    const stored = await database().db.selectFrom('web_links').select('token_hash').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);

    const { answer, cookie } = await web.open(link);
    expect(answer.status).toBe(200);
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    // The base URL is http here: Secure is only set behind https.
    expect(setCookie).not.toMatch(/Secure/i);
    const home = await web.get('/', cookie);
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toMatch(/^\/x\/\d+$/);
    const page = await web.get(home.headers.get('location') ?? '', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Phường 1');

    // A forwarded link that was already opened: a clear page, no session.
    const again = await web.open(link);
    expect(again.answer.status).toBe(410);
    expect(again.cookie).toBe('');
    expect(again.answer.text).toContain('đã được mở một lần');
    expect(again.answer.text).toContain('/web');
  });

  it('refuses an expired link, a revoked link and session, a deactivated member, a made-up token', async () => {
    const web = closing(await startWebFixture(database().db));
    const lan = await web.join(web.harness.api.user(501, { firstName: 'Lan' }), '19333');
    const old = await web.linkFor(lan);
    web.clock.advance(7 * DAY_MS + 1000);
    const expired = await web.open(old);
    expect(expired.answer.status).toBe(410);
    expect(expired.answer.text).toContain('đã hết hạn');
    expect(expired.answer.text).not.toMatch(/at .*\.ts:\d+|Error:/);

    const fresh = await web.open(await web.linkFor(lan));
    expect((await web.get('/', fresh.cookie)).status).toBe(302);
    const unused = await web.linkFor(lan);
    expect(await web.sayAs(lan, '/web thuhoi')).toContain('Đã thu hồi 1 đường dẫn chưa dùng và 1 phiên');
    const revokedSession = await web.get('/', fresh.cookie);
    expect(revokedSession.status).toBe(401);
    expect(revokedSession.text).toContain('thu hồi');
    const revokedLink = await web.open(unused);
    expect(revokedLink.answer.status).toBe(410);
    expect(revokedLink.answer.text).toContain('thu hồi');

    const last = await web.open(await web.linkFor(lan));
    expect((await web.get('/', last.cookie)).status).toBe(302);
    const member = await database().db.selectFrom('members').select('id').executeTakeFirstOrThrow();
    await deactivateMember(database().db, member.id, web.clock.now());
    const inactive = await web.get('/', last.cookie);
    expect(inactive.status).toBe(401);
    expect(inactive.text).toContain('không còn hoạt động');

    const madeUp = await web.get(`/l/${'A'.repeat(43)}`);
    expect(madeUp.status).toBe(410);
    expect(madeUp.text).toContain('không đúng');
    const noSession = await web.get('/');
    expect(noSession.status).toBe(401);
    expect(noSession.text).toContain('nhắn /web');
  });

  it('limits link attempts per address, and frees them after the window', async () => {
    const web = closing(await startWebFixture(database().db));
    const limit = web.deps.linkAttempts.limit;
    for (let i = 0; i < limit; i++) expect((await web.get(`/l/attempt-${i}`)).status).toBe(410);
    const blocked = await web.get('/l/one-more');
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain('quá nhiều lần');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    web.clock.advance(web.deps.linkAttempts.windowMs + 1);
    expect((await web.get('/l/after-the-window')).status).toBe(410);
  });

  it('writes no token, session cookie or link to the logs', async () => {
    const web = closing(await startWebFixture(database().db));
    const lan = await web.join(web.harness.api.user(501, { firstName: 'Lan' }), '19333');
    const link = await web.linkFor(lan);
    const { cookie } = await web.open(link);
    await web.open(link);
    await web.get('/', cookie);
    await web.get('/x/999999', cookie);
    const token = link.split('/l/')[1] ?? '';
    const session = cookie.split('=')[1] ?? '';
    expect(web.logs.length).toBeGreaterThan(3);
    const all = web.logs.join('\n');
    expect(all).toContain('/l/:token');
    expect(all).not.toContain(token);
    expect(all).not.toContain(session);
  });

  it('gives links only in private chats, and says so when the web side is off', async () => {
    // The web side closes before the test goes on without it.
    const web = await startWebFixture(database().db);
    try {
      const { api } = web.harness;
      const lan = await web.join(api.user(501, { firstName: 'Lan' }), '19333');
      const group = { id: -1_002_000_000_501, type: 'supergroup', title: 'Xã Phường 1' } as const;
      api.addBotToGroup(lan, group);
      api.sendText(lan, '/web', group);
      await web.harness.settle();
      const inGroup = lastText(api, group.id);
      expect(inGroup).toContain('cuộc trò chuyện riêng');
      expect(inGroup).not.toContain('/l/');
      expect(await database().db.selectFrom('web_links').selectAll().execute()).toEqual([]);
    } finally {
      await web.close();
    }

    await truncateAll(database().db);
    const chat = await startChat(database().db);
    try {
      const binh = await chat.join(chat.harness.api.user(502, { firstName: 'Bình' }), '19333');
      expect(await chat.sayAs(binh, '/web')).toContain('chưa được bật');
    } finally {
      await chat.harness.close();
    }
  });

  it('explains /web to a member who typed something else after it, and revokes nothing when nothing is open', async () => {
    const web = closing(await startWebFixture(database().db));
    const lan = await web.join(web.harness.api.user(501, { firstName: 'Lan' }), '19333');
    expect(await web.sayAs(lan, '/web linh tinh')).toContain('/web thuhoi');
    expect(await web.sayAs(lan, '/web thuhoi')).toContain('không có đường dẫn hay phiên nào');
  });
});
