import { describe, expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import type { Campaign } from '../../src/domain/campaign.js';
import { ALL_JOBS, findJob } from '../../src/jobs/job-registry.js';
import { graceMinutesOf, jobSlots, slotAtOrBefore } from '../../src/jobs/job-slots.js';
import { QUANG_TRI_DIR } from '../support/campaign-fixture.js';

async function quangTri(): Promise<Campaign> {
  const { campaign } = await readCampaignFolder(QUANG_TRI_DIR);
  return { id: 1, code: campaign.code, settings: campaign };
}

const job = (name: string) => {
  const found = findJob(name);
  if (!found) throw new Error(name);
  return found;
};

describe('job calendars', () => {
  it('put every slot inside the campaign, at local times in its time zone', async () => {
    const campaign = await quangTri();
    const ids = (name: string) =>
      jobSlots(job(name), campaign).map((s) => s.id.replace('quang-tri-2025:', ''));
    expect(ids('nhac-bao-cao')).toHaveLength(20);
    expect(ids('nhac-bao-cao')[0]).toBe('2025-03-01T16:00');
    expect(ids('nhac-bao-cao').at(-1)).toBe('2025-03-20T16:00');
    // The morning note is about the day before: from the second day, never the day after the end.
    expect(ids('thieu-bao-cao')[0]).toBe('2025-03-02T08:00');
    expect(ids('thieu-bao-cao')).toHaveLength(19);
    // 3, 1 and 0 days before 20 March; the 25 February deadline falls before the campaign: no countdown.
    expect(ids('dem-nguoc')).toEqual(['2025-03-17T08:00', '2025-03-19T08:00', '2025-03-20T08:00']);
    expect(ids('tong-hop-ngay')[4]).toBe('2025-03-05T17:30');
    const first = jobSlots(job('nhac-bao-cao'), campaign)[0];
    expect(first?.at.toISOString()).toBe('2025-03-01T09:00:00.000Z');
    expect(ALL_JOBS.map((j) => j.name).sort()).toEqual([
      'dem-nguoc',
      'nhac-bao-cao',
      'thieu-bao-cao',
      'tong-hop-ngay',
      'xoa-tep-mau',
      'xoa-tin-nhan-cu',
    ]);
  });

  it('find the slot at or just before a time, and the grace per job', async () => {
    const campaign = await quangTri();
    const at = (iso: string) => slotAtOrBefore(job('nhac-bao-cao'), campaign, new Date(iso))?.id;
    expect(at('2025-03-10T16:00:00+07:00')).toBe('quang-tri-2025:2025-03-10T16:00');
    expect(at('2025-03-10T15:59:59+07:00')).toBe('quang-tri-2025:2025-03-09T16:00');
    expect(at('2025-03-01T15:00:00+07:00')).toBeUndefined();
    expect(at('2025-04-01T16:00:00+07:00')).toBe('quang-tri-2025:2025-03-20T16:00');
    expect(graceMinutesOf(job('nhac-bao-cao'), campaign)).toBe(60);
    const custom = {
      ...campaign,
      settings: {
        ...campaign.settings,
        reminders: { ...campaign.settings.reminders, jobGraceMinutes: { 'tong-hop-ngay': 180 } },
      },
    };
    expect(graceMinutesOf(job('tong-hop-ngay'), custom)).toBe(180);
    expect(graceMinutesOf(job('nhac-bao-cao'), custom)).toBe(60);
  });
});
