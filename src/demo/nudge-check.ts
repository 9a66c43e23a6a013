import type { Campaign } from '../domain/campaign.js';
import { addDays } from '../domain/local-time.js';
import { isBehindPlan, paceOf, paceRulesOf, stepPlan } from '../domain/pace.js';
import { judgedDate, reportingMoment } from '../domain/plan.js';
import { findBroadcast } from '../db/broadcast.repository.js';
import type { Db } from '../db/database.js';
import { findUnitByCode } from '../db/unit.repository.js';
import { formatTime } from '../messages/vi-format.js';
import { getScopeProgress } from '../services/progress.service.js';
import { activeMembersByUnit } from '../services/reminder-recipients.service.js';

/**
 * Who `/nhacnho cham` must reach, worked out just before the coordinator sends it: every commune in the
 * scope whose pace is behind the plan — judged by the domain's own rule (before the cut-off, a commune
 * that has not reported today against yesterday's plan) — and that has someone to receive the message.
 */
export interface NudgeExpectation {
  readonly date: string;
  /** Local HH:MM of the moment the bot judged. */
  readonly time: string;
  readonly afterCutoff: boolean;
  /** Behind communes with an active reporter, by unit id → name. */
  readonly behind: ReadonlyMap<number, string>;
  /** Every commune of the scope, unit id → name (to name one reached by mistake). */
  readonly names: ReadonlyMap<number, string>;
  /** Of those, how many were judged against yesterday's plan (not reported today, before the cut-off). */
  readonly judgedOnYesterday: number;
  /** Behind communes nobody could receive a message for (no active reporter yet). */
  readonly unreachable: number;
  /** How many reachable communes today's plan would have called behind (what the old rule reached). */
  readonly behindOnTodaysPlan: number;
}

/** The outcome of one `/nhacnho cham`: whom it reached against whom it should have. */
export interface NudgeCheck extends Omit<NudgeExpectation, 'behind' | 'names'> {
  readonly expected: number;
  /** Communes among the broadcast's recipients (0 when the bot found nobody to reach). */
  readonly reached: number;
  /** Reached though not behind, and behind though not reached (names). */
  readonly extra: readonly string[];
  readonly missed: readonly string[];
  readonly ok: boolean;
}

/** Reads the scope's standings at `now` and judges each commune with the domain's plan and pace rules. */
export async function expectNudge(
  db: Db,
  campaign: Campaign,
  scopeCode: string,
  date: string,
  now: Date,
): Promise<NudgeExpectation> {
  const { settings } = campaign;
  const scope = await findUnitByCode(db, campaign.id, scopeCode);
  if (!scope) throw new Error(`unit ${scopeCode} is not in campaign ${settings.code}`);
  const progress = await getScopeProgress(db, campaign, scope.id, date, now);
  const reporters = await activeMembersByUnit(db, campaign.id, 'reporter');
  const rules = paceRulesOf(settings);
  const moment = reportingMoment(date, now, settings);
  const behind = new Map<number, string>();
  let judgedOnYesterday = 0;
  let unreachable = 0;
  let behindOnTodaysPlan = 0;
  for (const s of progress.standings) {
    const cases = s.target?.cases ?? 0;
    const reportedToday = s.timing !== 'missing';
    const judgedOn = judgedDate(moment, reportedToday);
    const pace = paceOf(
      s.figures.attached,
      cases,
      stepPlan(rules.calendar, rules.deadline, judgedOn),
      rules.thresholds,
    );
    const reachable = (reporters.get(s.unitId) ?? []).length > 0;
    if (
      reachable &&
      isBehindPlan(
        paceOf(s.figures.attached, cases, stepPlan(rules.calendar, rules.deadline, date), rules.thresholds),
      )
    )
      behindOnTodaysPlan += 1;
    if (!isBehindPlan(pace)) continue;
    if (!reachable) {
      unreachable += 1;
      continue;
    }
    behind.set(s.unitId, s.name);
    if (judgedOn === addDays(date, -1)) judgedOnYesterday += 1;
  }
  const names = new Map(progress.standings.map((s) => [s.unitId, s.name]));
  return {
    date,
    time: formatTime(now, settings.timeZone),
    afterCutoff: moment.afterCutoff,
    behind,
    names,
    judgedOnYesterday,
    unreachable,
    behindOnTodaysPlan,
  };
}

/** Compares the communes a broadcast stored as its recipients with the expectation (no broadcast: none). */
export async function checkNudge(
  db: Db,
  expectation: NudgeExpectation,
  broadcastId: number | undefined,
): Promise<NudgeCheck> {
  const row = broadcastId === undefined ? undefined : await findBroadcast(db, broadcastId);
  const reached = new Set((row?.recipients ?? []).map((r) => r.unitId));
  const { behind, names, ...rest } = expectation;
  const extra = [...reached].filter((id) => !behind.has(id)).map((id) => names.get(id) ?? `#${id}`);
  const missed = [...behind].filter(([id]) => !reached.has(id)).map(([, name]) => name);
  return {
    ...rest,
    expected: behind.size,
    reached: reached.size,
    extra,
    missed,
    ok: extra.length === 0 && missed.length === 0,
  };
}
