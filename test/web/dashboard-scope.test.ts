import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/web/security-headers.js';
import { csrfTokenOf } from '../../src/web/session-hook.js';
import { seedReports } from '../support/report-seed.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { describeEachDatabase } from '../support/test-database.js';
import { startWebFixture, type WebFixture } from './support/web-fixture.js';

const DAYS = ['2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10'];

describeEachDatabase('the dashboard and its scopes', (database) => {
  const closing = closeAfterEach();

  const unitId = async (code: string) =>
    (await database().db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow())
      .id;

  /** Joins a person to a unit with a role, opens their link, returns the session cookie. */
  const sessionOf = async (
    fixture: WebFixture,
    id: number,
    unitCode: string,
    role: 'reporter' | 'coordinator' | 'leader',
  ) => {
    const user = await fixture.join(fixture.harness.api.user(id, { firstName: `U${id}` }), unitCode, role);
    const { cookie } = await fixture.open(await fixture.linkFor(user));
    expect(cookie).toMatch(/^sohoa_phien=/);
    return cookie;
  };

  it("shows a leader the province's ranking, its districts, a commune, and the day's downloads", async () => {
    const web = closing(await startWebFixture(database().db, '2025-03-10T18:00:00+07:00'));
    await seedReports(database().db, web.campaignId, DAYS, { skipEvery: 5 });
    const cookie = await sessionOf(web, 601, '45', 'leader');
    const province = await unitId('45');
    const home = await web.get('/', cookie);
    expect(home.headers.get('location')).toBe(`/d/${province}`);

    const page = await web.get(`/d/${province}`, cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    // No inline code: every script has a src, no style attribute or element.
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.text).not.toMatch(/<style|\sstyle=/);
    expect(page.text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    expect(page.text).toContain('Tỉnh Quảng Trị');
    expect(page.text).toContain('Xếp hạng các xã');
    expect(page.text).toContain('Thành phố Đông Hà');
    expect(page.text).toContain('Phường 1');
    expect(page.text).toMatch(/KH \d+/);
    // Communes with reports and targets are ranked 1, 2, 3…
    expect(page.text).toMatch(/<td class="num">1<\/td>\s*<td>\s*<a href="\/x\/\d+\?ngay=2025-03-10">/);

    const district = await unitId('461');
    const districtPage = await web.get(`/d/${district}?ngay=2025-03-08`, cookie);
    expect(districtPage.status).toBe(200);
    expect(districtPage.text).toContain('Số liệu ngày 08/03/2025');
    expect(districtPage.text).toContain('value="2025-03-08"');

    const commune = await web.get(`/x/${await unitId('19333')}`, cookie);
    expect(commune.status).toBe(200);
    expect(commune.text).toContain('Các lần gửi và sửa báo cáo');
    expect(commune.text).toContain('Xếp hạng trong Thành phố Đông Hà');

    const json = await web.get(`/d/${province}/du-lieu.json?ngay=2025-03-10`, cookie);
    const data = JSON.parse(json.text) as { rows: { name: string; done: number; plan: number }[] };
    expect(data.rows.length).toBeGreaterThan(50);
    expect(data.rows[0]?.done).toBeGreaterThanOrEqual(data.rows[1]?.done ?? 0);

    const excel = await web.get(`/d/${province}/excel?ngay=2025-03-10`, cookie);
    expect(excel.status).toBe(200);
    expect(excel.headers.get('content-disposition')).toMatch(
      /attachment; filename="so-lieu-2025-03-10-.*\.xlsx"/,
    );
    expect(excel.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await web.get(`/d/${district}/pdf?ngay=2025-03-09`, cookie);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect((await web.get(`/d/${province}?ngay=2025-02-30`, cookie)).status).toBe(400);
    expect((await web.get(`/d/${province}?ngay=hom-nay`, cookie)).text).toContain('Ngày không hợp lệ');
    // Before the campaign or after today: the nearest day that has figures.
    expect((await web.get(`/d/${province}?ngay=2024-01-01`, cookie)).text).toContain(
      'Số liệu ngày 01/03/2025',
    );
    expect((await web.get(`/d/${province}?ngay=2025-03-19`, cookie)).text).toContain(
      'Số liệu ngày 10/03/2025',
    );
    expect((await web.get('/d/999999', cookie)).status).toBe(404);
    expect((await web.get('/khong-co', cookie)).text).toContain('Không tìm thấy trang');
  });

  it("keeps a commune to its own page: another commune, its parent's page and the reminder are refused", async () => {
    const web = closing(await startWebFixture(database().db));
    await seedReports(database().db, web.campaignId, DAYS.slice(0, 3));
    const cookie = await sessionOf(web, 501, '19333', 'reporter');
    const own = await web.get(`/x/${await unitId('19333')}`, cookie);
    expect(own.status).toBe(200);
    expect(own.text).toMatch(/Hạng \d+\/\d+ trong Thành phố Đông Hà/);
    expect(own.text).toContain('class="own"');

    const other = await web.get(`/x/${await unitId('19330')}`, cookie);
    expect(other.status).toBe(403);
    expect(other.text).toContain('ngoài phạm vi');
    expect((await web.get(`/d/${await unitId('461')}`, cookie)).status).toBe(403);
    expect((await web.get(`/d/${await unitId('461')}/excel`, cookie)).status).toBe(403);
    expect((await web.get(`/d/${await unitId('45')}/du-lieu.json`, cookie)).status).toBe(403);

    // Even with the session's own CSRF token, a commune cannot send the coordinators' reminder.
    const session = await database().db.selectFrom('web_sessions').select('id').executeTakeFirstOrThrow();
    const csrf = csrfTokenOf(web.deps.secret, {
      sessionId: session.id,
      campaignId: 0,
      memberId: 0,
      role: 'reporter',
      unitId: 0,
    });
    const remind = await web.post('/nhac', { _csrf: csrf }, cookie);
    expect(remind.status).toBe(403);
    expect(remind.text).toContain('Chỉ cán bộ điều phối');
    expect(await database().db.selectFrom('broadcasts').selectAll().execute()).toEqual([]);
  });

  it("lets a coordinator remind today's silent communes in one click, with a CSRF token and a confirmation", async () => {
    const web = closing(await startWebFixture(database().db, '2025-03-10T15:00:00+07:00'));
    await seedReports(database().db, web.campaignId, DAYS, { skipEvery: 3 });
    // Reporters of two communes of Đông Hà: one reported today (seeded), one is silent.
    const district = await unitId('461');
    const communes = await database()
      .db.selectFrom('units')
      .select(['id', 'code'])
      .where('parent_id', '=', district)
      .orderBy('id')
      .execute();
    const silent = communes[0];
    if (!silent) throw new Error('no commune');
    await web.join(web.harness.api.user(701, { firstName: 'Bình' }), silent.code);
    const cookie = await sessionOf(web, 801, '461', 'coordinator');

    const page = await web.get(`/d/${district}`, cookie);
    expect(page.text).toContain('Chưa báo cáo hôm nay');
    const csrf = page.text.match(/name="_csrf" value="([^"]+)"/)?.[1];
    expect(csrf).toBeDefined();

    expect((await web.post('/nhac', {}, cookie)).status).toBe(403);
    expect((await web.post('/nhac', { _csrf: 'x'.repeat(43) }, cookie)).status).toBe(403);
    expect((await web.post('/nhac', { _csrf: csrf ?? '' })).status).toBe(401);
    expect(await database().db.selectFrom('broadcasts').selectAll().execute()).toEqual([]);

    const preview = await web.post('/nhac', { _csrf: csrf ?? '' }, cookie);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Xác nhận gửi tin nhắc');
    expect(preview.text).toMatch(/tới 1 cán bộ của 1 xã/);
    const id = preview.text.match(/action="\/nhac\/(\d+)"/)?.[1];
    const sent = await web.post(`/nhac/${id}`, { _csrf: csrf ?? '', action: 'gui' }, cookie);
    expect(sent.text).toContain('Đã xếp 1 tin nhắc');
    const again = await web.post(`/nhac/${id}`, { _csrf: csrf ?? '', action: 'gui' }, cookie);
    expect(again.text).toContain('Đã xếp 1 tin nhắc');
    const rows = await database()
      .db.selectFrom('outbox')
      .select('dedupe_key')
      .where('dedupe_key', 'like', 'broadcast:%')
      .execute();
    expect(rows).toHaveLength(1);

    // Cancelled, or confirmed after the 30 minutes a request waits: nothing more is sent.
    const idOf = (text: string) => text.match(/action="\/nhac\/(\d+)"/)?.[1] ?? '';
    const cancelled = idOf((await web.post('/nhac', { _csrf: csrf ?? '' }, cookie)).text);
    expect(
      (await web.post(`/nhac/${cancelled}`, { _csrf: csrf ?? '', action: 'huy' }, cookie)).text,
    ).toContain('Đã hủy');
    const late = idOf((await web.post('/nhac', { _csrf: csrf ?? '' }, cookie)).text);
    web.clock.advance(31 * 60_000);
    expect((await web.post(`/nhac/${late}`, { _csrf: csrf ?? '', action: 'gui' }, cookie)).text).toContain(
      'quá 30 phút',
    );
    expect((await web.post('/nhac/khong-so', { _csrf: csrf ?? '', action: 'gui' }, cookie)).text).toContain(
      'không còn hiệu lực',
    );
    const after = await database()
      .db.selectFrom('outbox')
      .select('dedupe_key')
      .where('dedupe_key', 'like', 'broadcast:%')
      .execute();
    expect(after).toHaveLength(1);

    // Another district's coordinator sees neither this district nor its communes.
    const other = await sessionOf(web, 802, '462', 'coordinator');
    expect((await web.get(`/d/${district}`, other)).status).toBe(403);
    expect((await web.get(`/x/${silent.id}`, other)).status).toBe(403);
  });
});
