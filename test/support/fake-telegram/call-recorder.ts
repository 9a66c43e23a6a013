import type { UploadedFile } from './api-params.js';
import type { BotApiErrorBody } from './bot-api-error.js';
import { isSendMethod } from './method-kinds.js';

/** One Bot API call the bot made, with what the fake answered. */
export interface RecordedCall {
  /** 1, 2, 3… in arrival order since the server started (not reset by clear()). */
  readonly seq: number;
  readonly method: string;
  /** Parameters as sent, JSON fields decoded, uploads summarized as `{ fileName, size }`. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly chatId?: number | string;
  /** `text`, or `caption` for media. */
  readonly text?: string;
  readonly replyMarkup?: unknown;
  readonly files: readonly UploadedFile[];
  /** Wall-clock milliseconds when the call arrived. */
  readonly at: number;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: BotApiErrorBody;
}

/** A (chat, text) pair that was delivered more than once. */
export interface DuplicateDelivery {
  readonly chatId: number | string;
  readonly text: string;
  readonly count: number;
}

type Waiter = (call: RecordedCall) => boolean;

/** Keeps every call (except getUpdates polling), lets tests wait for one, and counts deliveries. */
export class CallRecorder {
  #calls: RecordedCall[] = [];
  #seq = 0;
  readonly #delivered = new Map<string, DuplicateDelivery>();
  readonly #waiters = new Set<Waiter>();

  /** Store a call and wake waiters; a successful send is also counted as delivered. */
  record(call: Omit<RecordedCall, 'seq'>): RecordedCall {
    this.#seq += 1;
    const recorded: RecordedCall = { seq: this.#seq, ...call };
    this.#calls.push(recorded);
    if (recorded.ok && isSendMethod(recorded.method) && recorded.chatId !== undefined) {
      const text =
        recorded.text ?? `[${recorded.files.map((f) => f.fileName).join(', ') || recorded.method}]`;
      const key = `${recorded.chatId}\u0000${text}`;
      const previous = this.#delivered.get(key);
      this.#delivered.set(key, { chatId: recorded.chatId, text, count: (previous?.count ?? 0) + 1 });
    }
    for (const waiter of [...this.#waiters]) waiter(recorded);
    return recorded;
  }

  /** Every recorded call since the last clear(). */
  get calls(): readonly RecordedCall[] {
    return this.#calls;
  }

  /** Forget recorded calls and the delivered log (chat history stays: it is Telegram's state). */
  clear(): void {
    this.#calls = [];
    this.#delivered.clear();
  }

  /** How many times `text` (or a caption) was successfully sent to `chatId`. */
  deliveredCount(chatId: number | string, text: string): number {
    return this.#delivered.get(`${chatId}\u0000${text}`)?.count ?? 0;
  }

  /** Every (chat, text) delivered more than once — empty when nothing was sent twice. */
  duplicateDeliveries(): DuplicateDelivery[] {
    return [...this.#delivered.values()].filter((d) => d.count > 1);
  }

  /** The first call since clear() matching `predicate`, waiting up to `timeoutMs` for it. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const existing = this.#calls.find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = (call) => {
        if (!predicate(call)) return false;
        clearTimeout(timer);
        this.#waiters.delete(waiter);
        resolve(call);
        return true;
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`waitFor: no matching call within ${timeoutMs} ms. ${this.describe()}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** A readable list of what was recorded, for failure messages. */
  describe(): string {
    if (this.#calls.length === 0) return 'Nothing was sent.';
    const lines = this.#calls.map((call) => `  #${call.seq} ${describeCall(call)}`);
    return `${this.#calls.length} call(s) recorded:\n${lines.join('\n')}`;
  }
}

/** `sendMessage chat=42 "Xin chào" → ok` style one-liner. */
export function describeCall(call: RecordedCall): string {
  const parts = [call.method];
  if (call.chatId !== undefined) parts.push(`chat=${call.chatId}`);
  if (call.text !== undefined)
    parts.push(JSON.stringify(call.text.length > 80 ? `${call.text.slice(0, 77)}...` : call.text));
  for (const file of call.files) parts.push(`file=${file.fileName}(${file.size} B)`);
  parts.push(call.ok ? '→ ok' : `→ ${call.error?.error_code ?? '?'} ${call.error?.description ?? ''}`);
  return parts.join(' ');
}
