/** Why an invite code was refused. */
export type RedeemFailure =
  | 'unknown'
  | 'expired'
  | 'used_up'
  | 'revoked'
  | 'other_campaign'
  | 'throttled'
  /** Too many wrong codes in the campaign this hour: every code is refused until the next hour. */
  | 'campaign_throttled';
