import { expect, it } from 'vitest';
import type { ChatKind } from '../../../src/channels/chat-message.js';
import { textToChatInput } from '../../../src/channels/command-words.js';
import { ManualClock } from '../../../src/domain/clock.js';
import { getCampaign } from '../../../src/services/campaign.service.js';
import { createInvite } from '../../../src/services/invite.service.js';
import { loadQuangTri } from '../../support/campaign-fixture.js';
import { NumberedChannel, PlainChannel } from '../../support/plain-channel.js';
import { startPlainChat } from '../../support/plain-chat.js';
import { describeEachDatabase } from '../../support/test-database.js';

// Numbered choices are channel-neutral: any channel whose limits say 'numbers' gets them, with the rules
// of the buttons — here in a group chat (as Zalo OA groups will have), where only the sender may confirm.

describeEachDatabase('numbered choices', (database) => {
  const setup = async (channel: PlainChannel) => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const campaignId = await loadQuangTri(db);
    const deliver = startPlainChat(db, clock, channel, [await getCampaign(db)]);
    const say = (from: { id: string; name: string }, text: string, chat: { id: string; kind: ChatKind }) =>
      deliver({ chat, from, input: textToChatInput(text) });
    const join = async (from: { id: string; name: string }, unitCode: string) => {
      const { code } = await createInvite(
        db,
        { campaignId, unitCode, role: 'coordinator', uses: 1, validDays: 30, createdBy: 't' },
        clock,
      );
      await say(from, `/start ${code}`, { id: from.id, kind: 'private' });
    };
    return { db, clock, say, join };
  };

  it('lets only the sender confirm by number in a group, and leaves numbers alone when nothing was offered', async () => {
    const channel = new NumberedChannel({ textLength: 2000, captionLength: 2000, downloadBytes: 0 });
    const { db, clock, say, join } = await setup(channel);
    const hung = { id: 'hung', name: 'Hùng' };
    const son = { id: 'son', name: 'Sơn' };
    await join(hung, '461');
    await join(son, '461');
    const group = { id: 'g1', kind: 'group' as const };
    expect(await say(hung, '/baocao xã 19333 sổ 10 quét 1000 nhập 900 đính kèm 800', group)).toContain(
      '✅ Đã ghi báo cáo',
    );
    clock.advance(3_600_000);
    expect(await say(hung, '/baocao xã 19333 quét 990', group)).toMatch(
      /1 — ✅ Xác nhận\n2 — ✖️ Hủy$|Xác nhận/,
    );
    const payload = channel.delivered.at(-1)?.payload as { choices?: unknown };
    expect(payload.choices).toBeDefined();
    expect(await say(son, '1', group)).toBe('Chỉ người gửi báo cáo mới xác nhận hoặc hủy được.');
    const scanned = async () =>
      (await db.selectFrom('daily_reports').select('scanned').executeTakeFirstOrThrow()).scanned;
    expect(await scanned()).toBe(1000);
    expect(await say(hung, 'số 1', group)).toContain('✅ Đã ghi báo cáo');
    expect(await scanned()).toBe(990);
    // In a private chat whose last message offered nothing, «2» is just text.
    const before = channel.delivered.length;
    expect(await say(hung, '/tiendo', { id: 'hung', kind: 'private' })).toContain('Thành phố Đông Hà');
    expect(await say(hung, '2', { id: 'hung', kind: 'private' })).toContain('/trogiup');
    expect(channel.delivered.length).toBe(before + 2);
  });

  it('never reads a number as a choice on a channel with buttons', async () => {
    const channel = new PlainChannel();
    const { db, clock, say, join } = await setup(channel);
    const hung = { id: 'hung', name: 'Hùng' };
    await join(hung, '461');
    const chat = { id: 'hung', kind: 'private' as const };
    await say(hung, '/baocao xã 19333 sổ 10 quét 1000 nhập 900 đính kèm 800', chat);
    clock.advance(3_600_000);
    await say(hung, '/baocao xã 19333 quét 990', chat);
    expect(await say(hung, '1', chat)).not.toContain('✅ Đã ghi báo cáo');
    expect((await db.selectFrom('daily_reports').select('scanned').executeTakeFirstOrThrow()).scanned).toBe(
      1000,
    );
  });
});
