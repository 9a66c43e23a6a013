import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Markup } from 'telegraf';
import type { Message } from 'telegraf/types';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';
import { fakeTelegraf, startPolling, type PollingBot } from './polling-bot.js';

describe('inline keyboard → callback query → answer + edit, over long polling', () => {
  let api: FakeBotApi;
  let polling: PollingBot;
  let handlerErrors: string[];
  const user = { id: 900, first_name: 'Bình', username: 'binh_tp' };
  beforeEach(async () => {
    api = await startFakeBotApi();
    const bot = fakeTelegraf(api);
    handlerErrors = [];
    // Without a catch, telegraf rethrows a handler's error and the polling loop dies, as in production.
    bot.catch((error) => {
      handlerErrors.push(error instanceof Error ? error.message : String(error));
    });
    bot.command('menu', (ctx) =>
      ctx.reply('Chọn báo cáo:', {
        ...Markup.inlineKeyboard([
          [Markup.button.callback('Tiến độ', 'progress'), Markup.button.callback('Xếp hạng', 'rank')],
        ]),
      }),
    );
    bot.action('progress', async (ctx) => {
      await ctx.answerCbQuery('Đang tải…');
      await ctx.editMessageText(
        'Tiến độ: 50%',
        Markup.inlineKeyboard([Markup.button.callback('Làm mới', 'progress')]),
      );
    });
    bot.action('rank', async (ctx) => {
      await ctx.answerCbQuery();
      await ctx.editMessageText('Chọn báo cáo:'); // same text as now, no keyboard → allowed (markup changes)
    });
    polling = startPolling(bot, api);
  });
  afterEach(async () => {
    await polling.stop();
    await api.close();
  });

  it('edits the message in place and records the answer', async () => {
    api.sendText(user, '/menu');
    const sent = await api.waitForSend(900, 'Chọn');
    const menu = sent.result as Message.TextMessage;
    expect(menu.text).toBe('Chọn báo cáo:');
    expect(sent.replyMarkup).toEqual({
      inline_keyboard: [
        [
          { text: 'Tiến độ', callback_data: 'progress', hide: false },
          { text: 'Xếp hạng', callback_data: 'rank', hide: false },
        ],
      ],
    });

    const press = api.pressButton(user, menu, 'progress');
    const edit = await api.waitFor((c) => c.method === 'editMessageText' && c.ok);
    expect(edit.result).toMatchObject({
      message_id: menu.message_id,
      text: 'Tiến độ: 50%',
      edit_date: expect.any(Number),
    });
    expect('callback_query' in press && api.callbackAnswer(press.callback_query.id)).toEqual({
      text: 'Đang tải…',
    });
    expect(api.messagesTo(900)).toHaveLength(1);
    expect(api.lastMessageTo(900)).toMatchObject({ text: 'Tiến độ: 50%' });

    // The keyboard changed with the edit: the old button is gone, the new one can be pressed.
    expect(() => api.pressButton(user, menu, 'rank')).toThrow(
      /has no button "rank"; its buttons carry "progress"/,
    );
    api.pressButton(user, menu, 'progress');
    const second = await api.waitFor((c) => c.method === 'editMessageText' && !c.ok);
    expect(second.error?.description).toMatch(/^Bad Request: message is not modified/);
    await expect
      .poll(() => handlerErrors)
      .toEqual([expect.stringMatching(/^400: Bad Request: message is not modified/)]);
  });

  it('refuses a second answer to the same query and presses on deleted messages', async () => {
    api.sendText(user, '/menu');
    const menu = (await api.waitForSend(900, 'Chọn')).result as Message.TextMessage;
    api.pressButton(user, menu, 'rank');
    await api.waitFor((c) => c.method === 'editMessageText');
    const answers = api.sent.filter((c) => c.method === 'answerCallbackQuery');
    expect(answers).toHaveLength(1);
    const queryId = String(answers[0]?.params.callback_query_id);
    await expect(polling.bot.telegram.answerCbQuery(queryId)).rejects.toMatchObject({
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
    await polling.bot.telegram.deleteMessage(900, menu.message_id);
    expect(api.messagesTo(900)).toEqual([]);
    expect(() => api.pressButton(user, menu, 'rank')).toThrow(/does not exist/);
  });
});
