import type { Logger } from '../config/logger.js';
import type { CampaignFile } from '../domain/campaign-file.js';
import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import type { NewOutboxMessage } from '../db/outbox.repository.js';

/** The jobs the scheduler knows, by the names operators type (`sohoa run-job <name>`). */
export const JOB_NAMES = [
  'nhac-bao-cao',
  'thieu-bao-cao',
  'dem-nguoc',
  'tong-hop-ngay',
  'xoa-tep-mau',
  'xoa-tin-nhan-cu',
  // Only when the Zalo OA channel runs (src/jobs/zalo-oa-jobs.ts): report calls moved into the free window,
  // and the daily line on what the OA's sends cost.
  'zalo-oa-nhac-som',
  'zalo-oa-cua-so',
  // Only when a Zalo channel runs (src/jobs/zalo-package.job.ts): the evening package one by one to the
  // leaders who chose Zalo.
  'zalo-goi-ngay',
] as const;
/** One of the scheduled jobs. */
export type JobName = (typeof JOB_NAMES)[number];

/** One run of a job: a local date and time in the campaign's time zone, and the instant it falls on. */
export interface JobSlot {
  /** Ledger key: campaign code, local date and time, e.g. `quang-tri-2025:2025-03-10T16:00`. */
  readonly id: string;
  readonly date: string;
  readonly time: string;
  readonly at: Date;
}

/** What a job run sees. `db` is not a transaction: a job only reads; the runner writes its messages. */
export interface JobContext {
  readonly db: Db;
  readonly campaign: Campaign;
  readonly slot: JobSlot;
  readonly now: Date;
  readonly logger: Logger;
  /** The web side's public address (WEB_BASE_URL), when it is on: the evening package links to it. */
  readonly webBaseUrl?: string;
}

/** One message a job wants sent; the runner gives it the dedupe key job + slot + recipient (+ part). */
export interface JobMessage extends Omit<NewOutboxMessage, 'dedupeKey'> {
  /** Several messages to one recipient in one run (a chart, then a PDF) are told apart by this. */
  readonly part?: number;
}

/** What a job decided: the messages, and figures for the ledger (units affected, recipients, errors). */
export interface JobResult {
  readonly messages: readonly JobMessage[];
  readonly outcome: {
    /** Units the run concerns (e.g. communes reminded). */
    readonly units: number;
    readonly errors: readonly string[];
    readonly [detail: string]: unknown;
  };
}

/** A scheduled job: when it runs in a campaign, and what it sends. */
export interface JobDefinition {
  readonly name: JobName;
  /** Every local date and time it runs on, within the campaign's calendar. */
  slotTimes(settings: CampaignFile): readonly { readonly date: string; readonly time: string }[];
  run(context: JobContext): Promise<JobResult>;
}
