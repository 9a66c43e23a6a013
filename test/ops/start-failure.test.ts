import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';
import { migratedDataDir } from '../support/pglite-template.js';
import { freePort, httpStatus, spawnSohoa, waitUntil } from './sohoa-process.js';

// `sohoa start` against a Telegram that fails the calls it cannot start without: it must end at once,
// non-zero, with one readable line, and let go of the data folder — not stay up with nothing running.
describe('sohoa start when Telegram fails at start-up', () => {
  let api: FakeBotApi;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = await migratedDataDir('sohoa-start-fail-');
    api = await startFakeBotApi({ clock: new ManualClock('2025-03-10T09:00:00+07:00') });
    env = {
      ...process.env,
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      WEBHOOK_URL: '',
      WEBHOOK_SECRET: '',
      PORT: '',
      SOHOA_NOW: '2025-03-10T09:00:00+07:00',
      LOG_LEVEL: 'silent',
    };
  });
  afterAll(async () => {
    await api.close();
  });

  const lockFile = () => join(dataDir, 'sohoa.lock');

  async function expectQuickFailure(extraEnv: NodeJS.ProcessEnv, call: string): Promise<void> {
    const started = Date.now();
    const run = spawnSohoa(['start'], { ...env, ...extraEnv });
    const code = await run.exited;
    const seconds = (Date.now() - started) / 1000;
    console.log(`sohoa start with ${call} → 502: exit ${code} after ${seconds.toFixed(1)} s`);
    expect(code).not.toBe(0);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Không khởi động được: Telegram trả lỗi khi gọi ${call}`);
    expect(lines[0]).toContain('502');
    expect(existsSync(lockFile())).toBe(false);
  }

  it('exits non-zero when getMe fails', async () => {
    api.failNext('getMe', { code: 502 });
    await expectQuickFailure({}, 'getMe');
  }, 60_000);

  it('exits non-zero when deleteWebhook fails (long polling)', async () => {
    api.failNext('deleteWebhook', { code: 502 });
    await expectQuickFailure({}, 'deleteWebhook');
  }, 60_000);

  it('exits non-zero when setWebhook fails, without leaving its port open', async () => {
    const port = await freePort();
    api.failNext('setWebhook', { code: 502 });
    await expectQuickFailure(
      {
        WEBHOOK_URL: 'https://bot.example.test/telegram/hook',
        WEBHOOK_SECRET: 'a-secret-of-sixteen-chars',
        PORT: String(port),
      },
      'setWebhook',
    );
    expect(await httpStatus(port, '/healthz')).toBe(0);
  }, 60_000);

  it('then starts normally on the same folder, ready behind a proxy, and stops cleanly', async () => {
    const port = await freePort();
    const run = spawnSohoa(['start'], {
      ...env,
      WEBHOOK_URL: 'https://bot.example.test/telegram/hook',
      WEBHOOK_SECRET: 'a-secret-of-sixteen-chars',
      PORT: String(port),
    });
    try {
      await waitUntil(
        async () => (await httpStatus(port, '/readyz')) === 200,
        60_000,
        () => `/readyz (stderr: ${run.stderr()})`,
      );
      expect(await httpStatus(port, '/healthz')).toBe(200);
      expect(existsSync(lockFile())).toBe(true);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(existsSync(lockFile())).toBe(false);
  }, 90_000);
});
