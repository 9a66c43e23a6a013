// The fake Telegram Bot API: a real HTTP server telegraf talks to, plus a test-side API to play users.
export { FakeBotApi, type FakeBotApiStats } from './fake-bot-api.js';
export { FAKE_BOT_TOKEN, startFakeBotApi, type FakeBotApiOptions } from './start-fake-bot-api.js';
export type { RecordedCall, DuplicateDelivery } from './call-recorder.js';
export type { CallbackAnswer } from './callback-query-registry.js';
export type { Fault, RandomFaults } from './fault-injector.js';
export type { RateLimitOptions } from './rate-limiter.js';
export type { GroupLike, MessageRef, UserDocument, UserLike } from './update-factory.js';
export type { UpdateBody } from './update-queue.js';
export type { UploadedFile } from './api-params.js';
export { BotApiError } from './bot-api-error.js';
