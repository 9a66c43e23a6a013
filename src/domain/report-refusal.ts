/** Why a report cannot be taken from this person for that unit or date; messages turn it into words. */
export type ReportRefusal =
  | { readonly code: 'not_allowed' }
  | { readonly code: 'unit_required' }
  | { readonly code: 'unit_unknown'; readonly unitCode: string }
  | { readonly code: 'unit_out_of_scope'; readonly unitName: string }
  | { readonly code: 'not_commune'; readonly unitName: string }
  | { readonly code: 'other_unit_reporter' }
  | { readonly code: 'past_date_coordinator_only' }
  | { readonly code: 'future_date'; readonly date: string }
  | { readonly code: 'invalid_date' };
