import { addDays } from '../domain/local-time.js';
import { purgeExpiredConvertedFiles } from '../services/sample-convert-store.service.js';
import { purgeExpiredSamples } from '../services/sample-file-purge.service.js';
import { purgeOldUploadBatches } from '../services/upload-purge.service.js';
import type { JobDefinition } from './job-definition.js';
import { campaignDates } from './job-slots.js';

/** When the purge runs each day, local time: quiet hours, before anyone sends samples. */
export const SAMPLE_PURGE_TIME = '02:00';

/**
 * `xoa-tep-mau`: every night, the bytes of sample files past the campaign's retention period are dropped.
 * It sends no message. It runs past the campaign's end for as long as the retention period, so that
 * samples sent on the last day are purged too; a missed night is caught up by the next one, since each
 * run clears everything due by then.
 */
export const samplePurgeJob = {
  name: 'xoa-tep-mau',
  slotTimes: (settings) =>
    campaignDates({
      startDate: settings.startDate,
      endDate: addDays(settings.endDate, settings.files.retentionDays + 1),
    }).map((date) => ({ date, time: SAMPLE_PURGE_TIME })),
  run: async ({ db, campaign, now }) => {
    // The converter's originals and results, and the upload page's verdict lists, go with the samples,
    // on the same retention.
    const purged =
      (await purgeExpiredSamples(db, now)) +
      (await purgeExpiredConvertedFiles(db, now)) +
      (await purgeOldUploadBatches(db, campaign.id, campaign.settings.files.retentionDays, now));
    return { messages: [], outcome: { units: 0, errors: [], purged } };
  },
} as const satisfies Omit<JobDefinition, 'name'> & { readonly name: 'xoa-tep-mau' };
