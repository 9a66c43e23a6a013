import { expect, it } from 'vitest';
import { FakeZaloBot, startZaloChat } from '../../support/fake-zalo-bot/index.js';
import { describeEachDatabase } from '../../support/test-database.js';

// The chat features through the Zalo Bot channel and its fake server: the same answers as on Telegram,
// with commands in words, numbered choices instead of buttons, and Zalo's own limits.

describeEachDatabase('the Zalo Bot channel', (database) => {
  const setup = async (options: { media?: boolean } = {}) => {
    const harness = await startZaloChat(database().db, options);
    const { db, clock, zalo, say, join } = harness;
    const lan = zalo.user('6ede9afa66b88fe6d6a9', 'Lan');
    return { db, clock, harness, zalo, say, join, lan };
  };

  it('joins, reports and confirms in words and numbers, with the same rules as the buttons', async () => {
    const { db, clock, harness, say, join, lan } = await setup();
    try {
      expect(await say(lan, 'tiến độ')).toContain('Để tham gia, hãy gửi: /start <mã mời>');
      await join(lan, '19333');
      expect(harness.zalo.textsTo(lan.id).at(-1)).toContain(
        'Chào anh/chị Lan! Anh/chị đã tham gia chiến dịch',
      );
      const accepted = await say(lan, 'Báo cáo sổ 10 quét 1000 nhập 900 đính kèm 800');
      expect(accepted).toContain('✅ Đã ghi báo cáo');
      // The edit button, as a numbered choice at the end of the same message.
      expect(accepted).toMatch(/👉 Trả lời 1 để chọn: ✏️ Sửa báo cáo$/);
      expect(await say(lan, '1')).toContain('(lần trước: 10)');
      // Inside the step-by-step questions a number is an answer, not a choice.
      expect(await say(lan, '3')).toContain('(lần trước: 1.000)');
      await say(lan, 'giữ');
      await say(lan, 'giữ');
      // 3 books after 10 is a decrease: confirmed by its number, like the button.
      expect(await say(lan, 'giữ')).toContain('Số sổ giảm so với lần báo cáo trước: 10 → 3');
      expect(await say(lan, '1')).toContain('✅ Đã ghi báo cáo');
      expect((await db.selectFrom('daily_reports').select('books').executeTakeFirstOrThrow()).books).toBe(3);

      clock.advance(3_600_000);
      const held = await say(lan, 'báo cáo quét 990');
      expect(held).toContain('giảm so với lần báo cáo trước: 1.000 → 990');
      expect(held).toMatch(/👉 Trả lời bằng một số:\n1 — ✅ Xác nhận\n2 — ✖️ Hủy$/);
      // A number beyond the choices is not a choice: it goes on to the other features.
      expect(await say(lan, '7')).not.toContain('✅ Đã ghi báo cáo');
      expect((await db.selectFrom('daily_reports').select('scanned').executeTakeFirstOrThrow()).scanned).toBe(
        1000,
      );
      await say(lan, 'báo cáo quét 990');
      expect(await say(lan, 'số 1')).toContain('✅ Đã ghi báo cáo');
      expect((await db.selectFrom('daily_reports').select('scanned').executeTakeFirstOrThrow()).scanned).toBe(
        990,
      );

      // A confirmation that was already decided is stale, as a second press on the button would be.
      clock.advance(3_600_000);
      await say(lan, 'báo cáo quét 980');
      expect(await say(lan, '2')).toContain('Đã hủy');
      expect((await db.selectFrom('daily_reports').select('scanned').executeTakeFirstOrThrow()).scanned).toBe(
        990,
      );
      const texts = harness.zalo.textsTo(lan.id);
      expect(texts.every((t) => t.length <= 2000)).toBe(true);
    } finally {
      await harness.close();
    }
  });

  it('lets a numbered choice expire like its button: a reminder preview confirmed too late is refused', async () => {
    const { clock, harness, say, join, zalo, lan } = await setup();
    try {
      await join(lan, '19333');
      const hung = zalo.user('c00rd1nat0r', 'Hùng');
      await join(hung, '461', 'coordinator');
      const preview = await say(hung, 'nhắc nhở chưa báo cáo Đề nghị báo cáo trước 17:00 hôm nay.');
      expect(preview).toContain('📢 Tin nhắc sẽ gửi tới');
      expect(preview).toMatch(/1 — ✅ Gửi\n2 — ❌ Hủy$/);
      clock.advance(31 * 60_000);
      expect(await say(hung, '1')).toContain('30 phút');
      expect(zalo.textsTo(lan.id).some((t) => t.startsWith('📢 Tin nhắc gửi đồng chí'))).toBe(false);
      // In time, «1» sends it: the reporter on Zalo gets it, and «1» on the answer shows the result.
      await say(hung, 'nhắc nhở chưa báo cáo Đề nghị báo cáo trước 17:00 hôm nay.');
      expect(await say(hung, '1')).toMatch(
        /^✅ Đã xếp hàng gửi 1 tin nhắc[\s\S]*1 — 📊 Kết quả|👉 Trả lời 1 để chọn: 📊 Kết quả$/,
      );
      expect(zalo.lastTextTo(lan.id)).toMatch(
        /^📢 Tin nhắc gửi đồng chí:\nĐề nghị báo cáo trước 17:00 hôm nay\./,
      );
      expect(await say(hung, '1')).toBe('📊 Kết quả tin nhắc: đã gửi 1/1, lỗi 0, đang chờ gửi 0.');
      expect(await say(hung, 'xếp hạng')).toContain('Thành phố Đông Hà');
    } finally {
      await harness.close();
    }
  });

  it('answers a file Zalo would not pass on and a photo of a page in Vietnamese, and a stranger with how to join', async () => {
    const { harness, join, lan, zalo } = await setup();
    try {
      const stranger = zalo.user('57r4n63r', 'Khách');
      await zalo.sendUnsupported(stranger);
      await harness.settle();
      expect(zalo.lastTextTo(stranger.id)).toContain('/start <mã mời>');
      await join(lan, '19333');
      await zalo.sendUnsupported(lan);
      await harness.settle();
      expect(zalo.lastTextTo(lan.id)).toBe(
        '📎 Zalo không chuyển tệp (PDF, ZIP…) cho bot, nên bot chưa nhận được tệp anh/chị vừa gửi.\n' +
          'Hãy gửi tệp mẫu qua bot trên Telegram, hoặc gửi cho cán bộ điều phối để kiểm tra giúp.',
      );
      // A coordinator is that help: only Telegram is named (no office of a map that may have no district).
      const hung = zalo.user('hun6', 'Hùng');
      await join(hung, '461', 'coordinator');
      await zalo.sendUnsupported(hung);
      await harness.settle();
      expect(zalo.lastTextTo(hung.id)).toContain('\nHãy gửi tệp mẫu qua bot trên Telegram để kiểm tra.');
      await zalo.sendImage(lan);
      await harness.settle();
      const photo = zalo.lastTextTo(lan.id);
      expect(photo).toContain('quét hồ sơ ra tệp PDF');
      expect(photo).not.toContain('Telegram nén ảnh');
      // A sticker is nothing the bot acts on: the usual pointer to the help.
      await zalo.sendSticker(lan);
      await harness.settle();
      expect(zalo.lastTextTo(lan.id)).toContain('/trogiup');
    } finally {
      await harness.close();
    }
  });

  it('backs off on 429 «Quota exceeded» and delivers every reply exactly once', async () => {
    const { db, harness, say, join, lan, zalo } = await setup();
    try {
      await join(lan, '19333');
      const before = zalo.textsTo(lan.id).length;
      zalo.failNext('sendMessage', FakeZaloBot.QUOTA, 3);
      const answer = await say(lan, 'tiến độ');
      expect(answer).toContain('Phường 1');
      expect(zalo.textsTo(lan.id)).toHaveLength(before + 1);
      const rows = await db
        .selectFrom('outbox')
        .select(['status', 'attempts'])
        .where('platform', '=', 'zalo-bot')
        .execute();
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      expect(zalo.calls.filter((c) => c.method === 'sendMessage').length).toBe(zalo.sent.length + 3);
    } finally {
      await harness.close();
    }
  });

  it('stops writing to a person who blocked the bot', async () => {
    const { db, harness, join, lan, zalo } = await setup();
    try {
      await join(lan, '19333');
      zalo.blocked.add(lan.id);
      await zalo.sendText(lan, 'tiến độ');
      await harness.settle();
      const member = await db
        .selectFrom('members')
        .select('active')
        .where('platform_user_id', '=', lan.id)
        .executeTakeFirstOrThrow();
      expect(member.active).toBe(false);
    } finally {
      await harness.close();
    }
  });

  it('handles the same Zalo message once, however often it is fetched', async () => {
    const { db, harness, join, lan, zalo } = await setup();
    try {
      await join(lan, '19333');
      const update = await zalo.sendText(lan, 'tiến độ');
      await zalo.push(update.event_name, lan, { text: 'tiến độ' }, String(update.message.message_id));
      await harness.settle();
      const rows = await db.selectFrom('inbox').select('id').where('platform', '=', 'zalo-bot').execute();
      expect(rows).toHaveLength(2);
      expect(zalo.textsTo(lan.id).filter((t) => t.includes('Phường 1')).length).toBeGreaterThan(0);
      const progressReplies = zalo.textsTo(lan.id).slice(1);
      expect(progressReplies).toHaveLength(1);
    } finally {
      await harness.close();
    }
  });
});
