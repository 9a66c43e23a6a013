import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/outbox/retry-backoff.js';
import { SendRateLimiter, type SendLimits, type SendTarget } from '../../src/outbox/send-rate-limiter.js';

/** Telegram's convention in these tests: people have positive ids, groups negative ones. */
const chat = (id: string): SendTarget => ({ key: id, kind: /^\d+$/.test(id) ? 'private' : 'group' });

const LIMITS: SendLimits = {
  globalPerSecond: 30,
  perChatPerSecond: 1,
  perChatBurst: 3,
  perGroupPerMinute: 20,
  marginMs: 25,
};

function limiterAt(start = 1000) {
  let now = start;
  const limiter = new SendRateLimiter(LIMITS, () => now);
  return { limiter, advance: (ms: number) => (now += ms) };
}

describe('the sender rate limiter', () => {
  it('admits 30 sends per second overall, counting each from its answer', () => {
    const { limiter, advance } = limiterAt();
    const permits = [];
    for (let i = 0; i < 30; i++) {
      expect(limiter.globalWaitMs()).toBe(0);
      permits.push(limiter.take(chat(String(100 + i))));
    }
    // All 30 unanswered: nothing can be said about when the window frees, so look again soon.
    expect(limiter.globalWaitMs()).toBe(10);
    advance(40);
    permits.forEach((p) => p.complete());
    expect(limiter.globalWaitMs()).toBe(1025);
    advance(1024);
    expect(limiter.globalWaitMs()).toBe(1);
    advance(1);
    expect(limiter.globalWaitMs()).toBe(0);
  });

  it('lets a private chat have a short burst, then one message per second', () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 3; i++) {
      expect(limiter.chatWaitMs(chat('42'))).toBe(0);
      limiter.take(chat('42')).complete();
    }
    expect(limiter.chatWaitMs(chat('42'))).toBe(1025);
    expect(limiter.chatWaitMs(chat('43'))).toBe(0);
    advance(1000);
    expect(limiter.chatWaitMs(chat('42'))).toBe(0);
    limiter.take(chat('42')).complete();
    expect(limiter.chatWaitMs(chat('42'))).toBeGreaterThan(1000);
  });

  it('lets a group have 20 messages a minute', () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 20; i++) {
      expect(limiter.chatWaitMs(chat('-100500'))).toBe(0);
      limiter.take(chat('-100500')).complete();
      advance(100);
    }
    expect(limiter.chatWaitMs(chat('-100500'))).toBe(60_025 - 2000);
    advance(60_025 - 2000);
    expect(limiter.chatWaitMs(chat('-100500'))).toBe(0);
  });

  it('gives back a send Telegram refused', () => {
    const { limiter } = limiterAt();
    const permits = Array.from({ length: 30 }, (_, i) => limiter.take(chat(String(i + 1))));
    permits.slice(0, 29).forEach((p) => p.complete());
    expect(limiter.globalWaitMs()).toBeGreaterThan(0);
    permits[29]?.refund();
    permits[29]?.complete(); // settled once only
    expect(limiter.globalWaitMs()).toBe(0);
    limiter.take(chat('77')).complete();
    expect(limiter.globalWaitMs()).toBeGreaterThan(0);
    const burst = Array.from({ length: 3 }, () => limiter.take(chat('500')));
    expect(limiter.chatWaitMs(chat('500'))).toBeGreaterThan(0);
    burst[0]?.refund();
    expect(limiter.chatWaitMs(chat('500'))).toBe(0);
  });

  it('keeps the same chat id on two platforms apart', () => {
    const limiter = new SendRateLimiter({ ...LIMITS, perChatBurst: 1 }, () => 0);
    limiter.take({ key: 'telegram:42', kind: 'private' }).complete();
    expect(limiter.chatWaitMs({ key: 'telegram:42', kind: 'private' })).toBeGreaterThan(0);
    expect(limiter.chatWaitMs({ key: 'zalo-bot:42', kind: 'private' })).toBe(0);
  });

  it('backs off exponentially with jitter, capped', () => {
    const options = { backoffMs: 1000, maxBackoffMs: 60_000 };
    expect(retryDelayMs(1, options, () => 0.5)).toBe(1000);
    expect(retryDelayMs(3, options, () => 0.5)).toBe(4000);
    expect(retryDelayMs(3, options, () => 0)).toBe(2000);
    expect(retryDelayMs(3, options, () => 0.999)).toBe(5996);
    expect(retryDelayMs(30, options, () => 0.5)).toBe(60_000);
  });
});
