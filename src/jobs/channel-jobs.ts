import type { MediaSigning } from '../services/web-media.service.js';
import type { JobDefinition } from './job-definition.js';
import { ALL_JOBS } from './job-registry.js';
import { ZALO_OA_JOBS } from './zalo-oa-jobs.js';
import { zaloPackageJob, type ZaloPackagePlatform } from './zalo-package.job.js';

/** The Zalo channels a process runs, as the package job names them. */
export function zaloPlatforms(zalo: { readonly bot: boolean; readonly oa: boolean }): ZaloPackagePlatform[] {
  return [...(zalo.bot ? ['zalo-bot' as const] : []), ...(zalo.oa ? ['zalo-oa' as const] : [])];
}

/**
 * The scheduler's jobs for the channels a process runs: the default ones; with the OA its window jobs;
 * with any Zalo channel the evening package one by one (`signing`: the web side's, for Zalo Bot's
 * images). Undefined without Zalo: the scheduler's default list.
 */
export function jobsWithZalo(
  zalo: { readonly bot: boolean; readonly oa: boolean },
  signing: MediaSigning | undefined,
): readonly JobDefinition[] | undefined {
  const platforms = zaloPlatforms(zalo);
  if (platforms.length === 0) return undefined;
  return [...ALL_JOBS, ...(zalo.oa ? ZALO_OA_JOBS : []), zaloPackageJob({ platforms, signing })];
}
