import { readCampaignFolder } from './config/campaign-folder.js';
import type { CliRuntime } from './cli/cli-runtime.js';
import { ConfigError } from './domain/errors.js';
import { loadCampaign } from './services/campaign-load.service.js';

/** Why the service did not start, as one line for the operator. */
export const MISSING_TOKEN_MESSAGE =
  'Chưa đặt TELEGRAM_BOT_TOKEN: đặt mã bot lấy từ @BotFather (TELEGRAM_BOT_TOKEN=123456:ABC… npm start), ' +
  'hoặc chạy thử toàn bộ chiến dịch không cần mạng bằng npm run demo.';

/**
 * Wiring only: the database is open and migrated; load the campaign folder (idempotent), then start the
 * bot, the sender and the scheduler. Resolves when the service has stopped.
 */
export async function runService(runtime: CliRuntime, signal: AbortSignal): Promise<void> {
  const { config, db, clock, logger } = runtime;
  const result = await loadCampaign(db, await readCampaignFolder(config.CAMPAIGN_DIR), clock, 'start');
  logger.info({ campaignId: result.campaignId, changes: result.changes.length }, 'campaign loaded');
  if (!config.TELEGRAM_BOT_TOKEN) throw new ConfigError(MISSING_TOKEN_MESSAGE, 'TELEGRAM_BOT_TOKEN');
  // The bot, sender and scheduler are wired here as they land (issues 3 and 5).
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
