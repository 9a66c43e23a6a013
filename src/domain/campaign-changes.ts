import type { CampaignDefinition } from './campaign.js';

interface ExistingUnit {
  code: string;
  name: string;
  type: string;
  level: string;
  parent_id: number | null;
  id: number;
  target_books: number | null;
  target_cases: number | null;
}

/** A unit's target as a change shows it. */
export interface TargetFigures {
  readonly books: number;
  readonly cases: number;
}

/** One difference between the stored campaign and its folder, as data; src/messages words it. */
export type CampaignChange =
  | { readonly kind: 'setting'; readonly key: string; readonly before: string; readonly after: string }
  | { readonly kind: 'unit_added' | 'unit_removed'; readonly code: string; readonly name: string }
  | {
      readonly kind: 'unit_name' | 'unit_type' | 'unit_level';
      readonly code: string;
      readonly before: string;
      readonly after: string;
    }
  | {
      readonly kind: 'unit_parent';
      readonly code: string;
      readonly before: string | null;
      readonly after: string | null;
    }
  | {
      readonly kind: 'unit_target';
      readonly code: string;
      readonly name: string;
      readonly before: TargetFigures | null;
      readonly after: TargetFigures | null;
    };

// Key order is not preserved by jsonb, so compare with sorted keys.
function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** Lists what loading `next` would change in a campaign stored as `before` (settings as JSON text). */
export function campaignChanges(
  before: { settings: unknown; milestones: { code: string }[]; units: ExistingUnit[] },
  next: CampaignDefinition,
): CampaignChange[] {
  const changes: CampaignChange[] = [];
  if (before.settings && typeof before.settings === 'object') {
    const old = before.settings as Record<string, unknown>;
    for (const [key, value] of Object.entries(next.campaign)) {
      if (show(old[key]) !== show(value)) {
        changes.push({ kind: 'setting', key, before: show(old[key]), after: show(value) });
      }
    }
  }
  const oldByCode = new Map(before.units.map((u) => [u.code, u]));
  const codeById = new Map(before.units.map((u) => [u.id, u.code]));
  const nextCodes = new Set(next.units.map((u) => u.code));
  for (const unit of next.units) {
    const old = oldByCode.get(unit.code);
    if (!old) {
      if (before.units.length > 0) changes.push({ kind: 'unit_added', code: unit.code, name: unit.name });
      continue;
    }
    const { code } = unit;
    if (old.name !== unit.name) changes.push({ kind: 'unit_name', code, before: old.name, after: unit.name });
    if (old.type !== unit.type) changes.push({ kind: 'unit_type', code, before: old.type, after: unit.type });
    if (old.level !== unit.level)
      changes.push({ kind: 'unit_level', code, before: old.level, after: unit.level });
    const oldParent = old.parent_id === null ? null : (codeById.get(old.parent_id) ?? null);
    if (oldParent !== unit.parentCode) {
      changes.push({ kind: 'unit_parent', code, before: oldParent, after: unit.parentCode });
    }
    const oldTarget =
      old.target_books === null ? null : { books: old.target_books, cases: old.target_cases ?? 0 };
    const newTarget = unit.target ? { books: unit.target.books, cases: unit.target.cases } : null;
    if (show(oldTarget) !== show(newTarget)) {
      changes.push({ kind: 'unit_target', code, name: unit.name, before: oldTarget, after: newTarget });
    }
  }
  for (const old of before.units) {
    if (!nextCodes.has(old.code)) changes.push({ kind: 'unit_removed', code: old.code, name: old.name });
  }
  return changes;
}
