import type { AuditLogTable } from './audit-log.table.js';
import type { BroadcastTable } from './broadcast.table.js';
import type { CampaignChoiceTable } from './campaign-choice.table.js';
import type { CampaignTable } from './campaign.table.js';
import type { ConversationTable } from './conversation.table.js';
import type { DailyReportTable } from './daily-report.table.js';
import type { GroupChatTable } from './group-chat.table.js';
import type { HeldUpdateTable } from './held-update.table.js';
import type { InboxTable } from './inbox.table.js';
import type { InviteAttemptTable } from './invite-attempt.table.js';
import type { InviteTable } from './invite.table.js';
import type { JobRunTable } from './job-run.table.js';
import type { LinkCodeTable } from './link-code.table.js';
import type { MemberLinkTable } from './member-link.table.js';
import type { MemberTable } from './member.table.js';
import type { MilestoneTable } from './milestone.table.js';
import type { NationalInviteTable } from './national-invite.table.js';
import type { NationalMemberTable } from './national-member.table.js';
import type { OutboxTable } from './outbox.table.js';
import type { PackageChannelChoiceTable } from './package-channel-choice.table.js';
import type { ReportRevisionTable } from './report-revision.table.js';
import type { SampleFileTable } from './sample-file.table.js';
import type { UnitTargetTable } from './unit-target.table.js';
import type { UnitSuccessionTable } from './unit-succession.table.js';
import type { UnitTable } from './unit.table.js';
import type { ConvertedFileTable } from './converted-file.table.js';
import type { UploadBatchTable } from './upload-batch.table.js';
import type { UploadResultTable } from './upload-result.table.js';
import type { WebLinkTable } from './web-link.table.js';
import type { WebSecretTable } from './web-secret.table.js';
import type { WebSessionTable } from './web-session.table.js';
import type { ZaloOaContactTable } from './zalo-oa-contact.table.js';
import type { ZaloOaSendTable } from './zalo-oa-send.table.js';
import type { ZaloOaTokenTable } from './zalo-oa-token.table.js';

/**
 * Every table Kysely knows, by name, as the migrations leave it (0001–0003). A new migration changes this
 * type in the same commit; test/db/schema-matches-migrations.test.ts fails when the two disagree.
 */
export interface DatabaseSchema {
  campaigns: CampaignTable;
  milestones: MilestoneTable;
  units: UnitTable;
  unit_targets: UnitTargetTable;
  unit_successions: UnitSuccessionTable;
  members: MemberTable;
  invites: InviteTable;
  invite_attempts: InviteAttemptTable;
  group_chats: GroupChatTable;
  inbox: InboxTable;
  report_revisions: ReportRevisionTable;
  daily_reports: DailyReportTable;
  sample_files: SampleFileTable;
  upload_batches: UploadBatchTable;
  upload_results: UploadResultTable;
  converted_files: ConvertedFileTable;
  outbox: OutboxTable;
  job_runs: JobRunTable;
  audit_log: AuditLogTable;
  conversations: ConversationTable;
  broadcasts: BroadcastTable;
  web_links: WebLinkTable;
  web_sessions: WebSessionTable;
  web_secrets: WebSecretTable;
  zalo_oa_tokens: ZaloOaTokenTable;
  zalo_oa_contacts: ZaloOaContactTable;
  zalo_oa_sends: ZaloOaSendTable;
  campaign_choices: CampaignChoiceTable;
  held_updates: HeldUpdateTable;
  national_invites: NationalInviteTable;
  national_members: NationalMemberTable;
  link_codes: LinkCodeTable;
  member_links: MemberLinkTable;
  package_channel_choices: PackageChannelChoiceTable;
}
