import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from 'telegraf/types';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';
import { fakeTelegraf } from './polling-bot.js';

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('sendMediaGroup (albums of charts or reports)', () => {
  let api: FakeBotApi;
  const group = -1_002_000_000_046;
  beforeEach(async () => {
    api = await startFakeBotApi();
    api.registerChat({ id: group, type: 'supergroup', title: 'Lãnh đạo tỉnh' });
  });
  afterEach(async () => {
    await api.close();
  });

  it('stores an uploaded album as one media group, captions per item, bytes kept', async () => {
    const bot = fakeTelegraf(api);
    const sent = await bot.telegram.sendMediaGroup(group, [
      { type: 'photo', media: { source: PNG, filename: 'xep-hang.png' }, caption: 'Xếp hạng huyện' },
      { type: 'photo', media: { source: PNG, filename: 'tien-do.png' } },
    ]);
    expect(sent).toHaveLength(2);
    const [first, second] = sent as Message.PhotoMessage[];
    expect(first?.media_group_id).toBeDefined();
    expect(second?.media_group_id).toBe(first?.media_group_id);
    expect(second!.message_id).toBe(first!.message_id + 1);
    expect(first?.caption).toBe('Xếp hạng huyện');
    expect(second).not.toHaveProperty('caption');
    expect(api.messagesTo(group)).toHaveLength(2);
    const call = api.sent.find((c) => c.method === 'sendMediaGroup');
    expect(call?.files.map((f) => f.fileName)).toEqual(['xep-hang.png', 'tien-do.png']);
    expect(api.fileBytes(first!.photo.at(-1)!.file_id)?.equals(PNG)).toBe(true);
  });

  it('refuses what Telegram refuses: one item, mixed documents, a keyboard; stores nothing then', async () => {
    const bot = fakeTelegraf(api);
    const photo = { type: 'photo' as const, media: { source: PNG, filename: 'a.png' } };
    const doc = { type: 'document' as const, media: { source: PDF, filename: 'bao-cao.pdf' } };
    await expect(bot.telegram.sendMediaGroup(group, [photo])).rejects.toMatchObject({ code: 400 });
    // telegraf's types already forbid the mix; a bot built otherwise must meet the same refusal.
    await expect(bot.telegram.sendMediaGroup(group, [photo, doc] as never)).rejects.toMatchObject({
      description: "Bad Request: documents can't be mixed with other media types",
    });
    await expect(
      bot.telegram.sendMediaGroup(group, [
        { ...photo, caption: 'x'.repeat(1025) },
        { type: 'photo', media: { source: PNG, filename: 'b.png' } },
      ]),
    ).rejects.toMatchObject({ description: 'Bad Request: message caption is too long' });
    expect(api.messagesTo(group)).toEqual([]);
    const docs = await bot.telegram.sendMediaGroup(group, [doc, { ...doc, caption: 'Bản 2' }]);
    expect((docs as Message.DocumentMessage[]).map((m) => m.document.file_name)).toEqual([
      'bao-cao.pdf',
      'bao-cao.pdf',
    ]);
  });

  it('reuses a file_id the bot got earlier, as Telegram does for a chart sent twice', async () => {
    const bot = fakeTelegraf(api);
    const first = await bot.telegram.sendPhoto(group, { source: PNG, filename: 'c.png' });
    const fileId = first.photo.at(-1)!.file_id;
    const album = await bot.telegram.sendMediaGroup(group, [
      { type: 'photo', media: fileId },
      { type: 'photo', media: { source: PNG, filename: 'd.png' } },
    ]);
    expect((album[0] as Message.PhotoMessage).photo.at(-1)?.file_id).toBe(fileId);
  });
});
