/** Telegram's flood limits as the sender applies them. */
export interface SendLimits {
  /** Messages per second across all chats (Telegram: about 30). */
  readonly globalPerSecond: number;
  /** Sustained messages per second to one private chat (Telegram: about 1). */
  readonly perChatPerSecond: number;
  /** Messages a private chat may get at once before the per-second rate applies (Telegram allows short bursts). */
  readonly perChatBurst: number;
  /** Messages per minute to one group (Telegram: 20). */
  readonly perGroupPerMinute: number;
  /** Added to every window as a safety margin (sends already count from their answer, see SendWindow). */
  readonly marginMs: number;
}

/** A granted send: settle it once Telegram has answered. */
export interface SendPermit {
  /** Telegram took the call (or may have): it counts from now. */
  complete(): void;
  /** Telegram refused it (429, 5xx): it does not count. */
  refund(): void;
}

/**
 * A sliding window that counts a send from the moment its answer arrives, and a send still in flight
 * as happening now: Telegram counts a request when it arrives, somewhere between the two, so counting it
 * at the answer keeps the sender's window ending after Telegram's, whatever the network's delays.
 */
class SendWindow {
  readonly #stamps: number[] = [];
  #inFlight = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  waitMs(now: number): number {
    const stamps = this.#stamps;
    while (stamps.length > 0 && (stamps[0] ?? 0) <= now - this.windowMs) stamps.shift();
    if (stamps.length + this.#inFlight < this.limit) return 0;
    // Full with sends still unanswered: look again shortly.
    if (this.#inFlight >= this.limit) return 10;
    const oldest = stamps[stamps.length - (this.limit - this.#inFlight)] ?? now;
    return Math.max(1, oldest + this.windowMs - now);
  }

  start(): void {
    this.#inFlight += 1;
  }

  end(now: number | undefined): void {
    this.#inFlight -= 1;
    if (now !== undefined) this.#stamps.push(now);
  }

  idleSince(now: number): boolean {
    return this.#inFlight === 0 && (this.#stamps.at(-1) ?? 0) <= now - this.windowMs;
  }
}

interface PrivateChat {
  tokens: number;
  filledAt: number;
}

/**
 * Counts sends against the three limits on the sender's time source (`now`, in milliseconds): real time
 * in production, where flood limits are physical time (a SOHOA_NOW clock is shifted but runs at real
 * speed), and the virtual clock in tests, so that stepping is deterministic. Private chats are told apart
 * from groups by the sign of the id, as Telegram does. It only answers and counts: the sender decides
 * whether to wait or to requeue.
 */
export class SendRateLimiter {
  readonly #global: SendWindow;
  readonly #groups = new Map<string, SendWindow>();
  readonly #privates = new Map<string, PrivateChat>();

  constructor(
    private readonly limits: SendLimits,
    private readonly now: () => number,
  ) {
    this.#global = new SendWindow(limits.globalPerSecond, 1000 + limits.marginMs);
  }

  /** Milliseconds until the chat's own limit admits one more send (0: now). */
  chatWaitMs(target: SendTarget): number {
    const now = this.now();
    if (target.kind === 'group') return this.#groups.get(target.key)?.waitMs(now) ?? 0;
    const chat = this.#privates.get(target.key);
    if (!chat) return 0;
    this.#refill(chat, now);
    const short = 1 - chat.tokens;
    return short <= 0 ? 0 : (short * 1000) / this.limits.perChatPerSecond + this.limits.marginMs;
  }

  /** Milliseconds until the overall limit admits one more send (0: now). */
  globalWaitMs(): number {
    return this.#global.waitMs(this.now());
  }

  /** Counts one send to the chat, starting now. Call only when both waits are 0. */
  take(target: SendTarget): SendPermit {
    const now = this.now();
    this.#forgetIdle(now);
    this.#global.start();
    let group: SendWindow | undefined;
    let chat: PrivateChat | undefined;
    if (target.kind === 'private') {
      chat = this.#privates.get(target.key) ?? { tokens: this.limits.perChatBurst, filledAt: now };
      this.#privates.set(target.key, chat);
      this.#refill(chat, now);
      chat.tokens -= 1;
    } else {
      group =
        this.#groups.get(target.key) ??
        new SendWindow(this.limits.perGroupPerMinute, 60_000 + this.limits.marginMs);
      this.#groups.set(target.key, group);
      group.start();
    }
    let settled = false;
    const settle = (counted: boolean) => {
      if (settled) return;
      settled = true;
      const at = counted ? this.now() : undefined;
      this.#global.end(at);
      group?.end(at);
      if (chat && !counted) chat.tokens = Math.min(this.limits.perChatBurst, chat.tokens + 1);
    };
    return { complete: () => settle(true), refund: () => settle(false) };
  }

  #refill(chat: PrivateChat, now: number): void {
    const earned = ((now - chat.filledAt) / 1000) * this.limits.perChatPerSecond;
    chat.tokens = Math.min(this.limits.perChatBurst, chat.tokens + earned);
    chat.filledAt = now;
  }

  /** Forgets idle chats now and then, so that a long-running sender's memory stays bounded. */
  #forgetIdle(now: number): void {
    if (this.#privates.size + this.#groups.size < 50_000) return;
    for (const [id, chat] of this.#privates) {
      this.#refill(chat, now);
      if (chat.tokens >= this.limits.perChatBurst) this.#privates.delete(id);
    }
    for (const [id, group] of this.#groups) if (group.idleSince(now)) this.#groups.delete(id);
  }
}

/**
 * The chat a send goes to, as the limits see it: a key unique across platforms and whether it is one
 * person or a group (platforms limit the two differently; the channel knows which is which).
 */
export interface SendTarget {
  readonly key: string;
  readonly kind: 'private' | 'group';
}
