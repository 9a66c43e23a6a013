import { expect, it } from 'vitest';
import { createLogger } from '../../../src/config/logger.js';
import type { Campaign } from '../../../src/domain/campaign.js';
import { enqueueOutbox } from '../../../src/db/outbox.repository.js';
import type { JobDefinition } from '../../../src/jobs/job-definition.js';
import { runJobSlot } from '../../../src/jobs/job-runner.js';
import { jobSlots } from '../../../src/jobs/job-slots.js';
import { reportCallJob } from '../../../src/jobs/report-call.job.js';
import { oaEarlyReminderJob } from '../../../src/jobs/zalo-oa-early-reminder.job.js';
import { oaWindowJob } from '../../../src/jobs/zalo-oa-window.job.js';
import { getCampaign } from '../../../src/services/campaign.service.js';
import {
  addTelegramProvinceCoordinator,
  startOaChat,
  type OaChat,
} from '../../support/fake-zalo-oa/oa-chat-fixture.js';
import { closeAfterEach } from '../../support/close-after-each.js';
import { describeEachDatabase } from '../../support/test-database.js';

describeEachDatabase('the Zalo OA jobs', (database) => {
  const closing = closeAfterEach();

  /** Runs every slot of `jobs` on `date`, in time order, with the clock at each slot, then delivers. */
  async function runDay(c: OaChat, campaign: Campaign, jobs: JobDefinition[], date: string) {
    const slots = jobs
      .flatMap((job) => jobSlots(job, campaign).map((slot) => ({ job, slot })))
      .filter((s) => s.slot.date === date)
      .sort((a, b) => a.slot.at.getTime() - b.slot.at.getTime());
    for (const { job, slot } of slots) {
      c.clock.set(slot.at);
      const deps = { db: c.db, campaign, clock: c.clock, logger: createLogger('silent'), instance: 't' };
      await runJobSlot(deps, job, slot, { force: false });
      await c.settle();
    }
  }

  it('moves a report call into the free window and does not send it twice', async () => {
    const chat = closing(await startOaChat(database().db, '2025-03-10T09:00:00+07:00'));
    await chat.join('u-lan', '19333');
    chat.clock.set('2025-03-10T16:30:00+07:00');
    await chat.join('u-minh', '19339');
    const campaign = await getCampaign(chat.db);
    await runDay(chat, campaign, [oaEarlyReminderJob, reportCallJob], '2025-03-12');
    const calls = (userId: string) =>
      chat.oa.state.sent.filter((s) => s.to.userId === userId && String(s.message.text).includes('12/03'));
    // Lan wrote on Monday at 09:00: her window closes Wednesday 09:00, so her call goes at 08:00, free.
    expect(calls('u-lan').map((s) => [s.at.toISOString(), s.charge])).toEqual([
      ['2025-03-12T01:00:00.000Z', 'free'],
    ]);
    // Minh wrote at 16:30: the 16:00 call is still inside his window.
    expect(calls('u-minh').map((s) => [s.at.toISOString(), s.charge])).toEqual([
      ['2025-03-12T09:00:00.000Z', 'free'],
    ]);
  });

  it('tells province coordinators each morning what the OA’s sends cost and who is out of reach', async () => {
    const chat = closing(await startOaChat(database().db, '2025-03-08T09:00:00+07:00'));
    await chat.join('u-tam', '19330');
    chat.clock.set('2025-03-10T09:00:00+07:00');
    await addTelegramProvinceCoordinator(chat);
    await chat.join('u-lan', '19333');
    await chat.join('u-minh', '19339');
    // Day 7 (Sunday 16th) at 11:00: Lan has been silent six days and two hours; Minh writes.
    chat.clock.set('2025-03-16T11:00:00+07:00');
    await chat.say('u-minh', 'tiến độ');
    // Tâm has been silent since the 8th: Zalo refuses (-230), and so would it a person who never wrote.
    await enqueueOutbox(
      chat.db,
      ['u-tam', 'u-ghost'].map((id) => ({
        dedupeKey: `t:${id}`,
        platform: 'zalo-oa',
        chatId: id,
        kind: 'text' as const,
        payload: { text: 'Nhắc việc' },
      })),
      chat.clock.now(),
    );
    await chat.settle();
    const campaign = await getCampaign(chat.db);
    await runDay(chat, campaign, [oaWindowJob], '2025-03-17');
    const line = await chat.db
      .selectFrom('outbox')
      .select('payload')
      .where('platform', '=', 'telegram')
      .where('dedupe_key', 'like', 'job:zalo-oa-cua-so:%')
      .executeTakeFirstOrThrow();
    expect((line.payload as { text: string }).text).toBe(
      '📨 Zalo OA ngày 16/03/2025: 1 tin miễn phí, 0 tin tính phí, 2 tin bị Zalo từ chối.\n' +
        'Không nhắn được qua Zalo OA (im lặng quá 7 ngày hoặc chưa từng nhắn cho OA) — 1 người:\n' +
        '• Phường Đông Giang\n' +
        'Nhờ anh/chị liên hệ qua kênh khác và đề nghị họ nhắn một tin bất kỳ cho OA.',
    );
    // Lan is a day from 7 days of silence at 07:30 on the 17th: she gets the short question (billed).
    const asked = chat.oa.state.sent.filter((s) => s.to.userId === 'u-lan').at(-1);
    expect(String(asked?.message.text)).toContain('vẫn nhận được tin nhắc việc');
    expect(asked?.charge).toBe('billed');
    expect(chat.oa.textsTo({ userId: 'u-minh' }).some((t) => t.includes('vẫn nhận'))).toBe(false);
  });
});
