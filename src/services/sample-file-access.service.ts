import type { Campaign } from '../domain/campaign.js';
import type { ProblemSample } from '../domain/sample-file-stats.js';
import { insertAudit } from '../db/audit.repository.js';
import type { Db } from '../db/database.js';
import type { MemberRow } from '../db/member.table.js';
import {
  SAMPLE_DOWNLOAD_ACTION,
  findSampleFile,
  isSampleDownloadAudited,
  listProblemSamplesInScope,
  type ProblemSampleRow,
} from '../db/sample-file.repository.js';
import { findUnitAncestry } from '../db/unit.repository.js';
import type { UnitRow } from '../db/unit.table.js';
import { baseName } from '../files/file-name-rule.js';

/** A coordinator or leader and the unit whose subtree is their scope. */
export interface SampleViewer {
  readonly member: MemberRow;
  readonly unit: UnitRow;
}

/** The outcome of asking for a sample's bytes. */
export type SampleFetch =
  | { readonly kind: 'found'; readonly fileName: string; readonly unitName: string; readonly bytes: Buffer }
  | { readonly kind: 'not_allowed' }
  /** Unknown, or outside the viewer's scope: the same answer, so ids cannot be probed. */
  | { readonly kind: 'not_found' }
  /** Known and in scope, but the bytes were never kept (an accepted sample) or already purged. */
  | { readonly kind: 'no_content'; readonly purged: boolean };

const isViewer = (member: MemberRow) =>
  member.active && (member.role === 'coordinator' || member.role === 'leader');

function firstProblemOf(problems: unknown[]): string {
  const first = problems[0];
  return typeof first === 'object' && first !== null && 'message' in first ? String(first.message) : '';
}

function toProblemSample(row: ProblemSampleRow): ProblemSample {
  return {
    id: row.id,
    unitName: row.unit_name,
    fileName: row.file_name,
    verdict: row.verdict === 'rejected' ? 'rejected' : 'warnings',
    firstProblem: firstProblemOf(row.problems),
    receivedAt: row.received_at,
    hasContent: row.has_content,
  };
}

/** The latest samples with problems in a coordinator's or leader's scope; undefined for anyone else. */
export async function listRecentProblemSamples(
  db: Db,
  campaign: Campaign,
  viewer: SampleViewer,
  limit: number,
): Promise<ProblemSample[] | undefined> {
  if (!isViewer(viewer.member)) return undefined;
  const rows = await listProblemSamplesInScope(db, campaign.id, viewer.unit.id, limit);
  return rows.map(toProblemSample);
}

/**
 * A stored sample's bytes for a coordinator whose scope holds its commune (DESIGN §6: only coordinators
 * in scope get them; leaders see the list only). Every handover is written to the audit log, once per update.
 */
export async function fetchSampleContent(
  db: Db,
  campaign: Campaign,
  viewer: SampleViewer,
  request: { readonly sampleId: number; readonly inboxId: number },
  now: Date,
): Promise<SampleFetch> {
  const { sampleId, inboxId } = request;
  const { member } = viewer;
  if (!member.active || member.role !== 'coordinator') return { kind: 'not_allowed' };
  const sample = await findSampleFile(db, sampleId);
  if (!sample) return { kind: 'not_found' };
  const ancestry = await findUnitAncestry(db, sample.unit_id);
  const unit = ancestry[0];
  if (!unit || unit.campaign_id !== campaign.id || !ancestry.some((u) => u.id === viewer.unit.id)) {
    return { kind: 'not_found' };
  }
  if (!sample.content) return { kind: 'no_content', purged: sample.purge_after !== null };
  // Keyed by the inbox update, so that handling the same message again writes no second entry.
  if (!(await isSampleDownloadAudited(db, inboxId))) {
    await insertAudit(db, {
      at: now,
      actor: `${member.platform}:${member.platform_user_id}`,
      action: SAMPLE_DOWNLOAD_ACTION,
      campaignId: campaign.id,
      details: { sampleId, unitId: sample.unit_id, inboxId },
    });
  }
  return {
    kind: 'found',
    fileName: baseName(sample.file_name),
    unitName: unit.name,
    bytes: sample.content,
  };
}
