/** Telegram's documented flood limits; any left out is not enforced. */
export interface RateLimitOptions {
  /** Messages per second across all chats (Telegram: about 30). */
  readonly globalPerSecond?: number;
  /** Messages per second to one private chat (Telegram: about 1). */
  readonly perChatPerSecond?: number;
  /** Messages per minute to one group (Telegram: 20). */
  readonly perGroupPerMinute?: number;
}

/** Sliding-window limiter: answers how many seconds to wait, or undefined when a send may go now. */
export class RateLimiter {
  readonly #global: number[] = [];
  readonly #perChat = new Map<string, number[]>();

  constructor(
    private readonly limits: RateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Admit one send to `chatId` (counting it) or return the whole seconds until it would be admitted.
   * Private chats have positive ids; groups, supergroups and `@channel` names are "groups".
   */
  tryAcquire(chatId: number | string | undefined): number | undefined {
    const now = this.now();
    const waits: number[] = [];
    const { globalPerSecond, perChatPerSecond, perGroupPerMinute } = this.limits;
    if (globalPerSecond !== undefined) waits.push(waitFor(this.#global, globalPerSecond, 1000, now));
    let chatWindow: number[] | undefined;
    if (chatId !== undefined) {
      const isPrivate = typeof chatId === 'number' && chatId > 0;
      const limit = isPrivate ? perChatPerSecond : perGroupPerMinute;
      if (limit !== undefined) {
        chatWindow = this.#window(String(chatId));
        waits.push(waitFor(chatWindow, limit, isPrivate ? 1000 : 60_000, now));
      }
    }
    const waitMs = Math.max(0, ...waits);
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    if (globalPerSecond !== undefined) this.#global.push(now);
    chatWindow?.push(now);
    return undefined;
  }

  #window(key: string): number[] {
    let window = this.#perChat.get(key);
    if (window === undefined) {
      window = [];
      this.#perChat.set(key, window);
    }
    return window;
  }
}

/** Drop stamps older than the window; if full, the wait until the oldest leaves it. */
function waitFor(stamps: number[], limit: number, windowMs: number, now: number): number {
  while (stamps.length > 0 && (stamps[0] ?? 0) <= now - windowMs) stamps.shift();
  if (stamps.length < limit) return 0;
  const oldest = stamps[stamps.length - limit] ?? now;
  return oldest + windowMs - now;
}
