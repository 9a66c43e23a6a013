import type { SendPermit, SendRateLimiter, SendTarget } from './send-rate-limiter.js';

/** Whether a message may go now: yes (with the permit counted), later (requeue it), or stopped. */
export type GateResult =
  | { readonly kind: 'go'; readonly permit: SendPermit }
  | { readonly kind: 'later'; readonly waitMs: number }
  | { readonly kind: 'stopped' };

/** Waits `ms` on the sender's time source (the same one the limiter reads); rejects on abort. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Waits, in the process, for the limits to admit a send to `target`, as long as the chat's own wait is
 * at most `maxWaitMs`; a longer one (a busy group, Telegram's retry_after) is the queue's business, so
 * that the message does not sit on a lease. `sleep` must run on the limiter's time.
 */
export async function passSendGate(
  limiter: SendRateLimiter,
  target: SendTarget,
  maxWaitMs: number,
  sleep: Sleep,
  signal?: AbortSignal,
): Promise<GateResult> {
  for (;;) {
    if (signal?.aborted) return { kind: 'stopped' };
    const chatWait = limiter.chatWaitMs(target);
    if (chatWait > maxWaitMs) return { kind: 'later', waitMs: chatWait };
    const wait = Math.max(chatWait, limiter.globalWaitMs());
    if (wait <= 0) return { kind: 'go', permit: limiter.take(target) };
    try {
      await sleep(Math.ceil(wait), signal);
    } catch {
      return { kind: 'stopped' };
    }
  }
}
