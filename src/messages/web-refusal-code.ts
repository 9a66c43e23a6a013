/** Why a web page does not open for a person: the codes the refusal page words (services produce most). */
export type WebAccessRefusalCode = 'unknown' | 'used' | 'expired' | 'revoked' | 'inactive' | 'no_session';
