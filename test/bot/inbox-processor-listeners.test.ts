import { getEventListeners } from 'node:events';
import { expect, it } from 'vitest';
import { createChatBot } from '../../src/bot/chat-bot.js';
import { InboxProcessor } from '../../src/bot/inbox-processor.js';
import { channelSet } from '../../src/channels/channel.js';
import { createLogger } from '../../src/config/logger.js';
import { ManualClock } from '../../src/domain/clock.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { PlainChannel } from '../support/plain-channel.js';
import { describeEachDatabase } from '../support/test-database.js';

/** Counts the loop's passes, so the test can tell that a wake-up was taken. */
class CountingProcessor extends InboxProcessor {
  passes = 0;
  override async processOne(): Promise<boolean> {
    this.passes++;
    return super.processOne();
  }
}

/** Yields to the event loop until `check` holds: waits on state, never on a fixed time. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 200_000) throw new Error('the processor loop did not move');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describeEachDatabase('the inbox processor loop', (database) => {
  it('keeps one abort listener at most, however often it is woken while idle', async () => {
    const { db } = database();
    await loadQuangTri(db);
    const logger = createLogger('silent');
    const processor = new CountingProcessor({
      db,
      channels: channelSet(new PlainChannel()),
      bot: createChatBot({ logger }),
      campaign: await getCampaign(db),
      clock: new ManualClock('2025-03-10T09:00:00+07:00'),
      logger,
    });
    const stop = new AbortController();
    // An idle period far longer than the test: only notify() can wake the loop.
    const running = processor.run(stop.signal, 3_600_000);
    const WAKE_UPS = 150;
    for (let i = 0; i < WAKE_UPS; i++) {
      const before = processor.passes;
      // notify() only wakes a loop that is already waiting: keep nudging until the next pass starts.
      await until(() => {
        processor.notify();
        return processor.passes > before;
      });
    }
    // Back to waiting after the last pass: exactly one wait is pending, with its one listener.
    await until(() => getEventListeners(stop.signal, 'abort').length > 0);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(1);
    stop.abort();
    await running;
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
    expect(processor.passes).toBeGreaterThan(WAKE_UPS);
  });
});
