import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Telegram } from 'telegraf';
import { ManualClock } from '../../src/domain/clock.js';
import { ChatLog } from '../../src/demo/chat-log.js';
import { telegramDeliveries } from '../../src/demo/telegram-deliveries.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const GROUP = {
  id: -1_002_000_000_045,
  title: 'Lãnh đạo tỉnh',
  role: 'group',
  slug: 'nhom-45',
  channel: 'telegram',
} as const;

describe('the demo’s chat log reads what Telegram received', () => {
  let api: FakeBotApi;
  let telegram: Telegram;
  const clock = new ManualClock(new Date('2025-03-01T11:00:00Z'));
  beforeEach(async () => {
    api = await startFakeBotApi({ clock });
    api.registerChat({ id: GROUP.id, type: 'supergroup', title: GROUP.title });
    telegram = new Telegram(api.token, { apiRoot: api.apiRoot });
  });
  afterEach(async () => {
    await api.close();
  });

  it('logs texts, single files and every file of an album, keeping the group’s files', async () => {
    const log = new ChatLog([telegramDeliveries(api)], clock, 'Bot');
    log.addChat(GROUP);
    const kept: string[] = [];
    await telegram.sendMessage(GROUP.id, 'Tổng hợp');
    await telegram.sendDocument(GROUP.id, { source: PDF, filename: 'bao-cao.pdf' });
    await telegram.sendMediaGroup(GROUP.id, [
      { type: 'photo', media: { source: PNG, filename: 'bieu-do-1.png' }, caption: 'Xếp hạng' },
      { type: 'photo', media: { source: PNG, filename: 'bieu-do-2.png' } },
    ]);
    await log.harvest(async (_chat, _at, file) => {
      kept.push(file.fileName);
      return `ngay/${file.fileName}`;
    });
    expect(log.entries.map((e) => [e.kind, e.text, e.fileName ?? ''])).toEqual([
      ['text', 'Tổng hợp', ''],
      ['document', '', 'bao-cao.pdf'],
      ['photo', 'Xếp hạng', 'bieu-do-1.png'],
      ['photo', '', 'bieu-do-2.png'],
    ]);
    expect(kept).toEqual(['bao-cao.pdf', 'bieu-do-1.png', 'bieu-do-2.png']);
  });
});
