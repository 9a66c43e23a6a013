import type { Update } from 'telegraf/types';

/** An update without its id: the queue numbers it. */
export type UpdateBody = Update extends infer U ? (U extends Update ? Omit<U, 'update_id'> : never) : never;

// Telegram leaves these out when allowed_updates is empty; they must be asked for by name.
const OPT_IN_TYPES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/** The kind of an update: its one key besides update_id. */
export function updateType(update: Update): string {
  return Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
}

/**
 * Updates Telegram holds for the bot until confirmed: numbered in order, confirmed by a getUpdates
 * offset (or by a 2xx from the webhook), filtered by the last allowed_updates the bot sent.
 */
export class UpdateQueue {
  #pending: Update[] = [];
  #nextId: number;
  #allowed: ReadonlySet<string> | undefined;
  readonly #waiters = new Set<() => void>();

  constructor(firstUpdateId = 1) {
    this.#nextId = firstUpdateId;
  }

  /** Number an update and hold it; wakes long polls. Dropped (never created) if not allowed. */
  push(body: UpdateBody): Update {
    const update = { update_id: this.#nextId, ...body } as Update;
    this.#nextId += 1;
    if (this.#isAllowed(update)) {
      this.#pending.push(update);
      this.wake();
    }
    return update;
  }

  /** Remember the bot's allowed_updates; an empty list means Telegram's default set. */
  setAllowed(types: readonly string[] | undefined): void {
    if (types === undefined) return; // omitted: keep the previous setting, as Telegram does
    this.#allowed = types.length === 0 ? undefined : new Set(types);
    this.#pending = this.#pending.filter((update) => this.#isAllowed(update));
  }

  /**
   * getUpdates semantics: a positive offset confirms (drops) every update below it; a negative one
   * keeps only the last |offset|. Returns up to `limit` held updates from the offset on.
   */
  take(offset: number | undefined, limit: number): Update[] {
    if (offset !== undefined && offset < 0) {
      this.#pending = this.#pending.slice(offset);
    } else if (offset !== undefined && offset > 0) {
      this.confirmBelow(offset);
    }
    return this.#pending.slice(0, limit);
  }

  /** Drop every update with an id below `offset`. */
  confirmBelow(offset: number): void {
    this.#pending = this.#pending.filter((update) => update.update_id >= offset);
  }

  /** The oldest held update (the webhook's next delivery). */
  peek(): Update | undefined {
    return this.#pending[0];
  }

  /** Drop one update (delivered to the webhook, or given up on). */
  remove(updateId: number): void {
    this.#pending = this.#pending.filter((update) => update.update_id !== updateId);
  }

  /** drop_pending_updates. */
  clear(): void {
    this.#pending = [];
  }

  /** How many updates are held (getWebhookInfo's pending_update_count). */
  get size(): number {
    return this.#pending.length;
  }

  /** Resolve when an update arrives, `wake()` is called, `ms` pass, or `signal` aborts. */
  waitForUpdate(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.#waiters.add(done);
    });
  }

  /** Release every waiting long poll (a new update, a competing poll, or shutdown). */
  wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }

  #isAllowed(update: Update): boolean {
    const type = updateType(update);
    return this.#allowed === undefined ? !OPT_IN_TYPES.has(type) : this.#allowed.has(type);
  }
}
