import { fileRulesOf, type Campaign } from '../domain/campaign.js';
import type { ConvertOutcome } from '../domain/convert-outcome.js';
import type { Db } from '../db/database.js';
import { convertBatch, type BatchResult } from '../files/convert/convert-batch.js';
import { convertFile, type ConvertInput } from '../files/convert/convert-file.js';
import { convertRulesOf, type ConvertRules } from '../files/convert/convert-rules.js';
import { recordSamples, type RecordedSample } from './sample-file-store.service.js';
import { sampleOwnerOf, type SampleCheckInput } from './sample-file.service.js';

/** The converter's rules for a campaign: its file rules and its clean-up steps. */
export function campaignConvertRules(campaign: Campaign): ConvertRules {
  return convertRulesOf(fileRulesOf(campaign.settings), campaign.settings.files.convert);
}

/** Converts one photo or scan by the campaign's rules: CPU only, done outside any transaction. */
export function convertSample(campaign: Campaign, file: ConvertInput, now: Date): Promise<ConvertOutcome> {
  return convertFile(file, campaignConvertRules(campaign), now);
}

/** Converts a list of files (ZIP archives opened) by the campaign's rules, into one ZIP of PDFs. */
export function convertSampleBatch(
  campaign: Campaign,
  files: readonly ConvertInput[],
  now: Date,
): Promise<BatchResult> {
  return convertBatch(files, campaignConvertRules(campaign), now);
}

/** A converted PDF to keep, under the name it is handed back with. */
export interface ConvertedSample {
  readonly fileName: string;
  readonly pdf: Uint8Array;
  readonly verdict: Extract<ConvertOutcome, { kind: 'converted' }>['verdict'];
}

/**
 * Records PDFs the bot made for a reporter's commune, as samples the commune sent: counted, and kept
 * under the campaign's retention like any sample (coordinators see what the commune will submit).
 * Coordinators' and leaders' conversions are not a commune's work and are not recorded.
 */
export async function recordConvertedSamples(
  db: Db,
  // The upload page has no inbox update: null, and every copy stored before is then a duplicate.
  input: Omit<SampleCheckInput, 'inboxId'> & { readonly inboxId: number | null },
  samples: readonly ConvertedSample[],
  now: Date,
): Promise<RecordedSample[]> {
  const owner = sampleOwnerOf(input.sender);
  if (!owner || samples.length === 0) return [];
  return recordSamples(
    db,
    input.campaign,
    owner,
    samples.map((sample) => ({ fileName: sample.fileName, bytes: sample.pdf, verdict: sample.verdict })),
    input.inboxId,
    now,
  );
}
