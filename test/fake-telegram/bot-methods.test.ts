import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Markup, type Telegraf } from 'telegraf';
import { ManualClock } from '../../src/domain/clock.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';
import { fakeTelegraf } from './polling-bot.js';
import { ids, rawCall } from './raw-bot-api.js';

describe('Bot API methods as the bot sees them', () => {
  let api: FakeBotApi;
  let bot: Telegraf;
  beforeEach(async () => {
    api = await startFakeBotApi({ botInfo: { username: 'sohoa_qt_bot', first_name: 'Số hoá QT' } });
    bot = fakeTelegraf(api, { callGetMe: true });
    api.registerChat({ id: 10, type: 'private', first_name: 'Ngọc' });
  });
  afterEach(async () => {
    await api.close();
  });

  it('getMe reflects botInfo and the token; setMyCommands is stored per scope', async () => {
    expect(await bot.telegram.getMe()).toEqual({
      id: 1234567890,
      is_bot: true,
      first_name: 'Số hoá QT',
      username: 'sohoa_qt_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    });
    await bot.telegram.setMyCommands([{ command: 'baocao', description: 'Báo cáo số liệu' }]);
    await bot.telegram.setMyCommands([{ command: 'tiendo', description: 'Tiến độ' }], {
      scope: { type: 'all_group_chats' },
    });
    expect(api.myCommands()).toEqual([{ command: 'baocao', description: 'Báo cáo số liệu' }]);
    expect(await bot.telegram.getMyCommands({ scope: { type: 'all_group_chats' } })).toEqual([
      { command: 'tiendo', description: 'Tiến độ' },
    ]);
    await expect(bot.telegram.setMyCommands([{ command: 'BaoCao', description: 'x' }])).rejects.toMatchObject(
      {
        description: 'Bad Request: BOT_COMMAND_INVALID',
      },
    );
  });

  it('validates text, keyboards and chat actions like Telegram', async () => {
    await expect(bot.telegram.sendMessage(10, 'x'.repeat(4097))).rejects.toMatchObject({
      description: 'Bad Request: message is too long',
    });
    await expect(bot.telegram.sendMessage(10, '   ')).rejects.toMatchObject({
      description: 'Bad Request: message text is empty',
    });
    // 63 characters, but 96 bytes: Vietnamese diacritics take 2–3 bytes each, and the limit is 64 bytes.
    const tooLong = 'đăngkýxãphườngthịtrấn'.repeat(3);
    await expect(
      bot.telegram.sendMessage(10, 'Chọn', Markup.inlineKeyboard([Markup.button.callback('A', tooLong)])),
    ).rejects.toMatchObject({ description: 'Bad Request: BUTTON_DATA_INVALID' });
    await expect(bot.telegram.sendChatAction(10, 'dancing' as 'typing')).rejects.toMatchObject({
      description: 'Bad Request: wrong parameter action in request',
    });
    await expect(bot.telegram.sendMessage(10, 'a <b', { parse_mode: 'HTML' })).rejects.toMatchObject({
      code: 400,
    });
    const withReplyKeyboard = await bot.telegram.sendMessage(
      10,
      'Gõ số',
      Markup.keyboard([['1', '2']]).resize(),
    );
    expect(withReplyKeyboard).not.toHaveProperty('reply_markup'); // only inline keyboards come back
  });

  it('threads replies and keeps one message-id sequence per chat', async () => {
    const user = { id: 10, first_name: 'Ngọc' };
    const question = api.sendText(user, 'câu hỏi');
    const asked = 'message' in question ? question.message : undefined;
    const answer = await bot.telegram.sendMessage(10, 'trả lời', {
      reply_parameters: { message_id: asked?.message_id ?? 0 },
    });
    expect(answer.message_id).toBe(2);
    expect(answer.reply_to_message).toMatchObject({ message_id: 1, text: 'câu hỏi' });
    await expect(
      bot.telegram.sendMessage(10, 'x', { reply_parameters: { message_id: 99 } }),
    ).rejects.toMatchObject({
      description: 'Bad Request: message to be replied not found',
    });
    const followUp = api.sendText(user, 'ừ', undefined, { replyTo: answer });
    expect(followUp).toMatchObject({ message: { message_id: 3, reply_to_message: { message_id: 2 } } });
  });

  it('stamps dates from the given clock and numbers updates from firstUpdateId', async () => {
    const clock = new ManualClock('2025-03-20T09:59:00Z');
    const demo = await startFakeBotApi({ clock, firstUpdateId: 5000 });
    try {
      const update = demo.sendText({ id: 1, first_name: 'A' }, 'hi');
      expect(update).toMatchObject({
        update_id: 5000,
        message: { date: Date.parse('2025-03-20T09:59:00Z') / 1000 },
      });
      clock.advance(60_000);
      const sent = await rawCall(demo, 'sendMessage', { chat_id: 1, text: 'ok' });
      expect(sent.json.result).toMatchObject({ date: Date.parse('2025-03-20T10:00:00Z') / 1000 });
    } finally {
      await demo.close();
    }
  });

  it('filters updates by the allowed_updates the bot asked for', async () => {
    const user = { id: 10, first_name: 'Ngọc' };
    expect(ids(await rawCall(api, 'getUpdates', { allowed_updates: ['callback_query'] }))).toEqual([]);
    api.sendText(user, 'bị bỏ qua');
    const menu = await bot.telegram.sendMessage(
      10,
      'Chọn',
      Markup.inlineKeyboard([Markup.button.callback('A', 'a')]),
    );
    const press = api.pressButton(user, menu, 'a');
    expect(ids(await rawCall(api, 'getUpdates'))).toEqual([press.update_id]);
    expect(ids(await rawCall(api, 'getUpdates', { allowed_updates: [] }))).toEqual([press.update_id]);
    api.sendText(user, 'lại nhận');
    expect(ids(await rawCall(api, 'getUpdates'))).toHaveLength(2);
  });
});

describe('rewordBotText: the bot with other wording', () => {
  it('rewrites texts and captions before anything reads them, keeping buttons and files', async () => {
    const api = await startFakeBotApi({ rewordBotText: (text) => `«${text.toUpperCase()}»` });
    try {
      api.registerChat({ id: 10, type: 'private', first_name: 'Ngọc' });
      const bot = fakeTelegraf(api);
      const sent = await bot.telegram.sendMessage(
        10,
        'Đã ghi',
        Markup.inlineKeyboard([Markup.button.callback('Xác nhận', 'rc:1')]),
      );
      expect(sent.text).toBe('«ĐÃ GHI»');
      await bot.telegram.editMessageText(10, sent.message_id, undefined, 'Đã sửa');
      expect(api.messagesTo(10).map((m) => ('text' in m ? m.text : ''))).toEqual(['«ĐÃ SỬA»']);
      expect(api.sent.map((c) => c.text)).toEqual(['«ĐÃ GHI»', '«ĐÃ SỬA»']);
      expect(sent.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({
        text: 'Xác nhận',
        callback_data: 'rc:1',
      });
    } finally {
      await api.close();
    }
  });
});
