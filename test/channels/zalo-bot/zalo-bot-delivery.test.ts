import { afterEach, describe, expect, it } from 'vitest';
import { createZaloBotChannel } from '../../../src/channels/zalo-bot/zalo-bot-channel.js';
import { zaloTextParts } from '../../../src/channels/zalo-bot/zalo-bot-delivery.js';
import { ZALO_QUOTA_BACKOFF_SECONDS } from '../../../src/channels/zalo-bot/zalo-bot-errors.js';
import type { OutboxRow } from '../../../src/db/outbox.table.js';
import { albumOf } from '../../../src/outbox/outbox-payload.js';
import { FakeZaloBot, MediaHost, startFakeZaloBot } from '../../support/fake-zalo-bot/index.js';

// The Zalo delivery of each neutral outbox payload, against the fake server (no database needed).

let nextId = 1;
function row(kind: OutboxRow['kind'], payload: unknown, attachment: Buffer | null = null): OutboxRow {
  const now = new Date('2025-03-10T09:00:00Z');
  return {
    id: nextId++,
    dedupe_key: `k${nextId}`,
    platform: 'zalo-bot',
    chat_id: 'u1',
    kind,
    payload,
    attachment,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
    result: null,
    created_at: now,
    sent_at: null,
    redacted_at: null,
  };
}

describe('the Zalo Bot delivery', () => {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0)) await o.close();
  });
  const start = async (withMedia = true) => {
    const zalo = await startFakeZaloBot();
    const media = await new MediaHost().listen();
    open.push(zalo, media);
    const channel = createZaloBotChannel({
      token: zalo.token,
      apiRoot: zalo.apiRoot,
      ...(withMedia ? { media } : {}),
    });
    return { zalo, media, channel };
  };

  it('splits a long text at line breaks into messages of at most 2,000 characters, choices numbered last', async () => {
    const { zalo, channel } = await start();
    const lines = Array.from({ length: 120 }, (_, i) => `Dòng ${i + 1}: ${'số hóa '.repeat(5).trim()}`);
    const text = lines.join('\n');
    const result = await channel.deliver(
      row('text', {
        text,
        choices: [
          [
            { label: '✅ Xác nhận', data: 'rc:1' },
            { label: '✖️ Hủy', data: 'rx:1' },
          ],
        ],
      }),
    );
    const sent = zalo.textsTo('u1');
    expect(sent.length).toBeGreaterThan(2);
    expect(sent.every((t) => t.length <= 2000)).toBe(true);
    // Cut between lines, nothing lost or repeated.
    expect(sent.join('\n').startsWith(text)).toBe(true);
    expect(sent.at(-1)).toMatch(/👉 Trả lời bằng một số:\n1 — ✅ Xác nhận\n2 — ✖️ Hủy$/);
    expect(result).toEqual({ message_id: zalo.sent.at(-1)?.message_id });
  });

  it('keeps the numbered list whole: a text that fills its message gets the list as one more', () => {
    const choices = [
      [
        { label: '✅ Xác nhận', data: 'rc:1' },
        { label: '✖️ Hủy', data: 'rx:1' },
      ],
    ];
    const full = 'a'.repeat(1990);
    expect(zaloTextParts({ text: full, choices })).toEqual([
      full,
      '👉 Trả lời bằng một số:\n1 — ✅ Xác nhận\n2 — ✖️ Hủy',
    ]);
    expect(zaloTextParts({ text: 'Ngắn', choices })).toEqual([
      'Ngắn\n\n👉 Trả lời bằng một số:\n1 — ✅ Xác nhận\n2 — ✖️ Hủy',
    ]);
    expect(zaloTextParts({ text: 'Không có lựa chọn' })).toEqual(['Không có lựa chọn']);
    // Zalo refuses an empty text: an empty reply sends nothing rather than failing forever.
    expect(zaloTextParts({ text: '  ' })).toEqual([]);
  });

  it('sends an edit as a new message (Zalo cannot edit) and skips a menu without calling Zalo', async () => {
    const { zalo, channel } = await start();
    await channel.deliver(row('edit', { text: 'Đã hủy.', message_id: 12 }));
    expect(
      await channel.deliver(row('menu', { commands: [{ command: 'tiendo', description: 'x' }] })),
    ).toEqual({
      skipped: 'menu',
    });
    expect(zalo.calls.map((c) => c.method)).toEqual(['sendMessage']);
    expect(zalo.textsTo('u1')).toEqual(['Đã hủy.']);
  });

  it('sends an album as photos one by one, by URLs Zalo fetches, the caption on the first', async () => {
    const { zalo, channel } = await start();
    const images = [
      { fileName: 'xep-hang-1.png', bytes: Buffer.from('PNG-one') },
      { fileName: 'xep-hang-2.png', bytes: Buffer.from('PNG-two') },
      { fileName: 'tien-do.png', bytes: Buffer.from('PNG-three') },
    ];
    const album = albumOf(images, 'Xếp hạng ngày 10/03');
    await channel.deliver(row('album', album.payload, album.attachment));
    const photos = zalo.photosTo('u1');
    expect(photos.map((p) => p.bytes.toString())).toEqual(['PNG-one', 'PNG-two', 'PNG-three']);
    expect(photos.map((p) => p.caption)).toEqual(['Xếp hạng ngày 10/03', undefined, undefined]);
  });

  it('resumes an album after a 429 where it stopped: no photo twice, none dropped', async () => {
    const { zalo, channel } = await start();
    const images = ['a', 'b', 'c'].map((n) => ({ fileName: `${n}.png`, bytes: Buffer.from(n) }));
    const album = albumOf(images);
    const r = row('album', album.payload, album.attachment);
    await channel.deliver(r).catch(() => undefined);
    zalo.failNext('sendPhoto', FakeZaloBot.QUOTA);
    zalo.sent.splice(0);
    const again = row('album', album.payload, album.attachment);
    const error = await channel.deliver(again).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expect(channel.classifyError(error)).toEqual({
      kind: 'retry_after',
      seconds: ZALO_QUOTA_BACKOFF_SECONDS,
    });
    await channel.deliver(again);
    expect(zalo.photosTo('u1').map((p) => p.bytes.toString())).toEqual(['a', 'b', 'c']);
  });

  it('without a media address, says in text that the chart is not on Zalo, and names a document', async () => {
    const { zalo, channel } = await start(false);
    await channel.deliver(row('photo', { fileName: 'x.png', caption: 'Tiến độ tỉnh' }, Buffer.from('png')));
    await channel.deliver(
      row('document', { fileName: 'bao-cao.pdf', caption: 'Báo cáo ngày' }, Buffer.from('%PDF')),
    );
    expect(zalo.photosTo('u1')).toEqual([]);
    expect(zalo.textsTo('u1')[0]).toContain('Tiến độ tỉnh\n📊 (Biểu đồ chưa gửi được qua Zalo');
    expect(zalo.textsTo('u1')[1]).toContain('📄 Tệp bao-cao.pdf chưa gửi được qua Zalo');
  });

  it('sends a document as a link when the media side publishes it', async () => {
    const { zalo, channel } = await start();
    await channel.deliver(row('document', { fileName: 'bao-cao.pdf' }, Buffer.from('%PDF-1.7')));
    const text = zalo.lastTextTo('u1');
    const url = /http:\/\/127\.0\.0\.1:\d+\/\S+/.exec(text)?.[0] ?? '';
    expect(text).toContain('📄 Tải tệp bao-cao.pdf:');
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).toString()).toBe('%PDF-1.7');
  });

  it('classifies Zalo’s errors: 429 waits, 403 is blocked, 5xx and no answer retry, a bad request is permanent', async () => {
    const { zalo, channel } = await start();
    const fail = async (fault: { error_code: number; description: string }) => {
      zalo.failNext('sendMessage', fault);
      return channel.deliver(row('text', { text: 'x' })).then(
        () => undefined,
        (e: unknown) => channel.classifyError(e),
      );
    };
    expect(await fail(FakeZaloBot.QUOTA)).toEqual({
      kind: 'retry_after',
      seconds: ZALO_QUOTA_BACKOFF_SECONDS,
    });
    expect(await fail({ error_code: 403, description: 'Forbidden' })).toEqual({ kind: 'blocked' });
    expect(await fail({ error_code: 502, description: 'Bad Gateway' })).toEqual({
      kind: 'transient',
      status: 502,
    });
    expect(await fail({ error_code: 401, description: 'Unauthorized' })).toEqual({
      kind: 'transient',
      status: 401,
    });
    expect(await fail({ error_code: 400, description: 'text must be 1-2000 characters' })).toEqual({
      kind: 'permanent',
    });
    expect(channel.classifyError(new TypeError('fetch failed'))).toEqual({ kind: 'transient' });
  });
});
