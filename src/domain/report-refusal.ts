/** Why a report cannot be taken from this person for that unit or date; messages turn it into words. */
export type ReportRefusal =
  | { readonly code: 'not_allowed' }
  | { readonly code: 'unit_required' }
  | { readonly code: 'unit_unknown'; readonly unitCode: string }
  | { readonly code: 'unit_out_of_scope'; readonly unitName: string }
  | { readonly code: 'not_commune'; readonly unitName: string }
  | { readonly code: 'other_unit_reporter' }
  | { readonly code: 'past_date_coordinator_only' }
  | {
      readonly code: 'date_out_of_range';
      /**
       * future: after today; before_campaign / after_campaign: outside the campaign's days; before_unit:
       * before the unit existed (a reorganisation formed it on `earliest`).
       */
      readonly reason: 'future' | 'before_campaign' | 'after_campaign' | 'before_unit';
      readonly date: string;
      readonly earliest: string;
      readonly latest: string;
      readonly today: string;
    }
  | { readonly code: 'invalid_date' };
