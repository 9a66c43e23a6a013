import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { startFakeBotApi } from '../support/fake-telegram/index.js';
import { seedProcessCampaign } from '../support/process-campaign.js';
import { DEFAULT_SENDER_OPTIONS } from '../../src/outbox/sender-options.js';
import { migratedDataDir } from '../support/pglite-template.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'sohoa.js');
// Enough updates that the kill lands in the middle of the burst, with replies still being delivered.
const REPORTERS = 20;
const REPORTS_EACH = 5;
const KILL_AFTER_REPLIES = 25;

/** Waits on state (the fake's log), checking every 100 ms; `what` names it in the error, read at that time. */
async function waitUntil(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startBot(env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.setEncoding('utf8');
  return child;
}

describe('a bot process killed in the middle of a burst', () => {
  it('stores every report once and enqueues every reply once after a restart', async () => {
    const dataDir = await migratedDataDir('sohoa-crash-');
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    // Prepare the folder (campaign and reporters), then release it for the bot process.
    const setup = await openDatabase({ kind: 'embedded', dataDir });
    await migrateToLatest(setup.db);
    const folder = await seedProcessCampaign(setup.db, clock, REPORTERS);
    await setup.close();

    const api = await startFakeBotApi({ clock });
    const env = {
      ...process.env,
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATA_DIR: dataDir,
      // The process loads this folder at start: without it the default folder would reset the wide limits.
      CAMPAIGN_DIR: folder,
      DATABASE_URL: '',
      SOHOA_NOW: '2025-03-10T09:00:00+07:00',
      LOG_LEVEL: 'error',
    };
    // Each reporter sends growing cumulative reports: every one is valid and accepted (books stay
    // under the smallest commune's target, so no report waits for a confirmation).
    for (let round = 1; round <= REPORTS_EACH; round++) {
      for (let i = 1; i <= REPORTERS; i++) {
        api.sendText(
          api.user(i),
          `/baocao so ${Math.min(round, 3)} scan ${round * 20} nhap ${round * 15} dinhkem ${round * 10}`,
        );
      }
    }
    const total = REPORTERS * REPORTS_EACH;
    // Report answers only: the scheduler in the same process also sends its morning reminders.
    const isReply = (text: string | undefined) => text?.startsWith('✅ Đã ghi báo cáo') ?? false;
    const sentReplies = () =>
      api.sent.filter((c) => c.method === 'sendMessage' && c.ok && isReply(c.text)).length;
    const duplicated = () =>
      api
        .duplicateDeliveries()
        .filter((d) => isReply(d.text))
        .reduce((n, d) => n + d.count - 1, 0);
    // Replies are all different (each names its figures), so distinct deliveries count handled updates.
    const distinctReplies = () => sentReplies() - duplicated();
    try {
      const firstStarted = Date.now();
      const first = startBot(env);
      await waitUntil(
        () => sentReplies() >= KILL_AFTER_REPLIES,
        120_000,
        () => 'the first replies',
      );
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      const beforeRestart = sentReplies();
      expect(beforeRestart).toBeLessThan(total);

      // The service comes back a lease later on its own clock, as after a real outage: the dead process's
      // claims have run out, so its unanswered sends are retried at once instead of after a minute.
      const downFor = Date.now() - firstStarted + DEFAULT_SENDER_OPTIONS.leaseMs + 1000;
      const resumeAt = new Date(Date.parse(env.SOHOA_NOW) + downFor).toISOString();
      const second = startBot({ ...env, SOHOA_NOW: resumeAt });
      let stderr = '';
      second.stderr?.on('data', (d: string) => (stderr += d));
      await waitUntil(
        () => distinctReplies() >= total,
        120_000,
        () => `all ${total} replies (stderr: ${stderr})`,
      );
      second.kill('SIGTERM');
      const code = await new Promise((r) => second.once('exit', r));
      expect(code).toBe(0);
    } finally {
      await api.close();
    }

    const check = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const inbox = await check.db.selectFrom('inbox').select(['status']).execute();
      expect(inbox).toHaveLength(total);
      expect(inbox.every((r) => r.status === 'done')).toBe(true);
      const revisions = await check.db
        .selectFrom('report_revisions')
        .select(['source_inbox_id', 'status'])
        .execute();
      expect(revisions).toHaveLength(total);
      expect(new Set(revisions.map((r) => r.source_inbox_id)).size).toBe(total);
      const reports = await check.db.selectFrom('daily_reports').selectAll().execute();
      expect(reports).toHaveLength(REPORTERS);
      expect(reports.every((r) => r.books === 3 && r.attached === REPORTS_EACH * 10)).toBe(true);
      // Replies only: the scheduler runs in the same process and may have sent its morning reminders.
      const outbox = await check.db
        .selectFrom('outbox')
        .select(['dedupe_key', 'status'])
        .where('dedupe_key', 'like', 'telegram:update:%')
        .execute();
      expect(outbox).toHaveLength(total);
      expect(new Set(outbox.map((r) => r.dedupe_key)).size).toBe(total);
      expect(outbox.every((r) => r.status === 'sent')).toBe(true);
    } finally {
      await check.close();
    }
    // The only acceptable duplicates: a send Telegram accepted just before the kill, not yet marked sent —
    // at most one per delivery in flight.
    expect(duplicated()).toBeLessThanOrEqual(DEFAULT_SENDER_OPTIONS.maxInFlight);
  }, 300_000);
});
