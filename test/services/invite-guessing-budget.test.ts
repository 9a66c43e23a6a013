import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { createInvite } from '../../src/services/invite.service.js';
import { lastText, startBotHarness } from '../support/bot-harness.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

const ACCOUNTS = 30;
const GUESSES_EACH = 5;
// The campaign's default `inviteGuessesPerHour`.
const BUDGET = 50;
const REFUSED_FOR_ALL = 'tạm ngừng nhận mã mời';
const ALERT = 'có thể có người đang dò mã';

describeEachDatabase('guessing invite codes from many accounts', (database) => {
  it('refuses every code for everyone past the hourly budget, tells the coordinator once, reopens next hour', async () => {
    const { db } = database();
    // 09:05: the hour's budget is counted from 09:00, and 10:00 opens a new one.
    const clock = new ManualClock('2025-03-10T09:05:00+07:00');
    const campaignId = await loadQuangTri(db);
    const harness = await startBotHarness(db, clock);
    const invite = (unitCode: string, role: 'reporter' | 'coordinator') =>
      createInvite(db, { campaignId, unitCode, role, uses: 1, validDays: 30, createdBy: 'test' }, clock).then(
        (i) => i.code,
      );
    const { api } = harness;
    const say = async (from: ReturnType<typeof api.user>, text: string) => {
      api.sendText(from, text);
      await harness.settle();
      return lastText(api, from.id);
    };
    try {
      const coordinator = api.user(900, { firstName: 'Hà', lastName: 'Sở Tư pháp' });
      expect(await say(coordinator, `/start ${await invite('45', 'coordinator')}`)).toContain('Chào');

      // 30 accounts × 5 wrong codes each: under the per-account throttle, over the campaign's budget.
      const answers: string[] = [];
      for (let guess = 0; guess < GUESSES_EACH; guess++) {
        for (let i = 0; i < ACCOUNTS; i++) {
          const guesser = api.user(1000 + i);
          api.sendText(guesser, `/start ABCDE-${String(10_000 + guess * ACCOUNTS + i).slice(-5)}`);
        }
        await harness.settle();
        for (let i = 0; i < ACCOUNTS; i++) answers.push(lastText(api, 1000 + i));
      }
      const wrong = answers.filter((a) => a.includes('Mã mời không đúng')).length;
      const refused = answers.filter((a) => a.includes(REFUSED_FOR_ALL)).length;
      expect(wrong).toBe(BUDGET);
      expect(refused).toBe(ACCOUNTS * GUESSES_EACH - BUDGET);

      // A right code is refused too while the budget is spent, for a newcomer who never guessed.
      const newcomer = api.user(2000, { firstName: 'Lan' });
      const code = await invite('19333', 'reporter');
      expect(await say(newcomer, `/start ${code}`)).toContain(REFUSED_FOR_ALL);

      const alerts = api.sent.filter((c) => c.method === 'sendMessage' && c.text?.includes(ALERT));
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.chatId).toBe(900);
      expect(alerts[0]?.text).toContain(`${BUDGET} lần nhập sai`);

      // The next hour the same code works, and nothing more is said to the coordinator.
      clock.set('2025-03-10T10:00:00+07:00');
      expect(await say(newcomer, `/start ${code}`)).toContain('Chào anh/chị Lan');
      expect(api.sent.filter((c) => c.method === 'sendMessage' && c.text?.includes(ALERT))).toHaveLength(1);
    } finally {
      await harness.close();
    }
  }, 120_000);
});
