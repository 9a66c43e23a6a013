import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { ManualClock } from '../../src/domain/clock.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { createInvite } from '../../src/services/invite.service.js';
import { QUANG_TRI_DIR } from '../support/campaign-fixture.js';
import { startFakeBotApi } from '../support/fake-telegram/index.js';
import { migratedDataDir } from '../support/pglite-template.js';
import { spawnSohoa, waitUntil } from '../ops/sohoa-process.js';
import { SECOND, secondCampaignDir } from './several-campaigns-fixture.js';

describe('`sohoa start` with a folder of campaign folders', () => {
  it('serves every campaign in it: each code joins its campaign, a person in both is asked', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sohoa-deployment-'));
    await cp(QUANG_TRI_DIR, join(root, 'quang-tri-2025'), { recursive: true });
    await cp(await secondCampaignDir(), join(root, SECOND.code), { recursive: true });
    const dataDir = await migratedDataDir('sohoa-several-');
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    // Codes are made before the start, so the campaigns are loaded here first; the start loads them again.
    const setup = await openDatabase({ kind: 'embedded', dataDir });
    const codes: Record<string, string> = {};
    try {
      await migrateToLatest(setup.db);
      for (const dir of [join(root, 'quang-tri-2025'), join(root, SECOND.code)]) {
        const definition = await readCampaignFolder(dir);
        const { campaignId } = await loadCampaign(setup.db, definition, clock);
        for (const [who, unitCode] of [
          ['one', '19333'],
          ['both', '19330'],
        ] as const) {
          const invite = {
            campaignId,
            unitCode,
            role: 'reporter' as const,
            uses: 1,
            validDays: 30,
            createdBy: 't',
          };
          codes[`${definition.campaign.code}:${who}`] = (await createInvite(setup.db, invite, clock)).code;
        }
      }
    } finally {
      await setup.close();
    }

    const api = await startFakeBotApi({ clock });
    const bot = spawnSohoa(['start'], {
      ...process.env,
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATA_DIR: dataDir,
      CAMPAIGN_DIR: root,
      DATABASE_URL: '',
      SOHOA_NOW: '2025-03-10T09:00:00+07:00',
      LOG_LEVEL: 'error',
    });
    const texts = (chatId: number) => api.messagesTo(chatId).map((m) => ('text' in m ? m.text : ''));
    const waitFor = ({ id: chatId }: { id: number }, part: string) =>
      waitUntil(
        () => texts(chatId).some((t) => t.includes(part)),
        60_000,
        () => `"${part}" for ${chatId} (got ${JSON.stringify(texts(chatId))}; stderr: ${bot.stderr()})`,
      );
    try {
      const lan = api.user(501, { firstName: 'Lan' });
      const minh = api.user(502, { firstName: 'Minh' });
      const hoa = api.user(503, { firstName: 'Hoa' });
      api.sendText(lan, `/start ${codes['quang-tri-2025:one']}`);
      api.sendText(minh, `/start ${codes[`${SECOND.code}:one`]}`);
      await waitFor(lan, 'Số hóa sổ hộ tịch tỉnh Quảng Trị 2025');
      await waitFor(minh, SECOND.name);
      api.sendText(hoa, `/start ${codes['quang-tri-2025:both']}`);
      await waitFor(hoa, 'Số hóa sổ hộ tịch tỉnh Quảng Trị 2025');
      api.sendText(hoa, `/start ${codes[`${SECOND.code}:both`]}`);
      await waitFor(hoa, SECOND.name);
      api.sendText(hoa, '/tiendo');
      await waitFor(hoa, 'Anh/chị đang tham gia nhiều chiến dịch');
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
      await api.close();
    }
  }, 180_000);
});
