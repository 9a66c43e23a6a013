import type { Campaign } from '../domain/campaign.js';
import { addDays, instantAt } from '../domain/local-time.js';
import type { JobDefinition, JobSlot } from './job-definition.js';

/** The campaign's dates, first to last. */
export function campaignDates(settings: { startDate: string; endDate: string }): string[] {
  const dates: string[] = [];
  for (let date = settings.startDate; date <= settings.endDate; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** Every slot of a job in a campaign, in time order. */
export function jobSlots(job: JobDefinition, campaign: Campaign): JobSlot[] {
  const { settings } = campaign;
  return job
    .slotTimes(settings)
    .map(({ date, time }) => ({
      id: `${campaign.code}:${date}T${time}`,
      date,
      time,
      at: instantAt(date, time, settings.timeZone),
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The job's latest slot at or before `at` (what `run-job --at` runs), if the campaign has one by then. */
export function slotAtOrBefore(job: JobDefinition, campaign: Campaign, at: Date): JobSlot | undefined {
  return jobSlots(job, campaign)
    .filter((slot) => slot.at.getTime() <= at.getTime())
    .at(-1);
}

/** How late a slot may still run after it was missed (per-job setting, else the campaign's default). */
export function graceMinutesOf(job: JobDefinition, campaign: Campaign): number {
  const { reminders } = campaign.settings;
  return reminders.jobGraceMinutes[job.name] ?? reminders.graceMinutes;
}
