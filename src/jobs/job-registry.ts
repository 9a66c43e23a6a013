import { deadlineCountdownJob } from './deadline-countdown.job.js';
import { dailySummaryJob } from './daily-summary.job.js';
import type { JobDefinition, JobName } from './job-definition.js';
import { missedReportJob } from './missed-report.job.js';
import { reportCallJob } from './report-call.job.js';
import { retentionJob } from './retention.job.js';
import { samplePurgeJob } from './sample-purge.job.js';
import { ZALO_OA_JOBS } from './zalo-oa-jobs.js';

/** Every scheduled job, in the order a tick looks at them. */
export const ALL_JOBS: readonly JobDefinition[] = [
  missedReportJob,
  deadlineCountdownJob,
  reportCallJob,
  dailySummaryJob,
  samplePurgeJob,
  retentionJob,
];

/** The job with this name, if there is one. */
export function findJob(name: string): JobDefinition | undefined {
  // The OA's jobs run only where the OA is wired, but an operator may run one by hand anywhere.
  return [...ALL_JOBS, ...ZALO_OA_JOBS].find((job) => job.name === (name as JobName));
}
