// Zalo's interaction window for Official Accounts (policy since 2026-01-01): a send within 48 hours of the
// person's last message to the OA is free, a later one is billed, and after 7 days of silence (or if the
// person never wrote) Zalo refuses it. These rules decide what a send costs before Zalo says so, when to
// send so that it stays free, and when to ask a short question before the window shuts for good.

const HOUR_MS = 3_600_000;

/** Sends within this time of the person's last message are free. */
export const FREE_WINDOW_MS = 48 * HOUR_MS;
/** After this much silence Zalo refuses every send (-230). */
export const REACHABLE_MS = 7 * 24 * HOUR_MS;
/** How long before the 7 days run out the person gets a short question that keeps the window open. */
export const NEARING_SILENCE_MS = 24 * HOUR_MS;

/** What one send costs, or that it cannot be made. */
export type OaSendCost = 'free' | 'billed' | 'refused';

/** What a send at `at` costs for a person who last wrote at `lastInbound` (undefined: never wrote). */
export function oaSendCost(lastInbound: Date | undefined, at: Date): OaSendCost {
  if (lastInbound === undefined) return 'refused';
  const silence = at.getTime() - lastInbound.getTime();
  if (silence <= FREE_WINDOW_MS) return 'free';
  return silence <= REACHABLE_MS ? 'billed' : 'refused';
}

/**
 * When a planned message (a reminder) should go so that it stays free: at `planned` when the window is
 * still open then; else as late as possible before the window closes (`margin` before it), but never
 * before `earliest` (no reminder at night or before the day's work) — if that is impossible, at `planned`
 * (it will be billed, or refused when the person has been silent too long).
 */
export function freeWindowSendTime(args: {
  readonly lastInbound: Date | undefined;
  readonly planned: Date;
  readonly earliest: Date;
  readonly marginMs?: number;
}): Date {
  const { lastInbound, planned, earliest } = args;
  if (lastInbound === undefined || oaSendCost(lastInbound, planned) === 'free') return planned;
  const closes = lastInbound.getTime() + FREE_WINDOW_MS - (args.marginMs ?? 15 * 60_000);
  if (closes >= earliest.getTime() && closes < planned.getTime()) return new Date(closes);
  return planned;
}

/**
 * Whether a person should get the short "still there?" question at `at`: silent long enough that the
 * 7 days run out within the next day, and not yet past them. A daily run meets each silence once.
 */
export function nearingSilence(lastInbound: Date, at: Date): boolean {
  const silence = at.getTime() - lastInbound.getTime();
  return silence > REACHABLE_MS - NEARING_SILENCE_MS && silence <= REACHABLE_MS;
}
