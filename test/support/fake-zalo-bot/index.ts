export {
  FakeZaloBot,
  startFakeZaloBot,
  type FakeZaloUpdate,
  type ZaloFault,
  type ZaloSent,
  type ZaloUser,
} from './fake-zalo-bot.js';
export { MediaHost } from './media-host.js';
export {
  startZaloChat,
  startZaloHarness,
  type ZaloHarness,
  type ZaloHarnessOptions,
} from './zalo-harness.js';
