import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { ManualClock } from '../../src/domain/clock.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { upsertMember } from '../../src/db/member.repository.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { QUANG_TRI_DIR } from '../support/campaign-fixture.js';
import { captureIo } from '../support/capture-io.js';

describe('sohoa run-job', () => {
  let api: FakeBotApi;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    api = await startFakeBotApi();
    const dataDir = mkdtempSync(join(tmpdir(), 'sohoa-run-job-'));
    env = {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
    };
    // The campaign, and three communes with a reporter in the bot; none has reported on 10 March.
    const handle = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await migrateToLatest(handle.db);
      await loadCampaign(
        handle.db,
        await readCampaignFolder(QUANG_TRI_DIR),
        new ManualClock('2025-02-20T08:00:00+07:00'),
      );
      const campaign = await handle.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
      const units = await handle.db
        .selectFrom('units')
        .select(['id', 'code'])
        .where('code', 'in', ['19333', '19330', '19363'])
        .execute();
      for (const [i, unit] of units.entries()) {
        const userId = 7001 + i;
        api.registerChat({ id: userId, type: 'private', first_name: `R${userId}` });
        await upsertMember(handle.db, {
          campaign_id: campaign.id,
          platform: 'telegram',
          platform_user_id: String(userId),
          display_name: `R${userId}`,
          role: 'reporter',
          unit_id: unit.id,
          at: new Date('2025-02-20T08:00:00+07:00'),
        });
      }
    } finally {
      await handle.close();
    }
  });
  afterAll(async () => {
    await api.close();
  });

  it('run twice for the same slot sends one batch, not two', async () => {
    const first = captureIo();
    expect(await main(['run-job', 'nhac-bao-cao', '--at', '2025-03-10T16:00:00+07:00'], first, env)).toBe(0);
    expect(first.stdout()).toContain(
      'Đã chạy nhac-bao-cao, khung 10/03/2025 16:00: 3 tin mới vào hàng đợi (0 tin đã có từ trước), 3 đơn vị.',
    );
    expect(first.stdout()).toContain('Tin của lượt này: đã gửi 3, lỗi 0, đang chờ 0.');
    const sent = () => api.sent.filter((c) => c.ok && c.method === 'sendMessage' && c.text?.startsWith('⏰'));
    expect(
      sent()
        .map((c) => c.chatId)
        .sort(),
    ).toEqual([7001, 7002, 7003]);

    // Any time up to the next slot means the same slot: it is in the ledger, nothing is sent again.
    const second = captureIo();
    expect(
      await main(['run-job', 'nhac-bao-cao', '--at', '2025-03-10T16:45:00+07:00', '--json'], second, env),
    ).toBe(0);
    expect(JSON.parse(second.stdout())).toMatchObject({
      job: 'nhac-bao-cao',
      report: { kind: 'taken', status: 'done', slot: { id: 'quang-tri-2025:2025-03-10T16:00' } },
      delivery: { sent: 3, failed: 0, pending: 0 },
    });
    expect(sent()).toHaveLength(3);
    expect(api.duplicateDeliveries()).toEqual([]);
  });

  it('refuses unknown jobs and malformed times before touching the database', async () => {
    const unknown = captureIo();
    expect(await main(['run-job', 'nhac-nho'], unknown, env)).toBe(2);
    expect(unknown.stderr()).toContain('Không có việc "nhac-nho"');
    expect(unknown.stderr()).toContain('nhac-bao-cao|thieu-bao-cao|dem-nguoc|tong-hop-ngay');
    const badTime = captureIo();
    expect(await main(['run-job', 'nhac-bao-cao', '--at', '10/03/2025 16:00'], badTime, env)).toBe(2);
    expect(badTime.stderr()).toContain('--at phải là thời điểm ISO có múi giờ');
  });
});
