import { expect, it } from 'vitest';
import { createLogger } from '../../../src/config/logger.js';
import { linkMember } from '../../../src/db/member-link.repository.js';
import { upsertMember } from '../../../src/db/member.repository.js';
import { enqueueOutbox } from '../../../src/db/outbox.repository.js';
import { dailySummaryJob } from '../../../src/jobs/daily-summary.job.js';
import { runJobSlot } from '../../../src/jobs/job-runner.js';
import { jobSlots } from '../../../src/jobs/job-slots.js';
import { getCampaign } from '../../../src/services/campaign.service.js';
import { createInvite } from '../../../src/services/invite.service.js';
import { zaloOaSendCounts } from '../../../src/services/zalo-oa-window.service.js';
import { startOaChat } from '../../support/fake-zalo-oa/oa-chat-fixture.js';
import { closeAfterEach } from '../../support/close-after-each.js';
import { describeEachDatabase } from '../../support/test-database.js';

const DAY = 86_400_000;

describeEachDatabase('the Zalo OA interaction window', (database) => {
  const closing = closeAfterEach();

  it('counts free and billed sends as Zalo charges them over a week, and stops at a silent member', async () => {
    const chat = closing(await startOaChat(database().db, '2025-03-10T08:00:00+07:00'));
    await chat.join('u-lan', '19333');
    await chat.join('u-minh', '19339');
    // Minh also uses Telegram, linked to his OA membership (/lienket).
    const oaMinh = await chat.db
      .selectFrom('members')
      .select(['id', 'unit_id'])
      .where('platform_user_id', '=', 'u-minh')
      .executeTakeFirstOrThrow();
    const tgMinh = await upsertMember(chat.db, {
      campaign_id: chat.campaignId,
      platform: 'telegram',
      platform_user_id: '7001',
      display_name: 'Minh',
      role: 'reporter',
      unit_id: oaMinh.unit_id,
      at: chat.clock.now(),
    });
    await linkMember(chat.db, tgMinh.id, oaMinh.id, chat.clock.now());
    const start = chat.clock.now();
    for (let day = 0; day < 10; day++) {
      chat.clock.set(new Date(start.getTime() + day * DAY + 2 * 3_600_000));
      // Lan writes every day; Minh only on the first (when he joined).
      await chat.say('u-lan', 'tiến độ');
      chat.clock.set(new Date(start.getTime() + day * DAY + 8 * 3_600_000));
      await enqueueOutbox(
        chat.db,
        ['u-lan', 'u-minh'].map((id) => ({
          dedupeKey: `test:${day}:${id}`,
          platform: 'zalo-oa',
          chatId: id,
          kind: 'text' as const,
          payload: { text: `Nhắc việc ngày ${day + 1}` },
        })),
        chat.clock.now(),
      );
      await chat.settle();
    }
    const fake = chat.oa.state.charges();
    const ours = await zaloOaSendCounts(chat.db, start, new Date(chat.clock.now().getTime() + DAY));
    expect(ours).toEqual(fake);
    // Minh: free for 48 h after he joined, then billed up to 7 days, then Zalo refuses once — and sohoa
    // does not try him again until he writes.
    const minh = chat.oa.state.sent.filter(
      (s) => s.to.userId === 'u-minh' && s.message.text?.toString().startsWith('Nhắc'),
    );
    expect(minh.map((s) => s.charge)).toEqual([
      'free',
      'free',
      'billed',
      'billed',
      'billed',
      'billed',
      'billed',
      'refused',
    ]);
    expect(fake.billed).toBe(5);
    const contact = await chat.db
      .selectFrom('zalo_oa_contacts')
      .selectAll()
      .where('user_id', '=', 'u-minh')
      .executeTakeFirstOrThrow();
    expect(contact.unreachable_code).toBe(-230);
    const failed = await chat.db
      .selectFrom('outbox')
      .select(['attempts', 'status'])
      .where('chat_id', '=', 'u-minh')
      .where('dedupe_key', 'like', 'test:%')
      .where('status', '=', 'failed')
      .execute();
    expect(failed).toHaveLength(3);
    expect(failed.every((r) => r.attempts === 1)).toBe(true);
    // What the OA could not deliver went to his Telegram instead (days 8, 9 and 10), once each.
    const copies = await chat.db
      .selectFrom('outbox')
      .select(['dedupe_key', 'payload'])
      .where('platform', '=', 'telegram')
      .where('chat_id', '=', '7001')
      .orderBy('id')
      .execute();
    expect(copies.map((c) => (c.payload as { text: string }).text)).toEqual([
      'Nhắc việc ngày 8',
      'Nhắc việc ngày 9',
      'Nhắc việc ngày 10',
    ]);
    // He writes again: reachable and free at once.
    await chat.say('u-minh', 'tiến độ');
    expect(chat.oa.textsTo({ userId: 'u-minh' }).at(-1)).toContain('Phường');
  });

  it('registers a GMF group with /dangky and delivers the evening package there', async () => {
    const chat = closing(await startOaChat(database().db, '2025-03-10T16:00:00+07:00'));
    await chat.join('u-lan', '19333');
    await chat.say('u-lan', 'báo cáo sổ 12 quét 1540 nhập 1320 đính kèm 1100');
    const code = (
      await createInvite(
        chat.db,
        {
          campaignId: chat.campaignId,
          unitCode: '45',
          role: 'leader',
          uses: 1,
          validDays: 30,
          createdBy: 'test',
        },
        chat.clock,
      )
    ).code;
    await chat.post(chat.oa.groupText('grp-1', 'u-lead', `/dangky ${code}`));
    expect(chat.oa.textsTo({ groupId: 'grp-1' }).at(-1)).toContain('Tỉnh Quảng Trị');
    const campaign = await getCampaign(chat.db);
    chat.clock.set('2025-03-10T17:30:00+07:00');
    const slot = jobSlots(dailySummaryJob, campaign).find((s) => s.date === '2025-03-10');
    if (!slot) throw new Error('no slot');
    await runJobSlot(
      { db: chat.db, campaign, clock: chat.clock, logger: createLogger('silent'), instance: 't' },
      dailySummaryJob,
      slot,
      { force: false },
    );
    await chat.settle();
    const toGroup = chat.oa.state.sent.filter((s) => s.to.groupId === 'grp-1');
    const kinds = toGroup.map((s) => (s.message.attachment as { type?: string } | undefined)?.type ?? 'text');
    expect(kinds).toContain('image');
    expect(kinds).toContain('file');
    expect(kinds).toContain('text');
    expect(chat.oa.state.uploadedImages.size).toBeGreaterThan(0);
    for (const image of chat.oa.state.uploadedImages.values())
      expect(image.bytes.length).toBeLessThanOrEqual(1_000_000);
    const pdf = [...chat.oa.state.uploadedFiles.values()].at(-1);
    expect(pdf?.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const failed = await chat.db
      .selectFrom('outbox')
      .select('last_error')
      .where('status', '=', 'failed')
      .execute();
    expect(failed).toEqual([]);
  });
});
