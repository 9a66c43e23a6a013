import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';
import { fakeTelegraf, startPolling } from './polling-bot.js';

describe('a real telegraf bot in long-polling mode against the fake', () => {
  let api: FakeBotApi;
  beforeEach(async () => {
    api = await startFakeBotApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('answers /start with a reply', async () => {
    const bot = fakeTelegraf(api, { callGetMe: true });
    bot.start((ctx) => ctx.reply(`Xin chào ${ctx.from.first_name}! Mã: ${ctx.payload}`));
    const polling = startPolling(bot, api);
    try {
      const lan = api.user(1001, { firstName: 'Lan' });
      const update = api.sendText(lan, '/start ABC123');
      expect(update).toMatchObject({
        update_id: 1,
        message: { text: '/start ABC123', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
      });

      const call = await api.waitForSend(1001, 'Xin chào');
      expect(call.text).toBe('Xin chào Lan! Mã: ABC123');
      expect(call.ok).toBe(true);
      expect(api.lastMessageTo(1001)).toMatchObject({
        message_id: 2, // the user's /start was 1: one id sequence per chat
        text: 'Xin chào Lan! Mã: ABC123',
        from: { id: api.botInfo.id, is_bot: true, username: 'sohoa_test_bot' },
        chat: { id: 1001, type: 'private', first_name: 'Lan' },
      });
      expect(api.sent.map((c) => c.method)).toEqual(['getMe', 'deleteWebhook', 'sendMessage']);
    } finally {
      await polling.stop();
    }
    expect(api.stats().pendingUpdates).toBe(0); // telegraf confirmed the update when it stopped
  });

  it('delivers updates injected before launch, in order, and group commands addressed @bot', async () => {
    const bot = fakeTelegraf(api);
    bot.command('tiendo', (ctx) => ctx.reply(`tiến độ cho ${ctx.chat.id}`));
    bot.on('message', (ctx) => ctx.reply('không hiểu'));
    const group = { id: -1001234567890, type: 'supergroup', title: 'Lãnh đạo tỉnh' } as const;
    const boss = { id: 7, first_name: 'Hùng' };
    api.addBotToGroup(boss, group);
    const update = api.sendText(boss, '/tiendo@sohoa_test_bot', group);
    expect(update).toMatchObject({ message: { entities: [{ type: 'bot_command', offset: 0, length: 22 }] } });
    api.sendText(boss, 'xin chào');
    const polling = startPolling(bot, api);
    try {
      await api.waitForSend(-1001234567890, 'tiến độ cho -1001234567890');
      await api.waitForSend(7, 'không hiểu');
      // The service message about the bot joining is a message too: telegraf's 'message' handler saw
      // it. telegraf handles one getUpdates batch concurrently, so the replies' order is not fixed.
      expect(
        api
          .messagesTo(-1001234567890)
          .map((m) => ('text' in m ? m.text : ''))
          .sort(),
      ).toEqual(['không hiểu', 'tiến độ cho -1001234567890']);
    } finally {
      await polling.stop();
    }
  });

  it('refuses to send to a user who never wrote to the bot, as Telegram does', async () => {
    const bot = fakeTelegraf(api);
    await expect(bot.telegram.sendMessage(555, 'hello')).rejects.toMatchObject({
      code: 403,
      description: "Forbidden: bot can't initiate conversation with a user",
    });
    await expect(bot.telegram.sendMessage(-100999, 'hello')).rejects.toMatchObject({
      code: 400,
      description: 'Bad Request: chat not found',
    });
    api.registerChat({ id: 555, type: 'private', first_name: 'Known' });
    await expect(bot.telegram.sendMessage(555, 'hello')).resolves.toMatchObject({ message_id: 1 });
  });
});
