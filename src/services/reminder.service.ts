import type { Campaign } from '../domain/campaign.js';
import { addDays, daysBetween } from '../domain/local-time.js';
import type { SilentUnit } from '../domain/reminder-notice.js';
import type { Db } from '../db/database.js';
import { listCommuneLastReports, type CommuneLastReport } from '../db/reminder.repository.js';
import { listUnitsWithTargets } from '../db/unit.repository.js';
import {
  activeMembersByUnit,
  messagesTo,
  type PlannedMessage,
  type ReminderPlan,
} from './reminder-recipients.service.js';

/**
 * The afternoon call (nhac-bao-cao): every active reporter of a commune that has no report for `date`
 * yet. Communes without a reporter in the bot are counted, not reminded.
 */
export async function planReportCall(db: Db, campaign: Campaign, date: string): Promise<ReminderPlan> {
  const communes = await listCommuneLastReports(db, campaign.id, date);
  const missing = communes.filter((c) => c.last_date !== date);
  const reporters = await activeMembersByUnit(db, campaign.id, 'reporter');
  const messages: PlannedMessage[] = [];
  const reminded: string[] = [];
  for (const commune of missing) {
    const members = reporters.get(commune.id) ?? [];
    if (members.length === 0) continue;
    reminded.push(commune.code);
    messages.push(
      ...messagesTo(members, {
        kind: 'report_call',
        unitName: commune.name,
        date,
        cutoff: campaign.settings.reportCutoff,
      }),
    );
  }
  return {
    messages,
    units: reminded.length,
    details: {
      date,
      missingUnits: missing.length,
      unitsWithoutReporter: missing.length - reminded.length,
      unitCodes: reminded,
    },
  };
}

/** Consecutive days up to `yesterday` without a report, counted from the campaign's first day at most. */
function silentDays(commune: CommuneLastReport, yesterday: string, startDate: string): number {
  const since = commune.last_date !== null && commune.last_date >= startDate ? commune.last_date : null;
  return since === null ? daysBetween(startDate, yesterday) + 1 : daysBetween(since, yesterday);
}

/**
 * The morning note (thieu-bao-cao) for `date`: reporters of communes with no report for the day before
 * get a note; communes silent for `escalateAfterDays` days in a row are listed, one message per
 * coordinator, to the coordinators of the nearest unit above them that has any: their district or
 * cluster's, else the province's (on the two-level map, always the province's).
 */
export async function planMissedReports(db: Db, campaign: Campaign, date: string): Promise<ReminderPlan> {
  const { settings } = campaign;
  const yesterday = addDays(date, -1);
  if (yesterday < settings.startDate) return { messages: [], units: 0, details: { yesterday } };
  const communes = await listCommuneLastReports(db, campaign.id, yesterday);
  const silent = communes
    .map((c) => ({ commune: c, days: silentDays(c, yesterday, settings.startDate) }))
    .filter((s) => s.days >= 1);
  const reporters = await activeMembersByUnit(db, campaign.id, 'reporter');
  const messages: PlannedMessage[] = [];
  const noted: string[] = [];
  for (const { commune, days } of silent) {
    const members = reporters.get(commune.id) ?? [];
    if (members.length === 0) continue;
    noted.push(commune.code);
    messages.push(
      ...messagesTo(members, {
        kind: 'missed_yesterday',
        unitName: commune.name,
        yesterday,
        silentDays: days,
        cutoff: settings.reportCutoff,
      }),
    );
  }

  const escalating = silent.filter(({ days }) => days >= settings.reminders.escalateAfterDays);
  const coordinators = await activeMembersByUnit(db, campaign.id, 'coordinator');
  const parentOf =
    escalating.length > 0
      ? new Map((await listUnitsWithTargets(db, campaign.id)).map((u) => [u.id, u.parent_id]))
      : new Map<number, number | null>();
  const byScope = new Map<number, SilentUnit[]>();
  let unanswered = 0;
  for (const { commune, days } of escalating) {
    const scopeId = nearestWith(commune.parent_id, parentOf, (id) => coordinators.has(id));
    if (scopeId === null) {
      unanswered += 1;
      continue;
    }
    const lines = byScope.get(scopeId) ?? [];
    lines.push({ name: commune.name, code: commune.code, silentDays: days, lastDate: commune.last_date });
    byScope.set(scopeId, lines);
  }
  const escalatedUnits: string[] = [];
  for (const [scopeId, lines] of byScope) {
    const members = coordinators.get(scopeId) ?? [];
    escalatedUnits.push(...lines.map((l) => l.code));
    const scopeName = members[0]?.unit_name ?? '';
    messages.push(...messagesTo(members, { kind: 'escalation', scopeName, yesterday, units: lines }));
  }
  return {
    messages,
    units: new Set([...noted, ...escalatedUnits]).size,
    details: {
      yesterday,
      missingUnits: silent.length,
      notedUnits: noted.length,
      escalatedUnits: escalatedUnits.length,
      escalationsWithoutCoordinator: unanswered,
      unitCodes: noted,
      escalatedUnitCodes: escalatedUnits,
    },
  };
}

/** The first unit from `start` upwards that `has` accepts, or null; bounded so a corrupted cycle ends. */
function nearestWith(
  start: number | null,
  parentOf: ReadonlyMap<number, number | null>,
  has: (unitId: number) => boolean,
): number | null {
  let id = start;
  for (let depth = 0; id !== null && depth <= parentOf.size; depth++) {
    if (has(id)) return id;
    id = parentOf.get(id) ?? null;
  }
  return null;
}
