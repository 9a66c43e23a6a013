import { expect, it } from 'vitest';
import { mediaUrl, verifyMediaPath } from '../../src/services/web-media.service.js';
import { seedReports } from '../support/report-seed.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { describeEachDatabase } from '../support/test-database.js';
import { startWebFixture } from './support/web-fixture.js';

const HOUR_MS = 3_600_000;

describeEachDatabase('signed media addresses for channels that send photos by URL', (database) => {
  const closing = closeAfterEach();

  it('serves the PDF and the charts of a day without a session, until the address expires', async () => {
    const web = closing(await startWebFixture(database().db, '2025-03-10T18:00:00+07:00'));
    await seedReports(database().db, web.campaignId, ['2025-03-09', '2025-03-10']);
    const province = (
      await database().db.selectFrom('units').select('id').where('code', '=', '45').executeTakeFirstOrThrow()
    ).id;
    const signing = { baseUrl: web.baseUrl, secret: web.deps.secret };
    const now = web.clock.now();
    const url = (kind: 'pdf' | 'ranking' | 'progress', part = 0) =>
      mediaUrl(signing, kind, web.campaignId, '2025-03-10', province, { now, part });
    const path = (u: string) => new URL(u).pathname;

    const pdf = await web.get(path(url('pdf')));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const kind of ['ranking', 'progress'] as const) {
      const png = await web.get(path(url(kind)));
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    // A ranking image the package does not have, a changed date, a changed signature: not found.
    expect((await web.get(path(url('ranking', 99)))).status).toBe(404);
    const signed = path(url('progress'));
    expect((await web.get(signed.replace('2025-03-10', '2025-03-09'))).status).toBe(404);
    const parts = signed.split('.');
    parts[6] =
      `A${(parts[6] ?? '').slice(1)}` === parts[6]
        ? `B${(parts[6] ?? '').slice(1)}`
        : `A${(parts[6] ?? '').slice(1)}`;
    expect((await web.get(parts.join('.'))).status).toBe(404);
    expect((await web.get(signed)).status).toBe(200);
    expect((await web.get(signed.replace('.png', '.pdf'))).status).toBe(404);

    web.clock.advance(49 * HOUR_MS);
    const expired = await web.get(signed);
    expect(expired.status).toBe(404);
    expect(expired.text).toContain('Không tìm thấy trang');
  });

  it('checks the signature with the secret it was made with', () => {
    const now = new Date('2025-03-10T10:00:00Z');
    const made = mediaUrl({ baseUrl: 'https://x.vn', secret: 'a'.repeat(32) }, 'pdf', 1, '2025-03-10', 7, {
      now,
    });
    const segment = made.split('/m/')[1] ?? '';
    expect(verifyMediaPath('a'.repeat(32), segment, now)).toMatchObject({
      kind: 'pdf',
      campaignId: 1,
      scopeUnitId: 7,
      part: 0,
    });
    expect(verifyMediaPath('b'.repeat(32), segment, now)).toBeUndefined();
    expect(verifyMediaPath('a'.repeat(32), `${segment}x`, now)).toBeUndefined();
    expect(verifyMediaPath('a'.repeat(32), 'pdf.1.2.3', now)).toBeUndefined();
  });
});
