import { fileRulesOf, type Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import type { MemberRow } from '../db/member.table.js';
import type { UnitRow } from '../db/unit.table.js';
import { inspectFile } from '../files/file-inspector.js';
import type { FileVerdict } from '../domain/file-verdict.js';
import { sampleStatsForUnits } from './sample-file-stats.service.js';
import { type SampleStats } from '../domain/sample-file-stats.js';
import { recordSamples, type RecordedSample, type SampleOwner } from './sample-file-store.service.js';

/** Who sent a sample, as the bot knows them. */
export interface SampleSender {
  readonly member: MemberRow;
  readonly unit: UnitRow;
}

/** The context of one check: the campaign, the sender, and the inbox update it came in. */
export interface SampleCheckInput {
  readonly campaign: Campaign;
  readonly sender: SampleSender;
  readonly inboxId: number;
}

/** A file sent for checking. */
export interface SentFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The verdict on one sample and what it did to the commune's record. */
export interface SampleFileOutcome {
  readonly verdict: FileVerdict;
  /** Undefined when the sender's samples do not count for a commune (coordinators, leaders). */
  readonly recorded?: RecordedSample;
  /** The commune's statistics after this file, when it counts for one. */
  readonly stats?: { readonly unitName: string; readonly stats: SampleStats };
}

/**
 * The commune a sender's samples count for: only an active reporter's own commune. A coordinator or a
 * leader gets verdicts too, but their files say nothing about a commune's work, so they are not stored.
 */
export function sampleOwnerOf(sender: SampleSender): SampleOwner | undefined {
  const { member, unit } = sender;
  if (!member.active || member.role !== 'reporter' || unit.level !== 'commune') return undefined;
  return { unitId: unit.id, memberId: member.id };
}

/** The commune's sample statistics, for the reply after a check. */
export async function ownerStats(
  db: Db,
  sender: SampleSender,
): Promise<{ unitName: string; stats: SampleStats }> {
  const stats = (await sampleStatsForUnits(db, [sender.unit.id])).get(sender.unit.id);
  return { unitName: sender.unit.name, stats: stats ?? { checked: 0, accepted: 0, rejected: 0 } };
}

/** Inspects one sample file against the campaign's rules: CPU only, done outside any transaction. */
export function inspectSampleFile(campaign: Campaign, file: SentFile, now: Date): Promise<FileVerdict> {
  return inspectFile(file, fileRulesOf(campaign.settings), now);
}

/** Records an inspected sample for the sender's commune (nothing for coordinators and leaders). */
export async function recordSampleFile(
  db: Db,
  input: SampleCheckInput,
  file: SentFile,
  verdict: FileVerdict,
  now: Date,
): Promise<SampleFileOutcome> {
  const owner = sampleOwnerOf(input.sender);
  if (!owner) return { verdict };
  const [recorded] = await recordSamples(
    db,
    input.campaign,
    owner,
    [{ fileName: verdict.name, bytes: file.bytes, verdict }],
    input.inboxId,
    now,
  );
  return { verdict, ...(recorded ? { recorded } : {}), stats: await ownerStats(db, input.sender) };
}

/** Checks one sample file and records it: inspection then recording (callers without a transaction). */
export async function checkSampleFile(
  db: Db,
  input: SampleCheckInput,
  file: SentFile,
  now: Date,
): Promise<SampleFileOutcome> {
  return recordSampleFile(db, input, file, await inspectSampleFile(input.campaign, file, now), now);
}
