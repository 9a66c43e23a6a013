import type { ChatMessage } from '../channels/chat-message.js';
import type { Logger } from '../config/logger.js';
import type { ChatComposer } from './chat-composer.js';
import type { ChatContext } from './chat-context.js';
import { dailyReportFeature, prepareDailyReport } from './features/daily-report.feature.js';
import { exportFeature, prepareExport } from './features/export.feature.js';
import { editedMessageFeature } from './features/edited-message.feature.js';
import { fallbackFeature } from './features/fallback.feature.js';
import { helpFeature } from './features/help.feature.js';
import { historyFeature } from './features/history.feature.js';
import { progressFeature } from './features/progress.feature.js';
import { registerGroupFeature } from './features/register-group.feature.js';
import { remindFeature } from './features/remind.feature.js';
import { reportFeature } from './features/report.feature.js';
import { reportShortcutsFeature } from './features/report-shortcuts.feature.js';
import { prepareSampleFile, sampleFileFeature } from './features/sample-file.feature.js';
import { sampleListFeature } from './features/sample-list.feature.js';
import { startFeature } from './features/start.feature.js';
import type { PrepareDeps, PrepareStep, PreparedWork } from './prepared-work.js';

/** The chat features of every channel: slow work first, then the handlers in one transaction. */
export interface ChatBot {
  /** Network and CPU work for an update, outside any transaction. */
  prepare(message: ChatMessage, deps: PrepareDeps): Promise<PreparedWork>;
  /** Handles an update inside its transaction (`ctx.sohoa.db`). */
  handle(ctx: ChatContext): Promise<void>;
}

const FEATURES: readonly ChatComposer[] = [
  editedMessageFeature,
  startFeature,
  registerGroupFeature,
  helpFeature,
  // Before the report feature: it rewrites shorthand reports into the /baocao that feature reads.
  reportShortcutsFeature,
  reportFeature,
  progressFeature,
  dailyReportFeature,
  exportFeature,
  historyFeature,
  remindFeature,
  sampleFileFeature,
  sampleListFeature,
  fallbackFeature,
];

const PREPARE_STEPS: readonly PrepareStep[] = [prepareSampleFile, prepareDailyReport, prepareExport];

/** Wires the features; the same bot serves every channel. */
export function createChatBot(options: { logger: Logger }): ChatBot {
  const chain = FEATURES.map((f) => f.middleware());
  const run = (ctx: ChatContext, i: number): Promise<void> => {
    const handler = chain[i];
    return handler ? handler(ctx, () => run(ctx, i + 1)) : Promise.resolve();
  };
  return {
    async prepare(message, deps) {
      let work: PreparedWork = {};
      // An edited message is answered from the text alone (see edited-message.feature.ts).
      if (message.editOf) return work;
      for (const step of PREPARE_STEPS) work = { ...work, ...(await step(message, deps)) };
      return work;
    },
    async handle(ctx) {
      try {
        await run(ctx, 0);
      } catch (error) {
        // Log with the update, then rethrow so the inbox processor rolls the transaction back and tries
        // the update again — never swallow an error and mark the update handled.
        options.logger.error({ err: error, updateId: ctx.message.updateId }, 'handler failed');
        throw error;
      }
    },
  };
}
