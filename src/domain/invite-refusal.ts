/** Why an invite code was refused. */
export type RedeemFailure = 'unknown' | 'expired' | 'used_up' | 'revoked' | 'other_campaign' | 'throttled';
