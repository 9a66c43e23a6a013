import type { UnitDefinition } from './unit.js';

/** What normalising a unit's name or type changed: runs of spaces, or the capitals of its type words. */
export type UnitNameFixKind = 'spaces' | 'type_case';

/** One normalised field of one unit, as data; src/messages words it. */
export interface UnitNameFix {
  readonly code: string;
  readonly field: 'name' | 'type';
  readonly before: string;
  readonly after: string;
  readonly kinds: readonly UnitNameFixKind[];
}

// Administrative type words as the official list writes them; longest first so 'Huyện đảo' wins.
const TYPE_WORDS = ['Thành phố', 'Huyện đảo', 'Thị trấn', 'Thị xã', 'Phường', 'Huyện', 'Quận', 'Tỉnh', 'Xã'];

/**
 * A unit name or type written one way: NFC, single spaces, no spaces at the ends, and its leading type
 * word in the official capitals ('Thị Trấn Ái Tử' → 'Thị trấn Ái Tử', 'Xã  A Dơi' → 'Xã A Dơi'), so that
 * lists, sorting and matching typed names see one spelling.
 */
export function normalizeUnitName(text: string): { text: string; kinds: UnitNameFixKind[] } {
  const kinds: UnitNameFixKind[] = [];
  const nfc = text.normalize('NFC');
  let result = nfc.replace(/\s+/gu, ' ').trim();
  if (result !== nfc) kinds.push('spaces');
  const lower = result.toLowerCase();
  const word = TYPE_WORDS.find(
    (w) => lower.startsWith(w.toLowerCase()) && (lower.length === w.length || lower[w.length] === ' '),
  );
  if (word && !result.startsWith(word)) {
    result = word + result.slice(word.length);
    kinds.push('type_case');
  }
  return { text: result, kinds };
}

/** The units with normalised names and types, and what was changed. */
export function normalizeUnits(units: readonly UnitDefinition[]): {
  units: UnitDefinition[];
  fixes: UnitNameFix[];
} {
  const fixes: UnitNameFix[] = [];
  const normalized = units.map((unit) => {
    const fix = (field: 'name' | 'type'): string => {
      const { text, kinds } = normalizeUnitName(unit[field]);
      if (kinds.length > 0) fixes.push({ code: unit.code, field, before: unit[field], after: text, kinds });
      return text;
    };
    const name = fix('name');
    const type = fix('type');
    return name === unit.name && type === unit.type ? unit : { ...unit, name, type };
  });
  return { units: normalized, fixes };
}
