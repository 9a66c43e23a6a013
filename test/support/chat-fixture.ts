import type { UserLike } from './fake-telegram/index.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import type { Role } from '../../src/domain/role.js';
import { pressThrough, sayThrough, startBotHarness, type BotHarness } from './bot-harness.js';
import { inviteCode, loadQuangTri } from './campaign-fixture.js';

/** The Quảng Trị campaign loaded, the real bot against the fake Bot API, and ways to talk to it. */
export interface ChatFixture {
  readonly clock: ManualClock;
  readonly campaignId: number;
  readonly harness: BotHarness;
  /** A fresh one-use invite code for a unit and role. */
  invite(unitCode: string, role?: Role): Promise<string>;
  /** Joins `user` with a fresh invite; returns the user. */
  join<U extends UserLike>(user: U, unitCode: string, role?: Role): Promise<U>;
  /** Sends a text from `from`, settles everything, and returns the last text `from` received. */
  sayAs(from: UserLike, text: string): Promise<string>;
  /** Presses the button of `from`'s last message whose data starts with `prefix` (e.g. 'rh:a'). */
  pressAs(from: UserLike, prefix: string): Promise<string>;
}

/** Loads Quảng Trị and starts the bot harness at `at`. The caller closes the harness. */
export async function startChat(
  db: Db,
  at = '2025-03-10T09:00:00+07:00',
  options: { webBaseUrl?: string } = {},
): Promise<ChatFixture> {
  const clock = new ManualClock(at);
  const campaignId = await loadQuangTri(db);
  const harness = await startBotHarness(db, clock, options);
  const invite = (unitCode: string, role: Role = 'reporter') =>
    inviteCode(db, clock, campaignId, unitCode, role);
  const sayAs = (from: UserLike, text: string) => sayThrough(harness, from, text);
  const join = async <U extends UserLike>(user: U, unitCode: string, role: Role = 'reporter') => {
    await sayAs(user, `/start ${await invite(unitCode, role)}`);
    return user;
  };
  const pressAs = (from: UserLike, prefix: string) => pressThrough(harness, from, prefix);
  return { clock, campaignId, harness, invite, join, sayAs, pressAs };
}

/** A commune reporter (Lan, Phường 1 — 19333) who has joined, and `say` for her messages. */
export interface ReporterChat extends ChatFixture {
  readonly lan: UserLike;
  say(text: string): Promise<string>;
}

/** `startChat`, then Lan joins Phường 1 as its reporter. */
export async function startReporterChat(db: Db, at?: string): Promise<ReporterChat> {
  const chat = await startChat(db, at);
  const lan = await chat.join(chat.harness.api.user(501, { firstName: 'Lan' }), '19333');
  return { ...chat, lan, say: (text) => chat.sayAs(lan, text) };
}
