import type { CampaignTable, MilestoneTable } from './campaign.table.js';
import type { GroupChatTable, InviteAttemptTable, InviteTable, MemberTable } from './member.table.js';
import type {
  AuditLogTable,
  ConversationTable,
  InboxTable,
  JobRunTable,
  OutboxTable,
} from './messaging.table.js';
import type { DailyReportTable, ReportRevisionTable, SampleFileTable } from './report.table.js';
import type { UnitTable, UnitTargetTable } from './unit.table.js';

/** Every table Kysely knows, by name. */
export interface DatabaseSchema {
  campaigns: CampaignTable;
  milestones: MilestoneTable;
  units: UnitTable;
  unit_targets: UnitTargetTable;
  members: MemberTable;
  invites: InviteTable;
  invite_attempts: InviteAttemptTable;
  group_chats: GroupChatTable;
  inbox: InboxTable;
  report_revisions: ReportRevisionTable;
  daily_reports: DailyReportTable;
  sample_files: SampleFileTable;
  outbox: OutboxTable;
  job_runs: JobRunTable;
  audit_log: AuditLogTable;
  conversations: ConversationTable;
}
