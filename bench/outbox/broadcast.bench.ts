// A broadcast to 3,000 chats through the real sender against the fake Bot API, which enforces Telegram's
// 30 messages/s (answering 429 with retry_after beyond it) and fails 10% of calls with a 5xx:
//   node --import tsx bench/outbox/broadcast.bench.ts [messages]
// Prints the delivered rate as a ratio of the 30/s limit (goal ≥ 0.9), lost (goal 0), duplicated (goal 0).
import { fileURLToPath } from 'node:url';
import { channelSet } from '../../src/channels/channel.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { createLogger } from '../../src/config/logger.js';
import { systemClock } from '../../src/domain/clock.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { enqueueOutbox, type NewOutboxMessage } from '../../src/db/outbox.repository.js';
import { startFakeBotApi } from '../../test/support/fake-telegram/index.js';
import { OutboxSender } from '../../src/outbox/outbox-sender.js';

/** What one broadcast run measured. */
export interface BroadcastBenchResult {
  readonly messages: number;
  readonly seconds: number;
  /** Distinct messages delivered per second, over the whole run. */
  readonly deliveredPerSecond: number;
  /** deliveredPerSecond / the 30 messages/s limit. */
  readonly ratioOfLimit: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly tooManyRequests: number;
  readonly serverErrors: number;
}

const LIMIT_PER_SECOND = 30;

/** Runs the broadcast benchmark (default 3,000 messages to 3,000 chats) and returns its figures. */
export async function runBroadcastBench(messages = 3000): Promise<BroadcastBenchResult> {
  const api = await startFakeBotApi({ rateLimit: { globalPerSecond: LIMIT_PER_SECOND } });
  const handle = await openDatabase({ kind: 'embedded', dataDir: 'memory' });
  const stop = new AbortController();
  try {
    await migrateToLatest(handle.db);
    const rows: NewOutboxMessage[] = [];
    for (let i = 0; i < messages; i++) {
      const chatId = 2_000_000 + i;
      api.registerChat({ id: chatId, type: 'private', first_name: `Cán bộ ${i}` });
      rows.push({
        dedupeKey: `bench:${chatId}`,
        platform: 'telegram',
        chatId: String(chatId),
        kind: 'text',
        payload: { text: `Nhắc báo cáo số ${i}` },
      });
    }
    for (let i = 0; i < rows.length; i += 500)
      await enqueueOutbox(handle.db, rows.slice(i, i + 500), new Date());
    api.faults({ rate: 0.1, codes: [500, 502, 503, 504], seed: 2025 });

    const channels = channelSet(createTelegramChannel({ token: api.token, apiRoot: api.apiRoot }));
    const sender = new OutboxSender({
      db: handle.db,
      channels,
      clock: systemClock,
      logger: createLogger('silent'),
    });
    const started = performance.now();
    const running = sender.run(stop.signal, 100);
    let pending = messages;
    while (pending > 0 && performance.now() - started < 240_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const row = await handle.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      pending = Number(row.n);
    }
    const lastDelivery = Math.max(...api.sent.filter((c) => c.ok).map((c) => c.at));
    stop.abort();
    await running;

    const delivered = new Set(api.sent.filter((c) => c.ok).map((c) => c.chatId)).size;
    const seconds = (lastDelivery - (performance.timeOrigin + started)) / 1000;
    const duplicated = api.duplicateDeliveries().reduce((n, d) => n + d.count - 1, 0);
    const stats = api.stats();
    return {
      messages,
      seconds,
      deliveredPerSecond: delivered / seconds,
      ratioOfLimit: delivered / seconds / LIMIT_PER_SECOND,
      lost: messages - delivered,
      duplicated,
      tooManyRequests: stats.tooManyRequests,
      serverErrors: stats.serverErrors,
    };
  } finally {
    stop.abort();
    await handle.close();
    await api.close();
  }
}

/** The figures of one run, as printed by `npm run bench` and by this file run directly. */
export function formatBroadcastReport(result: BroadcastBenchResult): string {
  const f = (n: number, d = 2) => n.toFixed(d);
  return [
    `broadcast: ${result.messages} messages to ${result.messages} chats in ${f(result.seconds, 1)} s`,
    `  delivered rate  ${f(result.deliveredPerSecond, 1)}/s = ${f(result.ratioOfLimit)} of the 30/s limit (goal ≥ 0.9)`,
    `  lost            ${result.lost} (goal 0)`,
    `  duplicated      ${result.duplicated} (goal 0)`,
    `  answered 429    ${result.tooManyRequests}, 5xx ${result.serverErrors}`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const messages = Number(process.argv[2] ?? 3000);
  const result = await runBroadcastBench(messages);
  console.log(formatBroadcastReport(result));
  process.exitCode = result.ratioOfLimit >= 0.9 && result.lost === 0 && result.duplicated === 0 ? 0 : 1;
}
