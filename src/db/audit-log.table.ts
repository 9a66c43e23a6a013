import type { Generated, Insertable } from 'kysely';
import type { JsonColumn } from './column-types.js';

/** Row of `audit_log`: who did what, for the record. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Date;
  actor: string;
  action: string;
  campaign_id: number | null;
  details: JsonColumn<unknown>;
}
export type NewAuditLogRow = Insertable<AuditLogTable>;
