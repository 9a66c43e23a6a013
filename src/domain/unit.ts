/**
 * An administrative unit's level in the campaign's tree: a code the campaign's folder declares. The top
 * level is always 'province' and the bottom one 'commune' (only communes report); between them a
 * campaign may declare none (the map since 01/07/2025), 'district' (the map before) or groups of its own
 * choosing ('cluster').
 */
export type UnitLevel = string;

/** The level of the one root unit. */
export const PROVINCE_LEVEL = 'province';
/** The level of the units that report and carry targets. */
export const COMMUNE_LEVEL = 'commune';

/** One level of a campaign's tree, as reports name it. */
export interface LevelDefinition {
  readonly code: UnitLevel;
  /** Its name as a column header or sheet name, e.g. 'Huyện', 'Cụm'. */
  readonly name: string;
  /** Its units' kinds, for titles ("Tổng hợp theo huyện, thị xã, thành phố"); defaults to the name. */
  readonly longName?: string;
}

/** One unit of a campaign as its file declares it. */
export interface UnitDefinition {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly level: UnitLevel;
  readonly parentCode: string | null;
  /** Only communes carry targets; null = no target (listed apart in rankings). */
  readonly target: { readonly books: number; readonly cases: number } | null;
}

/** The level directly above `level` in a campaign's order, or null for the top. */
export function levelAbove(levels: readonly LevelDefinition[], level: UnitLevel): LevelDefinition | null {
  const index = levels.findIndex((l) => l.code === level);
  return index > 0 ? (levels[index - 1] ?? null) : null;
}

/** The levels between the province and the communes (none on the two-level map). */
export function middleLevels(levels: readonly LevelDefinition[]): readonly LevelDefinition[] {
  return levels.slice(1, -1);
}

/** A level's definition by code; an unknown code (a unit loaded before its level was renamed) keeps its code. */
export function levelOf(levels: readonly LevelDefinition[], code: UnitLevel): LevelDefinition {
  return levels.find((l) => l.code === code) ?? { code, name: code };
}

/** Parents first: the position of a level in the campaign's order (unknown codes last). */
export function levelRank(levels: readonly LevelDefinition[], code: UnitLevel): number {
  const index = levels.findIndex((l) => l.code === code);
  return index < 0 ? levels.length : index;
}

/**
 * Each item's depth in its tree (the root 0), whatever the levels are called: parents are inserted before
 * their children and deleted after them. An item whose parent is not among the items counts as a root.
 */
export function treeDepths<K>(
  items: readonly { readonly key: K; readonly parent: K | null }[],
): Map<K, number> {
  const parentOf = new Map(items.map((i) => [i.key, i.parent]));
  const depths = new Map<K, number>();
  for (const { key } of items) {
    let depth = 0;
    // Bounded by the item count, so a corrupted cycle cannot loop forever.
    for (let p = parentOf.get(key) ?? null; p !== null && parentOf.has(p) && depth <= items.length; depth++) {
      p = parentOf.get(p) ?? null;
    }
    depths.set(key, depth);
  }
  return depths;
}
