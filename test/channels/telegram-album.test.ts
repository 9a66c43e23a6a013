import { Telegram } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { albumChunks } from '../../src/channels/telegram/telegram-album.js';
import { deliverToTelegram } from '../../src/channels/telegram/telegram-delivery.js';
import type { OutboxRow } from '../../src/db/outbox.table.js';
import { ManualClock } from '../../src/domain/clock.js';
import { albumOf } from '../../src/outbox/outbox-payload.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const GROUP = -1_002_000_000_045;

function albumRow(count: number, caption?: string): OutboxRow {
  const album = albumOf(
    Array.from({ length: count }, (_, i) => ({ fileName: `bieu-do-${i + 1}.png`, bytes: PNG })),
    caption,
  );
  const at = new Date('2025-03-10T10:30:00Z');
  return {
    id: 1,
    dedupe_key: 'k',
    platform: 'telegram',
    chat_id: String(GROUP),
    kind: 'album',
    payload: album.payload,
    attachment: album.attachment,
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    last_error: null,
    result: null,
    created_at: at,
    sent_at: null,
    redacted_at: null,
  };
}

describe('Telegram albums', () => {
  let api: FakeBotApi;
  let telegram: Telegram;
  beforeEach(async () => {
    api = await startFakeBotApi({ clock: new ManualClock(new Date('2025-03-10T10:30:00Z')) });
    api.registerChat({ id: GROUP, type: 'supergroup', title: 'Lãnh đạo tỉnh' });
    telegram = new Telegram(api.token, { apiRoot: api.apiRoot });
  });
  afterEach(async () => {
    await api.close();
  });

  it('cuts images into albums of 2 to 10, never leaving one alone', () => {
    expect(albumChunks(1)).toEqual([1]);
    expect(albumChunks(6)).toEqual([6]);
    expect(albumChunks(10)).toEqual([10]);
    expect(albumChunks(11)).toEqual([9, 2]);
    expect(albumChunks(21)).toEqual([10, 9, 2]);
  });

  it('sends an album with sendMediaGroup, the caption on the first image, and the images in order', async () => {
    const result = await deliverToTelegram(telegram, albumRow(6, 'Biểu đồ'));
    const calls = api.sent.filter((c) => c.ok);
    expect(calls.map((c) => c.method)).toEqual(['sendMediaGroup']);
    expect(calls[0]?.files.map((f) => f.fileName)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `bieu-do-${i}.png`));
    const shown = api.messagesTo(GROUP);
    expect(shown.map((m) => ('caption' in m ? m.caption : undefined))).toEqual([
      'Biểu đồ',
      ...Array<undefined>(5).fill(undefined),
    ]);
    expect(result).toEqual({ message_id: shown[0]?.message_id });
  });

  it('sends more than ten images as several albums, and one image as a photo', async () => {
    await deliverToTelegram(telegram, albumRow(11, 'Biểu đồ'));
    await deliverToTelegram(telegram, albumRow(1, 'Một biểu đồ'));
    const calls = api.sent.filter((c) => c.ok);
    expect(calls.map((c) => [c.method, c.files.length])).toEqual([
      ['sendMediaGroup', 9],
      ['sendMediaGroup', 2],
      ['sendPhoto', 1],
    ]);
    expect(calls[2]?.text).toBe('Một biểu đồ');
  });
});
