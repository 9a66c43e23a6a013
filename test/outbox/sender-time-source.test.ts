import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../../src/domain/clock.js';
import { SenderActivity } from '../../src/outbox/sender-activity.js';
import { senderTimeSource } from '../../src/outbox/sender-time-source.js';

describe("the sender's time source", () => {
  it('is the manual clock itself in tests: sleepers wake when the clock is moved past them', async () => {
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    expect(senderTimeSource(clock)).toBe(clock);
    const woke: string[] = [];
    const a = clock.sleep(1000).then(() => woke.push('a'));
    const b = clock.sleep(300).then(() => woke.push('b'));
    expect(clock.nextWakeAt()?.getTime()).toBe(Date.parse('2025-03-10T16:00:00.300+07:00'));
    clock.advance(299);
    await Promise.resolve();
    expect(woke).toEqual([]);
    clock.advance(1);
    await b;
    expect(woke).toEqual(['b']);
    clock.set('2025-03-10T16:00:05+07:00');
    await a;
    expect(woke).toEqual(['b', 'a']);
    expect(clock.nextWakeAt()).toBeUndefined();
  });

  it('gives up a sleep on abort, and forgets the sleeper', async () => {
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const stop = new AbortController();
    const sleeping = clock.sleep(1000, stop.signal);
    stop.abort();
    await expect(sleeping).rejects.toThrow();
    expect(clock.nextWakeAt()).toBeUndefined();
    await expect(clock.sleep(10, stop.signal)).rejects.toThrow();
  });

  it('waits on real timers beside a clock that cannot sleep (production)', async () => {
    const time = senderTimeSource(systemClock);
    expect(time).not.toBe(systemClock);
    await time.sleep(1);
    const stop = new AbortController();
    stop.abort();
    await expect(time.sleep(60_000, stop.signal)).rejects.toThrow();
  });
});

describe('the sender activity a stepper reads', () => {
  it('tells when every running delivery only waits for time', async () => {
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const activity = new SenderActivity();
    let allWaiting = false;
    let finishWork: () => void = () => undefined;
    const work = new Promise<void>((resolve) => (finishWork = resolve));
    const waiter = activity.running(() => activity.waiting(clock.sleep(500)));
    const worker = activity.running(() => work);
    const stalled = activity.allWaiting().then(() => (allWaiting = true));
    await Promise.resolve();
    expect(allWaiting).toBe(false); // one delivery is still busy (a request, a query)
    finishWork();
    await worker;
    await stalled;
    expect(allWaiting).toBe(true);
    clock.advance(500);
    await waiter;
    activity.held(new Date(5));
    activity.held(new Date(3));
    expect(activity.heldUntil()?.getTime()).toBe(5);
  });
});
