import { Telegraf } from 'telegraf';
import type { FakeBotApi } from '../support/fake-telegram/index.js';

/** A telegraf bot long-polling the fake, and how to stop it cleanly. */
export interface PollingBot {
  readonly bot: Telegraf;
  /** Stop polling and wait until telegraf's loop (and its final offset sync) has ended. */
  stop(): Promise<void>;
}

/** A telegraf bot pointed at the fake; `botInfo` preset unless `callGetMe`, so launch skips getMe. */
export function fakeTelegraf(api: FakeBotApi, opts: { callGetMe?: boolean } = {}): Telegraf {
  const bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
  if (opts.callGetMe !== true) bot.botInfo = api.botInfo;
  return bot;
}

/**
 * Launch long polling. telegraf 4.16's launch() resolves only when polling stops, so it is not
 * awaited here; stop() waits for it. bot.stop() throws until polling has started, hence whenPolling.
 */
export function startPolling(bot: Telegraf, api: FakeBotApi): PollingBot {
  let failure: unknown;
  const launched = bot.launch({ dropPendingUpdates: false }).catch((error: unknown) => {
    failure = error;
  });
  return {
    bot,
    async stop() {
      if (failure === undefined) {
        await api.whenPolling();
        bot.stop('test finished');
      }
      await launched;
      if (failure !== undefined) throw failure;
    },
  };
}
