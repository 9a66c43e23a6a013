import type { Campaign } from '../domain/campaign.js';
import { localParts } from '../domain/local-time.js';
import type { ReportRefusal } from '../domain/report-refusal.js';
import type { DayMonth } from '../domain/text-normalize.js';
import { resolveTypedDate } from '../domain/typed-date.js';
import type { Db } from '../db/database.js';
import type { MemberRow } from '../db/member.table.js';
import { findUnitAncestry, findUnitByCode } from '../db/unit.repository.js';
import type { UnitRow } from '../db/unit.table.js';

/** The unit and local date a report is for, and whether it arrived after the cut-off. */
export interface ReportTarget {
  readonly unit: UnitRow;
  readonly date: string;
  readonly late: boolean;
}

/**
 * Decides which unit and date a report is for, enforcing scope in the service (not only in the chat):
 * a reporter reports for their own commune, today; a coordinator names a commune in their scope and may
 * report for a past date.
 */
export async function resolveReportTarget(
  db: Db,
  campaign: Campaign,
  who: { member: MemberRow; unit: UnitRow },
  written: { unitCode?: string; date?: DayMonth },
  now: Date,
): Promise<{ ok: true; target: ReportTarget } | { ok: false; refusal: ReportRefusal }> {
  const { settings } = campaign;
  const local = localParts(now, settings.timeZone);
  const { member } = who;
  if (!member.active || member.role === 'leader') return { ok: false, refusal: { code: 'not_allowed' } };

  let unit = who.unit;
  if (member.role === 'coordinator') {
    if (!written.unitCode) return { ok: false, refusal: { code: 'unit_required' } };
    const named = await findUnitByCode(db, campaign.id, written.unitCode);
    if (!named) return { ok: false, refusal: { code: 'unit_unknown', unitCode: written.unitCode } };
    const ancestry = await findUnitAncestry(db, named.id);
    if (!ancestry.some((u) => u.id === who.unit.id)) {
      return { ok: false, refusal: { code: 'unit_out_of_scope', unitName: named.name } };
    }
    unit = named;
  } else if (written.unitCode && written.unitCode !== who.unit.code) {
    return { ok: false, refusal: { code: 'other_unit_reporter' } };
  }
  if (unit.level !== 'commune') return { ok: false, refusal: { code: 'not_commune', unitName: unit.name } };

  let date = local.date;
  if (written.date) {
    // Inside the campaign's days only: 12/03 typed on 10/03 is in the future, not 12/03 of last year.
    const window = { start: settings.startDate, end: settings.endDate, today: local.date };
    const resolved = resolveTypedDate(written.date, window);
    if (resolved.kind === 'invalid') return { ok: false, refusal: { code: 'invalid_date' } };
    if (resolved.kind !== 'date') {
      const { kind: reason, ...range } = resolved;
      return { ok: false, refusal: { code: 'date_out_of_range', reason, ...range } };
    }
    if (resolved.date < local.date && member.role !== 'coordinator') {
      return { ok: false, refusal: { code: 'past_date_coordinator_only' } };
    }
    // A unit a reorganisation formed has no days before it: its predecessors' reports cover them.
    if (unit.valid_from && resolved.date < unit.valid_from) {
      const latest = settings.endDate < local.date ? settings.endDate : local.date;
      const range = { earliest: unit.valid_from, latest, today: local.date };
      return {
        ok: false,
        refusal: { code: 'date_out_of_range', reason: 'before_unit', date: resolved.date, ...range },
      };
    }
    date = resolved.date;
  }
  // A back-filled day is late by definition; today's is late after the campaign's cut-off.
  const late = date < local.date || local.time >= settings.reportCutoff;
  return { ok: true, target: { unit, date, late } };
}
