import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { ManualClock } from '../../src/domain/clock.js';
import { openDatabase } from '../../src/db/database.js';
import { upsertMember } from '../../src/db/member.repository.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { choosePackageChannel } from '../../src/services/package-channel.service.js';
import { QUANG_TRI_DIR } from '../support/campaign-fixture.js';
import { captureIo } from '../support/capture-io.js';

// `sohoa run-job zalo-goi-ngay` builds the Zalo evening package job from the environment the way
// `sohoa start` does (the job is made by the Zalo wiring, not listed with the others): it queues each
// chosen leader's package, and says the Zalo rows go out with `sohoa start`.
describe('sohoa run-job zalo-goi-ngay', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sohoa-run-job-zalo-'));
  const base = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };

  beforeAll(async () => {
    const handle = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const { db } = handle;
      await migrateToLatest(db);
      const clock = new ManualClock('2025-02-20T08:00:00+07:00');
      await loadCampaign(db, await readCampaignFolder(QUANG_TRI_DIR), clock);
      const campaign = await db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
      const province = await db
        .selectFrom('units')
        .select('id')
        .where('code', '=', '45')
        .executeTakeFirstOrThrow();
      const leader = await upsertMember(db, {
        campaign_id: campaign.id,
        platform: 'zalo-bot',
        platform_user_id: 'zalo-leader-1',
        display_name: 'Lãnh đạo',
        role: 'leader',
        unit_id: province.id,
        at: clock.now(),
      });
      expect(await choosePackageChannel(db, leader, ['zalo-bot'], clock)).toMatchObject({ kind: 'chosen' });
    } finally {
      await handle.close();
    }
  });

  it('without a Zalo channel configured, says there is nobody to send to', async () => {
    const io = captureIo();
    expect(await main(['run-job', 'zalo-goi-ngay', '--at', '2025-03-10T17:30:00+07:00'], io, base)).toBe(2);
    expect(io.stderr()).toContain('Chưa bật kênh Zalo nào');
  });

  it('queues the chosen leader’s package with signed addresses, for `sohoa start` to send', async () => {
    const env = {
      ...base,
      ZALO_BOT_TOKEN: 'zalo-token',
      WEB_BASE_URL: 'https://sohoa.example.vn/',
      PORT: '8080',
      WEB_SECRET: 'a-web-secret-of-at-least-thirty-two-characters',
    };
    const io = captureIo();
    expect(await main(['run-job', 'zalo-goi-ngay', '--at', '2025-03-10T17:30:00+07:00'], io, env)).toBe(0);
    expect(io.stdout()).toContain('Đã chạy zalo-goi-ngay, khung 10/03/2025 17:30');
    expect(io.stderr()).toContain('Tin gửi qua Zalo nằm trong hàng đợi');

    const handle = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const rows = await handle.db
        .selectFrom('outbox')
        .select(['platform', 'chat_id', 'kind', 'payload', 'status'])
        .orderBy('id')
        .execute();
      expect(new Set(rows.map((r) => `${r.platform}:${r.chat_id}:${r.status}`))).toEqual(
        new Set(['zalo-bot:zalo-leader-1:pending']),
      );
      const photos = rows.filter((r) => r.kind === 'photo');
      expect(photos.length).toBeGreaterThan(0);
      for (const photo of photos)
        expect((photo.payload as { url?: string }).url).toMatch(/^https:\/\/sohoa\.example\.vn\/m\//);
    } finally {
      await handle.close();
    }

    // Run again for the same slot: the ledger holds it, nothing is queued twice.
    const again = captureIo();
    expect(await main(['run-job', 'zalo-goi-ngay', '--at', '2025-03-10T18:00:00+07:00'], again, env)).toBe(0);
    expect(again.stdout()).not.toContain('Đã chạy');
  });
});
