import { Telegraf } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import { SohoaContext } from './bot-context.js';
import { dailyReportFeature } from './features/daily-report.feature.js';
import { fallbackFeature } from './features/fallback.feature.js';
import { helpFeature } from './features/help.feature.js';
import { progressFeature } from './features/progress.feature.js';
import { registerGroupFeature } from './features/register-group.feature.js';
import { remindFeature } from './features/remind.feature.js';
import { reportFeature } from './features/report.feature.js';
import { sampleFileFeature } from './features/sample-file.feature.js';
import { sampleListFeature } from './features/sample-list.feature.js';
import { startFeature } from './features/start.feature.js';
import { updateDepsMiddleware } from './update-deps.middleware.js';

/** What the bot needs to be built. */
export interface BotOptions {
  readonly token: string;
  readonly apiRoot: string;
  readonly campaign: Campaign;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Known bot identity (tests); otherwise fetched with getMe on the first update. */
  readonly botInfo?: UserFromGetMe;
}

/** Wires the features into a Telegraf bot. Updates reach it only through the inbox processor. */
export function createBot(options: BotOptions): Telegraf<SohoaContext> {
  const bot = new Telegraf<SohoaContext>(options.token, {
    contextType: SohoaContext,
    telegram: { apiRoot: options.apiRoot, webhookReply: false },
  });
  if (options.botInfo) bot.botInfo = options.botInfo;
  bot.use(updateDepsMiddleware(options.campaign, options.clock));
  bot.use(
    startFeature,
    registerGroupFeature,
    helpFeature,
    reportFeature,
    progressFeature,
    dailyReportFeature,
    remindFeature,
    sampleFileFeature,
    sampleListFeature,
    fallbackFeature,
  );
  // One central handler: log with the update, then rethrow so the inbox processor rolls the update's
  // transaction back and tries it again — never swallow an error and mark the update handled.
  bot.catch((error, ctx) => {
    options.logger.error({ err: error, updateId: ctx.update.update_id }, 'handler failed');
    throw error;
  });
  return bot;
}
