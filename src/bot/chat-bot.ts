import type { ChatMessage } from '../channels/chat-message.js';
import type { Logger } from '../config/logger.js';
import type { ChatComposer } from './chat-composer.js';
import type { ChatContext } from './chat-context.js';
import { dailyReportFeature, prepareDailyReport } from './features/daily-report.feature.js';
import { exportFeature, prepareExport } from './features/export.feature.js';
import { convertFeature, convertNameFeature, prepareConvert } from './features/convert.feature.js';
import { editedMessageFeature } from './features/edited-message.feature.js';
import { fallbackFeature } from './features/fallback.feature.js';
import { filesElsewhereFeature } from './features/files-elsewhere.feature.js';
import { personalUploadLink } from './features/upload-link.js';
import { helpFeature } from './features/help.feature.js';
import { historyFeature } from './features/history.feature.js';
import { memberLinkFeature } from './features/member-link.feature.js';
import { numberedChoiceFeature } from './features/numbered-choice.feature.js';
import { packageChannelFeature } from './features/package-channel.feature.js';
import { progressFeature } from './features/progress.feature.js';
import { registerGroupFeature } from './features/register-group.feature.js';
import { remindFeature } from './features/remind.feature.js';
import { reportFeature } from './features/report.feature.js';
import { reportShortcutsFeature } from './features/report-shortcuts.feature.js';
import { prepareSampleFile, sampleFileFeature } from './features/sample-file.feature.js';
import { sampleListFeature } from './features/sample-list.feature.js';
import { startFeature } from './features/start.feature.js';
import { chooseCampaignFeature } from './features/choose-campaign.feature.js';
import { nationalProgressFeature } from './features/national-progress.feature.js';
import { webFeature } from './features/web.feature.js';
import type { PrepareDeps, PrepareStep, PreparedWork } from './prepared-work.js';

/** The chat features of every channel: slow work first, then the handlers in one transaction. */
export interface ChatBot {
  /** Network and CPU work for an update, outside any transaction. */
  prepare(message: ChatMessage, deps: PrepareDeps): Promise<PreparedWork>;
  /** Handles an update inside its transaction (`ctx.sohoa.db`). */
  handle(ctx: ChatContext): Promise<void>;
}

/**
 * The features in the order they see an update. Made per bot because some depend on whether the web side
 * is on: `/web` builds links on WEB_BASE_URL, a file on Zalo Bot is answered with the upload link (or,
 * without the web side, pointed to Telegram or the coordinator), and the help says which of the two.
 */
function chatFeatures(webBaseUrl: string | undefined): readonly ChatComposer[] {
  const webSide = Boolean(webBaseUrl);
  const features: readonly ChatComposer[] = [
    editedMessageFeature,
    // «1», «2»… on channels with numbered choices: handed to the chain again as the choice it picks.
    numberedChoiceFeature(() => features),
    // Before /start: `/start <link code>` links a person's other platform (an invite code goes on).
    memberLinkFeature,
    startFeature({ webSide }),
    chooseCampaignFeature,
    // Before help and progress: a national leader (no campaign membership) gets the every-campaign view.
    nationalProgressFeature,
    registerGroupFeature,
    helpFeature({ webSide }),
    // Before the report features: a converted PDF waiting for its name takes the next text as its answer.
    convertNameFeature,
    // Before the report feature: it rewrites shorthand reports into the /baocao that feature reads.
    reportShortcutsFeature,
    reportFeature,
    progressFeature,
    dailyReportFeature,
    exportFeature,
    historyFeature,
    remindFeature,
    packageChannelFeature,
    // Before the sample files: a channel that cannot take files (Zalo Bot) says where to send them.
    webBaseUrl
      ? filesElsewhereFeature({ uploadLink: personalUploadLink(webBaseUrl) })
      : filesElsewhereFeature(),
    convertFeature,
    sampleFileFeature,
    sampleListFeature,
    webFeature({ baseUrl: webBaseUrl }),
    fallbackFeature,
  ];
  return features;
}

const PREPARE_STEPS: readonly PrepareStep[] = [
  prepareSampleFile,
  prepareConvert,
  prepareDailyReport,
  prepareExport,
];

/** Wires the features; the same bot serves every channel. */
export function createChatBot(options: { logger: Logger; webBaseUrl?: string }): ChatBot {
  const chain = chatFeatures(options.webBaseUrl).map((f) => f.middleware());
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
