import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { startFakeBotApi } from '../support/fake-telegram/index.js';
import { freePort, spawnSohoa, waitUntil } from '../ops/sohoa-process.js';

// `sohoa start` as an operator runs it: long polling (no webhook) with WEB_BASE_URL set — the one HTTP
// server still starts on PORT for the web side alone, and stops with the process.
describe('sohoa start with the web side alone', () => {
  it('serves the pages on PORT beside long polling, refuses a bad link with a page, and stops on SIGTERM', async () => {
    const api = await startFakeBotApi({ clock: new ManualClock('2025-03-10T09:00:00+07:00') });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const sohoa = spawnSohoa(['start'], {
      ...process.env,
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATA_DIR: await mkdtemp(join(tmpdir(), 'sohoa-web-')),
      DATABASE_URL: '',
      WEBHOOK_URL: '',
      WEB_BASE_URL: base,
      PORT: String(port),
      SOHOA_NOW: '2025-03-10T09:00:00+07:00',
      LOG_LEVEL: 'debug',
    });
    try {
      const ready = async () => {
        try {
          return (await fetch(`${base}/readyz`)).status === 200;
        } catch {
          return false;
        }
      };
      await waitUntil(ready, 90_000, () => `the web side on ${base}: ${sohoa.stderr().slice(-2000)}`);
      const token = 'Z'.repeat(43);
      const refused = await fetch(`${base}/l/${token}`);
      expect(refused.status).toBe(410);
      expect(await refused.text()).toContain('nhắn /web');
      expect((await fetch(`${base}/tai-nguyen/dashboard.js`)).status).toBe(200);
      expect((await fetch(`${base}/`)).status).toBe(401);
      // /readyz said every loop runs: the poller too (no webhook), beside the web side.
      expect(sohoa.stderr()).toContain('sohoa started');
      sohoa.child.kill('SIGTERM');
      expect(await sohoa.exited).toBe(0);
      expect(sohoa.stderr()).toContain('/l/:token');
      expect(sohoa.stderr()).not.toContain(token);
    } finally {
      if (sohoa.child.exitCode === null) sohoa.child.kill('SIGKILL');
      await api.close();
    }
  }, 180_000);
});
