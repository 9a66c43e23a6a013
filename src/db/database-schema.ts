import type { AuditLogTable } from './audit-log.table.js';
import type { BroadcastTable } from './broadcast.table.js';
import type { CampaignTable } from './campaign.table.js';
import type { ConversationTable } from './conversation.table.js';
import type { DailyReportTable } from './daily-report.table.js';
import type { GroupChatTable } from './group-chat.table.js';
import type { InboxTable } from './inbox.table.js';
import type { InviteAttemptTable } from './invite-attempt.table.js';
import type { InviteTable } from './invite.table.js';
import type { JobRunTable } from './job-run.table.js';
import type { MemberTable } from './member.table.js';
import type { MilestoneTable } from './milestone.table.js';
import type { OutboxTable } from './outbox.table.js';
import type { ReportRevisionTable } from './report-revision.table.js';
import type { SampleFileTable } from './sample-file.table.js';
import type { UnitTargetTable } from './unit-target.table.js';
import type { UnitTable } from './unit.table.js';

/**
 * Every table Kysely knows, by name, as the migrations leave it (0001–0003). A new migration changes this
 * type in the same commit; test/db/schema-matches-migrations.test.ts fails when the two disagree.
 */
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
  broadcasts: BroadcastTable;
}
