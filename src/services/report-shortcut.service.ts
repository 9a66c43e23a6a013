import type { BroadcastChoice } from '../domain/broadcast-refusal.js';
import type { Campaign } from '../domain/campaign.js';
import { foldWord, normalizeText } from '../domain/text-normalize.js';
import type { Db } from '../db/database.js';
import { listUnitsInScope, listUnitsOfCampaign } from '../db/reminder.repository.js';
import type { UnitRow } from '../db/unit.table.js';
import { matchUnitName } from './broadcast-target.service.js';

/** What a `/baocao` naming its commune by name becomes. */
export type ReportUnitName =
  /** No name to read (a code, or no commune named): the report goes on as written. */
  | { readonly kind: 'as_written' }
  /** The name replaced by the commune's code, ready for the report parser. */
  | { readonly kind: 'named'; readonly text: string; readonly unit: UnitRow }
  | { readonly kind: 'ambiguous'; readonly typed: string; readonly choices: readonly BroadcastChoice[] };

// The words that introduce the commune in a report (the parser's 'unit' labels), folded.
const UNIT_LABELS = [['ma', 'don', 'vi'], ['ma', 'xa'], ['don', 'vi'], ['xa'], ['ma']];

/**
 * Reads `xã <name> …` in a report and puts the commune's code in place of the name, so that
 * `/baocao xã Triệu Long ngày 05/03 sổ 12 …` reads as `/baocao xã 19372 ngày 05/03 sổ 12 …`. Names are
 * read as /nhacnho reads them (matchUnitName); of units sharing a name only the communes in the caller's
 * scope count, and several are refused with the list. A name outside the scope is still replaced by its
 * code, so that the report service refuses it in its usual words (scope is enforced there).
 */
export async function resolveReportUnitName(
  db: Db,
  campaign: Campaign,
  scope: UnitRow,
  args: string,
): Promise<ReportUnitName> {
  const text = normalizeText(args);
  const words = [...text.matchAll(/\S+/g)].map((m) => ({
    word: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const folded = words.map((w) => foldWord(w.word));
  for (let i = 0; i < words.length; i++) {
    const label = UNIT_LABELS.find((l) => l.every((part, k) => folded[i + k] === part));
    if (!label) continue;
    const from = i + label.length;
    const first = words[from];
    // A code (or nothing) after the label: the parser reads it as it always has.
    if (!first || /^\d+$/.test(first.word)) return { kind: 'as_written' };
    const all = await listUnitsOfCampaign(db, campaign.id);
    // Only communes can report: a district sharing a commune's name ("Cam Lộ") does not make it ambiguous.
    const scopeUnits = await listUnitsInScope(db, campaign.id, scope.id);
    const inScope = new Set(scopeUnits.filter((u) => u.level === 'commune').map((u) => u.id));
    const match = matchUnitName(
      all,
      inScope,
      words.slice(from).map((w) => w.word),
    );
    if (match.kind === 'none') return { kind: 'as_written' };
    const last = words[from + match.used - 1] ?? first;
    if (match.kind === 'ambiguous') {
      return { kind: 'ambiguous', typed: text.slice(first.start, last.end), choices: match.choices };
    }
    return {
      kind: 'named',
      text: `${text.slice(0, first.start)}${match.unit.code}${text.slice(last.end)}`,
      unit: match.unit,
    };
  }
  return { kind: 'as_written' };
}
