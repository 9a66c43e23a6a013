import type { BroadcastChoice, BroadcastRefusal } from '../domain/broadcast-refusal.js';
import type { Campaign } from '../domain/campaign.js';
import { foldWord, normalizeText } from '../domain/text-normalize.js';
import type { Db } from '../db/database.js';
import { listUnitsInScope, listUnitsOfCampaign } from '../db/reminder.repository.js';
import type { UnitRow } from '../db/unit.table.js';

/** Whom a /nhacnho names. */
export type BroadcastWho =
  { readonly kind: 'chuabaocao' | 'cham' | 'tatca' } | { readonly kind: 'unit'; readonly unit: UnitRow };

/** A /nhacnho understood, or why not. */
export type BroadcastRequest =
  | { readonly ok: true; readonly who: BroadcastWho; readonly text: string; readonly scopeUnits: UnitRow[] }
  | { readonly ok: false; readonly refusal: BroadcastRefusal };

/** Longest text a broadcast may carry (Telegram's limit is 4,096 with the header). */
export const MAX_BROADCAST_TEXT = 3500;
const KEYWORDS = ['chuabaocao', 'cham', 'tatca'] as const;
/** A unit name is matched on at most this many words. */
const MAX_NAME_WORDS = 8;

interface Token {
  readonly word: string;
  readonly end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ word: m[0], end: (m.index ?? 0) + m[0].length }));
}

const fold = (words: readonly string[]) => words.map(foldWord).join(' ');

/** The folded names a unit answers to: its full name, and without its type word unless that leaves a bare number. */
function namesOf(unit: UnitRow): string[] {
  const full = fold(unit.name.split(/\s+/));
  const type = fold(unit.type.split(/\s+/));
  const bare = full.startsWith(`${type} `) ? full.slice(type.length + 1) : '';
  return bare.length >= 3 && !/^\d+$/.test(bare) ? [full, bare] : [full];
}

function choiceOf(unit: UnitRow, byId: Map<number, UnitRow>): BroadcastChoice {
  const parent = unit.parent_id === null ? undefined : byId.get(unit.parent_id);
  return { name: unit.name, parentName: parent?.name ?? null, code: unit.code };
}

/**
 * Reads `<who> <text>`: who is a keyword (with or without diacritics or spaces: "chưa báo cáo"), a unit
 * code, or a unit name (with or without its type, diacritics optional), checked against the caller's
 * scope here in the service, not only in the chat.
 */
export async function parseBroadcastRequest(
  db: Db,
  campaign: Campaign,
  scope: UnitRow,
  args: string,
): Promise<BroadcastRequest> {
  const input = normalizeText(args).trim();
  const words = tokens(input);
  if (words.length === 0) return { ok: false, refusal: { code: 'usage' } };
  const scopeUnits = await listUnitsInScope(db, campaign.id, scope.id);
  const inScope = new Set(scopeUnits.map((u) => u.id));

  const finish = (who: BroadcastWho, used: number): BroadcastRequest => {
    const whoText = input.slice(0, words[used - 1]?.end ?? 0);
    const text = input.slice(words[used - 1]?.end ?? 0).trim();
    if (!text) return { ok: false, refusal: { code: 'empty_text', who: whoText } };
    if (text.length > MAX_BROADCAST_TEXT)
      return { ok: false, refusal: { code: 'text_too_long', max: MAX_BROADCAST_TEXT } };
    return { ok: true, who, text, scopeUnits };
  };

  for (let used = 1; used <= Math.min(3, words.length); used++) {
    const joined = words
      .slice(0, used)
      .map((t) => foldWord(t.word))
      .join('');
    const keyword = KEYWORDS.find((k) => k === joined);
    if (keyword) return finish({ kind: keyword }, used);
  }

  const first = words[0]?.word ?? '';
  const all = await listUnitsOfCampaign(db, campaign.id);
  if (/^\d+$/.test(first)) {
    const unit = all.find((u) => u.code === first);
    if (!unit) return { ok: false, refusal: { code: 'unknown_who', who: first } };
    if (!inScope.has(unit.id)) {
      return { ok: false, refusal: { code: 'out_of_scope', unitName: unit.name, scopeName: scope.name } };
    }
    return finish({ kind: 'unit', unit }, 1);
  }

  const match = matchUnitName(
    all,
    inScope,
    words.map((t) => t.word),
  );
  if (match.kind === 'none') return { ok: false, refusal: { code: 'unknown_who', who: first } };
  if (match.kind === 'out_of_scope') {
    return { ok: false, refusal: { code: 'out_of_scope', unitName: match.unit.name, scopeName: scope.name } };
  }
  if (match.kind === 'ambiguous') {
    const who = input.slice(0, words[match.used - 1]?.end ?? 0);
    return { ok: false, refusal: { code: 'ambiguous', who, choices: match.choices } };
  }
  return finish({ kind: 'unit', unit: match.unit }, match.used);
}

/** A unit named at the start of some words: which one, and how many words its name took. */
export type UnitNameMatch =
  | { readonly kind: 'unit'; readonly unit: UnitRow; readonly used: number }
  | { readonly kind: 'ambiguous'; readonly choices: BroadcastChoice[]; readonly used: number }
  /** Named, but none of the units of that name is in the caller's scope. */
  | { readonly kind: 'out_of_scope'; readonly unit: UnitRow; readonly used: number }
  | { readonly kind: 'none' };

/**
 * Reads a unit name (with or without its type, diacritics optional) from the start of `words`, the
 * longest name first; of several units of that name only those in scope count (Phường 1 of Đông Hà for
 * Đông Hà's coordinator). Shared by /nhacnho and /baocao xã, so both read names the same way.
 */
export function matchUnitName(
  all: readonly UnitRow[],
  inScope: ReadonlySet<number>,
  words: readonly string[],
): UnitNameMatch {
  const byId = new Map(all.map((u) => [u.id, u]));
  const names = all.map((unit) => ({ unit, names: namesOf(unit) }));
  for (let used = Math.min(MAX_NAME_WORDS, words.length); used >= 1; used--) {
    const typed = fold(words.slice(0, used));
    const matches = names.filter((n) => n.names.includes(typed)).map((n) => n.unit);
    const [first] = matches;
    if (!first) continue;
    const mine = matches.filter((u) => inScope.has(u.id));
    if (mine.length === 0) return { kind: 'out_of_scope', unit: first, used };
    if (mine.length > 1) return { kind: 'ambiguous', choices: mine.map((u) => choiceOf(u, byId)), used };
    return { kind: 'unit', unit: mine[0] as UnitRow, used };
  }
  return { kind: 'none' };
}
