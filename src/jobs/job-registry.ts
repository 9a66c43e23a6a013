import { deadlineCountdownJob } from './deadline-countdown.job.js';
import { dailySummaryJob } from './daily-summary.job.js';
import type { JobDefinition, JobName } from './job-definition.js';
import { missedReportJob } from './missed-report.job.js';
import { reportCallJob } from './report-call.job.js';
import { retentionJob } from './retention.job.js';
import { samplePurgeJob } from './sample-purge.job.js';

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
  return ALL_JOBS.find((job) => job.name === (name as JobName));
}
