import type { JobDefinition } from './job-definition.js';
import { oaEarlyReminderJob } from './zalo-oa-early-reminder.job.js';
import { oaWindowJob } from './zalo-oa-window.job.js';

/**
 * The jobs the Zalo OA channel adds; the wiring passes `[...ALL_JOBS, ...ZALO_OA_JOBS]` to the scheduler
 * when the OA is configured, so a process without the OA has no extra ledger rows.
 */
export const ZALO_OA_JOBS: readonly JobDefinition[] = [oaEarlyReminderJob, oaWindowJob];
