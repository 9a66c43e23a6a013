import type { MetricCode } from '../domain/campaign-file.js';
import type { Campaign } from '../domain/campaign.js';
import type { VerdictStatus } from '../domain/file-verdict.js';
import type { ProblemCode } from '../domain/problem-codes.js';
import type { Figures } from '../domain/progress.js';
import {
  findNewestBroadcastOf,
  findNewestRevision,
  findFirstSampleNamedAfter,
  findNewestSampleNamed,
  listDeliveredByKeyPrefix,
} from '../db/activity.repository.js';
import type { ConversationKey } from '../db/conversation.repository.js';
import type { Db } from '../db/database.js';
import { findLastChoicesSent } from '../db/choice-lookup.repository.js';
import { findMember } from '../db/member.repository.js';
import { countMessagesByPlatform, type PlatformMessageCount } from '../db/platform-count.repository.js';
import { findUnitByCode } from '../db/unit.repository.js';
import { findJobSlot } from './job-run.service.js';
import { packageChannelOf } from './package-channel.service.js';
import { findMemberWithUnit } from './member.service.js';
import { getScopeProgress } from './progress.service.js';
import { pendingWizardMetric } from './report-wizard.service.js';
import { listRecentProblemSamples } from './sample-file-access.service.js';

// What the demo's simulated people learn from the service, read from the data it stored rather than
// from the words of its answers: a wording change must not change what they do or what the demo counts.

/** Where a unit's report for a date stood: its newest revision, before a message that may change it. */
export type ReportMark = { readonly id: number; readonly status: string } | undefined;

/** What a report message did, as data. */
export type ReportEffect =
  | { readonly kind: 'accepted'; readonly figures: Figures }
  | { readonly kind: 'confirm'; readonly figures: Figures }
  | { readonly kind: 'ask'; readonly metric: MetricCode }
  | { readonly kind: 'rejected' };

async function unitId(db: Db, campaign: Campaign, unitCode: string): Promise<number> {
  const unit = await findUnitByCode(db, campaign.id, unitCode);
  if (!unit) throw new Error(`unit ${unitCode} is not in campaign ${campaign.settings.code}`);
  return unit.id;
}

/** The newest revision of a unit's report for a date (any status). */
export async function reportMark(
  db: Db,
  campaign: Campaign,
  unitCode: string,
  date: string,
): Promise<ReportMark> {
  const row = await findNewestRevision(db, await unitId(db, campaign, unitCode), date);
  return row && { id: Number(row.id), status: row.status };
}

/**
 * What happened to a unit's report for a date since `before`: a revision stored (accepted, or held for
 * confirmation), a step-by-step question waiting in the sender's conversation, or nothing (refused).
 */
export async function reportEffect(
  db: Db,
  campaign: Campaign,
  query: { unitCode: string; date: string; conversation: ConversationKey; now: Date },
  before: ReportMark,
): Promise<ReportEffect> {
  const row = await findNewestRevision(db, await unitId(db, campaign, query.unitCode), query.date);
  if (row && (Number(row.id) !== before?.id || row.status !== before.status)) {
    const figures = { books: row.books, scanned: row.scanned, entered: row.entered, attached: row.attached };
    if (row.status === 'accepted') return { kind: 'accepted', figures };
    if (row.status === 'pending') return { kind: 'confirm', figures };
  }
  const metric = await pendingWizardMetric(db, query.conversation, query.now);
  return metric ? { kind: 'ask', metric } : { kind: 'rejected' };
}

/** Whether a platform user is an active member of the campaign (joined with an invite). */
export async function isMember(
  db: Db,
  campaign: Campaign,
  platform: string,
  userId: string,
): Promise<boolean> {
  const member = await findMember(db, campaign.id, platform, userId);
  return member?.active === true;
}

/** A stored sample as the demo reads it: its id, verdict and problem codes. */
export interface SampleOutcome {
  readonly id: number;
  readonly verdict: VerdictStatus;
  readonly problems: ProblemCode[];
}

function sampleOutcome(row: { id: number | string; verdict: string; problems: unknown }): SampleOutcome {
  const problems = (Array.isArray(row.problems) ? row.problems : []) as { code?: ProblemCode }[];
  return {
    id: Number(row.id),
    verdict: row.verdict as VerdictStatus,
    problems: problems.flatMap((p) => (p.code ? [p.code] : [])),
  };
}

/** A unit's newest sample file of this name: its id, verdict and problem codes. */
export async function newestSample(
  db: Db,
  campaign: Campaign,
  unitCode: string,
  fileName: string,
): Promise<SampleOutcome | undefined> {
  const row = await findNewestSampleNamed(db, await unitId(db, campaign, unitCode), fileName);
  return row && sampleOutcome(row);
}

/**
 * The verdict of the file a commune sent after sample `afterId`: the first sample of that name since then
 * (the bot may record a converted copy of a refused file under the same name right after it).
 */
export async function sampleSentAfter(
  db: Db,
  campaign: Campaign,
  unitCode: string,
  fileName: string,
  afterId: number,
): Promise<SampleOutcome | undefined> {
  const row = await findFirstSampleNamedAfter(db, await unitId(db, campaign, unitCode), fileName, afterId);
  return row && sampleOutcome(row);
}

/** A member's newest `/nhacnho` broadcast and its status (pending, confirmed, cancelled). */
export async function newestBroadcast(
  db: Db,
  campaign: Campaign,
  platform: string,
  userId: string,
): Promise<{ id: number; status: string } | undefined> {
  const member = await findMember(db, campaign.id, platform, userId);
  const row = member && (await findNewestBroadcastOf(db, member.id));
  return row && { id: row.id, status: row.status };
}

/** A message delivered from the outbox: its dedupe key, recipient, and the recipient's role. */
export interface Delivery {
  readonly dedupeKey: string;
  readonly chatId: string;
  readonly sentAt: Date;
  readonly role: string | null;
}

/** Messages delivered in [from, to) whose dedupe keys start with one of the prefixes (optionally to one chat). */
export async function deliveriesByKey(
  db: Db,
  campaign: Campaign,
  query: { prefixes: readonly string[]; from: Date; to: Date; chatId?: string },
): Promise<Delivery[]> {
  const rows = await listDeliveredByKeyPrefix(db, { campaignId: campaign.id, ...query });
  return rows.map((r) => ({
    dedupeKey: r.dedupeKey,
    chatId: r.chatId,
    sentAt: r.sentAt ?? query.from,
    role: r.role ?? null,
  }));
}

/** The outcome a job slot recorded in the ledger (e.g. `escalatedUnitCodes`), or undefined if it has not run. */
export async function jobOutcome(
  db: Db,
  job: string,
  slotId: string,
): Promise<Readonly<Record<string, unknown>> | undefined> {
  const row = await findJobSlot(db, job, slotId);
  const outcome = row?.status === 'done' ? row.outcome : undefined;
  return outcome && typeof outcome === 'object' ? (outcome as Record<string, unknown>) : undefined;
}

/** How many communes under a unit have not reported on a date (what `/chuabaocao` lists). */
export async function communesMissing(
  db: Db,
  campaign: Campaign,
  unitCode: string,
  date: string,
): Promise<number> {
  return (await getScopeProgress(db, campaign, await unitId(db, campaign, unitCode), date)).missing;
}

/** The id of the newest problem sample in a viewer's scope whose file is still kept (`/mau <id>` can send it). */
export async function newestKeptProblemSample(
  db: Db,
  campaign: Campaign,
  platform: string,
  userId: string,
  limit: number,
): Promise<number | undefined> {
  const viewer = await findMemberWithUnit(db, campaign.id, platform, userId);
  const samples = viewer && (await listRecentProblemSamples(db, campaign, viewer, limit));
  return samples?.find((s) => s.hasContent)?.id;
}

/**
 * On a channel of numbered choices, the number that picks the choice whose data starts with `prefix` in
 * the newest message with choices the bot sent to a private chat: what a person reads off the list.
 */
export async function choiceNumber(
  db: Db,
  chat: { readonly platform: string; readonly chatId: string },
  prefix: string,
): Promise<number | undefined> {
  const choices = await findLastChoicesSent(db, { ...chat, kind: 'private' });
  const index = choices?.findIndex((c) => c.data.startsWith(prefix)) ?? -1;
  return index >= 0 ? index + 1 : undefined;
}

/** Where a member chose to receive the evening package (a platform), if they chose. */
export async function packageChannelChosen(
  db: Db,
  campaign: Campaign,
  platform: string,
  userId: string,
): Promise<string | undefined> {
  const member = await findMember(db, campaign.id, platform, userId);
  return member ? packageChannelOf(db, member) : undefined;
}

/** Messages per platform over the whole run: received from people, delivered by the bot. */
export function messagesByPlatform(db: Db): Promise<PlatformMessageCount[]> {
  return countMessagesByPlatform(db);
}
