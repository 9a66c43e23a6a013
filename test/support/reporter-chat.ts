import type { UserLike } from './fake-telegram/index.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { createInvite } from '../../src/services/invite.service.js';
import { lastText, startBotHarness, type BotHarness } from './bot-harness.js';
import { loadQuangTri } from './campaign-fixture.js';

/** A commune reporter (Lan, Phường 1 — 19333) who has joined, talking to the real bot. */
export interface ReporterChat {
  readonly clock: ManualClock;
  readonly harness: BotHarness;
  readonly lan: UserLike;
  /** Sends a text, settles everything, and returns the last text Lan received. */
  say(text: string): Promise<string>;
}

/** Loads Quảng Trị, starts the bot harness at `at`, and joins Lan with an invite. The caller closes it. */
export async function startReporterChat(db: Db, at = '2025-03-10T09:00:00+07:00'): Promise<ReporterChat> {
  const clock = new ManualClock(at);
  const campaignId = await loadQuangTri(db);
  const harness = await startBotHarness(db, clock);
  const { code } = await createInvite(
    db,
    { campaignId, unitCode: '19333', role: 'reporter', uses: 1, validDays: 30, createdBy: 'test' },
    clock,
  );
  const lan = harness.api.user(501, { firstName: 'Lan' });
  const say = async (text: string) => {
    harness.api.sendText(lan, text);
    await harness.settle();
    return lastText(harness.api, lan.id);
  };
  await say(`/start ${code}`);
  return { clock, harness, lan, say };
}
