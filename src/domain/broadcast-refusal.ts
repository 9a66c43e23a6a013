/** Why a coordinator's broadcast (/nhacnho) was not accepted; messages turn it into words. */
export type BroadcastRefusal =
  | { readonly code: 'not_coordinator' }
  | { readonly code: 'usage' }
  | { readonly code: 'empty_text'; readonly who: string }
  | { readonly code: 'text_too_long'; readonly max: number }
  | { readonly code: 'unknown_who'; readonly who: string }
  | { readonly code: 'out_of_scope'; readonly unitName: string; readonly scopeName: string }
  | { readonly code: 'ambiguous'; readonly who: string; readonly choices: readonly BroadcastChoice[] };

/** One unit an ambiguous name could mean, for the coordinator to pick by code. */
export interface BroadcastChoice {
  readonly name: string;
  readonly parentName: string | null;
  readonly code: string;
}

/** Whom a broadcast reaches, as the coordinator is told. */
export type BroadcastAudience =
  | { readonly kind: 'chuabaocao' | 'cham' | 'tatca'; readonly scopeName: string }
  | { readonly kind: 'unit'; readonly unitName: string };
