import type { Role } from './role.js';
import { COMMUNE_LEVEL, type UnitDefinition } from './unit.js';

// A reorganisation (01/07/2025: communes merged, districts abolished) as pure rules: which stored units
// continue, which retire, which are new, where each retired unit's figures, members and groups go. The
// mapping file names old → new codes; an old unit split over several new ones needs a share per line.

/** One line of a mapping file: an old unit's code, the new unit it went into, its share (null = whole). */
export interface UnitMappingLine {
  readonly oldCode: string;
  readonly newCode: string;
  readonly share: number | null;
  /** 1-based line in the file (header = 1). */
  readonly line: number;
}

/** A unit stored for the campaign and still open, with what still points at it. */
export interface OpenUnit {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly activeMembers: number;
  readonly reports: number;
  readonly groups: number;
}

/** Why a mapping cannot be applied, as data; src/messages/reorg-messages.ts words it. */
export type ReorgProblem =
  | { readonly kind: 'unknown_old'; readonly code: string; readonly line: number }
  | { readonly kind: 'unknown_new'; readonly code: string; readonly line: number }
  | { readonly kind: 'split_without_shares'; readonly unit: UnitLabel; readonly newCodes: readonly string[] }
  | { readonly kind: 'shares_sum'; readonly unit: UnitLabel; readonly sum: number }
  | { readonly kind: 'commune_into_other_level'; readonly unit: UnitLabel; readonly newUnit: UnitLabel }
  | {
      readonly kind: 'unmapped_in_use';
      readonly unit: UnitLabel;
      readonly activeMembers: number;
      readonly reports: number;
      readonly groups: number;
    }
  | { readonly kind: 'code_taken_unmapped'; readonly unit: UnitLabel };

/** A unit as a message names it. */
export interface UnitLabel {
  readonly code: string;
  readonly name: string;
}

/** What a member whose unit retired is told (src/messages words it). */
export interface MemberMovedNotice {
  readonly campaignName: string;
  readonly from: string;
  readonly role: Role;
  readonly oldUnit: UnitLabel;
  readonly newUnit: UnitLabel;
}

/** What a registered group whose scope retired is told. */
export interface GroupMovedNotice {
  readonly from: string;
  readonly oldUnit: UnitLabel;
  readonly newUnit: UnitLabel;
}

/** The words of the notices, passed in by the caller (services hold no words). */
export interface ReorgWording {
  readonly member: (notice: MemberMovedNotice) => string;
  readonly group: (notice: GroupMovedNotice) => string;
}

/** One old → new link with the share of the old unit's figures it carries (1 = whole). */
export interface Succession {
  readonly oldUnitId: number;
  readonly newCode: string;
  readonly share: number;
}

/** What applying a mapping does to the stored units. */
export interface ReorgPlan {
  /** Open units that stay (same row; name, parent and target follow the new folder). */
  readonly continuing: readonly { readonly unitId: number; readonly definition: UnitDefinition }[];
  /** Open units that stop counting the day before the change. */
  readonly retired: readonly OpenUnit[];
  /** New units, counting from the change date. */
  readonly added: readonly UnitDefinition[];
  /** Every mapping line as a link (an unchanged unit links to itself). */
  readonly successions: readonly Succession[];
  /** For each retired unit that was mapped: the new unit its members and groups move to (largest share). */
  readonly successorCode: ReadonlyMap<number, string>;
}

// Shares are written by hand to a few decimals: thirds as 0.3333, 0.3333, 0.3333 are accepted.
const SHARE_TOLERANCE = 0.001;

/**
 * Checks a mapping against the campaign's open units and the new folder's units and, when nothing is
 * wrong, plans the change. Every problem is listed, not only the first, so one run fixes the file.
 */
export function planReorganisation(
  open: readonly OpenUnit[],
  next: readonly UnitDefinition[],
  lines: readonly UnitMappingLine[],
):
  | { readonly kind: 'plan'; readonly plan: ReorgPlan }
  | { readonly kind: 'refused'; readonly problems: ReorgProblem[] } {
  const problems: ReorgProblem[] = [];
  const openByCode = new Map(open.map((u) => [u.code, u]));
  const nextByCode = new Map(next.map((u) => [u.code, u]));
  const linesOfOld = groupBy(lines, (l) => l.oldCode);
  const linesOfNew = groupBy(lines, (l) => l.newCode);
  const label = (u: { code: string; name: string }): UnitLabel => ({ code: u.code, name: u.name });

  for (const l of lines) {
    if (!openByCode.has(l.oldCode)) problems.push({ kind: 'unknown_old', code: l.oldCode, line: l.line });
    if (!nextByCode.has(l.newCode)) problems.push({ kind: 'unknown_new', code: l.newCode, line: l.line });
  }
  for (const [oldCode, own] of linesOfOld) {
    const unit = openByCode.get(oldCode);
    if (!unit) continue;
    if (own.length > 1 && own.some((l) => l.share === null)) {
      problems.push({ kind: 'split_without_shares', unit: label(unit), newCodes: own.map((l) => l.newCode) });
    } else {
      const sum = own.reduce((s, l) => s + (l.share ?? 1), 0);
      if (Math.abs(sum - 1) > SHARE_TOLERANCE) problems.push({ kind: 'shares_sum', unit: label(unit), sum });
    }
    for (const l of own) {
      const target = nextByCode.get(l.newCode);
      if (unit.level === COMMUNE_LEVEL && target && target.level !== COMMUNE_LEVEL) {
        problems.push({ kind: 'commune_into_other_level', unit: label(unit), newUnit: label(target) });
      }
    }
  }

  // An unchanged unit is mapped to its own code and nothing else goes into it: the same row carries on.
  const unchanged = (code: string) => {
    const own = linesOfOld.get(code) ?? [];
    const into = linesOfNew.get(code) ?? [];
    return own.length === 1 && own[0]?.newCode === code && into.length === 1;
  };
  const continuing: { unitId: number; definition: UnitDefinition }[] = [];
  const retired: OpenUnit[] = [];
  for (const unit of open) {
    const definition = nextByCode.get(unit.code);
    if (linesOfOld.has(unit.code)) {
      if (definition && unchanged(unit.code)) continuing.push({ unitId: unit.id, definition });
      else retired.push(unit);
    } else if (definition) {
      // A new unit taking this code receives other units: the stored one must say where it goes.
      if (linesOfNew.has(unit.code)) problems.push({ kind: 'code_taken_unmapped', unit: label(unit) });
      else continuing.push({ unitId: unit.id, definition });
    } else {
      retired.push(unit);
      if (unit.activeMembers > 0 || unit.reports > 0 || unit.groups > 0) {
        const { activeMembers, reports, groups } = unit;
        problems.push({ kind: 'unmapped_in_use', unit: label(unit), activeMembers, reports, groups });
      }
    }
  }
  if (problems.length > 0) return { kind: 'refused', problems };

  const kept = new Set(continuing.map((c) => c.definition.code));
  const successorCode = new Map<number, string>();
  for (const unit of retired) {
    const own = linesOfOld.get(unit.code) ?? [];
    // The largest share; on a tie, the first line of the file.
    const best = own.reduce<UnitMappingLine | undefined>(
      (top, l) => (top === undefined || (l.share ?? 1) > (top.share ?? 1) ? l : top),
      undefined,
    );
    if (best) successorCode.set(unit.id, best.newCode);
  }
  return {
    kind: 'plan',
    plan: {
      continuing,
      retired,
      added: next.filter((u) => !kept.has(u.code)),
      successions: lines.map((l) => ({
        oldUnitId: openByCode.get(l.oldCode)?.id ?? 0,
        newCode: l.newCode,
        share: l.share ?? 1,
      })),
      successorCode,
    },
  };
}

/** Items grouped by a key, in their order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** What a reorganisation changed, in numbers (the audit log has the details). */
export interface ReorgSummary {
  readonly from: string;
  readonly retired: number;
  readonly added: number;
  readonly continuing: number;
  /** New units that received carried figures, and the carried cases attached in all. */
  readonly carried: number;
  readonly carriedCases: number;
  readonly movedMembers: number;
  readonly movedGroups: number;
  readonly revokedInvites: number;
}
