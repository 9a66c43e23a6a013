/** An administrative unit's level in the campaign's tree. */
export type UnitLevel = 'province' | 'district' | 'commune';

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
