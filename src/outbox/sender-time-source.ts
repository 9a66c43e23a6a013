import { setTimeout as delay } from 'node:timers/promises';
import type { Clock, TimeSource } from '../domain/clock.js';

/**
 * The sender's one time source: the injected clock, with its own waits when it has them (a ManualClock in
 * tests and the demo, so limits, backoff and due times all move on virtual time), else real timers beside
 * the clock's `now` (production: real time, or the SOHOA_NOW-shifted clock, which runs at real speed).
 */
export function senderTimeSource(clock: Clock | TimeSource): TimeSource {
  if ('sleep' in clock && typeof clock.sleep === 'function') return clock;
  return {
    now: () => clock.now(),
    sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {}),
  };
}
