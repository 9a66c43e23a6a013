import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from 'telegraf/types';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';
import { fakeTelegraf, startPolling } from './polling-bot.js';

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('files between the bot and the fake', () => {
  let api: FakeBotApi;
  const user = { id: 300, first_name: 'Thảo' };
  beforeEach(async () => {
    api = await startFakeBotApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('records a multipart document upload from ctx.replyWithDocument with its bytes', async () => {
    const bot = fakeTelegraf(api);
    bot.hears('mẫu', (ctx) =>
      ctx.replyWithDocument({ source: PDF, filename: 'KS.2025.01.001.pdf' }, { caption: 'Mẫu hợp lệ' }),
    );
    const polling = startPolling(bot, api);
    try {
      api.sendText(user, 'mẫu');
      const call = await api.waitForSend(300);
      expect(call.method).toBe('sendDocument');
      expect(call.text).toBe('Mẫu hợp lệ');
      expect(call.files).toHaveLength(1);
      expect(call.files[0]).toMatchObject({
        field: 'document',
        fileName: 'KS.2025.01.001.pdf',
        size: PDF.length,
      });
      expect(call.files[0]?.bytes.equals(PDF)).toBe(true);
      const sent = call.result as Message.DocumentMessage;
      expect(sent.document).toMatchObject({
        file_name: 'KS.2025.01.001.pdf',
        mime_type: 'application/pdf',
        file_size: PDF.length,
      });
      expect(api.fileBytes(sent.document.file_id)?.equals(PDF)).toBe(true);
    } finally {
      await polling.stop();
    }
  });

  it('keeps large streamed (chunked) uploads and Vietnamese file names intact', async () => {
    api.registerChat({ id: 300, type: 'private', first_name: 'Thảo' });
    const bot = fakeTelegraf(api);
    const big = randomBytes(300_000);
    const sent = await bot.telegram.sendDocument(300, {
      source: Readable.from([big.subarray(0, 100_000), big.subarray(100_000)]),
      filename: 'Báo cáo tuần "3".pdf',
    });
    const call = api.sent.at(-1);
    expect(call?.files[0]?.bytes.equals(big)).toBe(true);
    expect(sent.document.file_name).toBe('Báo cáo tuần "3".pdf');
    expect(sent.document.file_size).toBe(300_000);
  });

  it('records sendPhoto uploads with image dimensions, and refuses a PDF as a photo', async () => {
    api.registerChat({ id: 300, type: 'private', first_name: 'Thảo' });
    const bot = fakeTelegraf(api);
    const photo = await bot.telegram.sendPhoto(
      300,
      { source: PNG, filename: 'xep-hang.png' },
      { caption: 'Xếp hạng' },
    );
    expect(photo.caption).toBe('Xếp hạng');
    expect(photo.photo.at(-1)).toMatchObject({ width: 1, height: 1, file_size: PNG.length });
    const call = api.sent.at(-1);
    expect(call).toMatchObject({ method: 'sendPhoto', chatId: 300, ok: true });
    expect(call?.files[0]?.bytes.equals(PNG)).toBe(true);

    // Re-sending by file_id uploads nothing and reuses the stored photo.
    const again = await bot.telegram.sendPhoto(300, photo.photo.at(-1)?.file_id ?? '');
    expect(again.photo[0]?.file_id).toBe(photo.photo.at(-1)?.file_id);

    await expect(bot.telegram.sendPhoto(300, { source: PDF, filename: 'oops.pdf' })).rejects.toMatchObject({
      code: 400,
      description: 'Bad Request: IMAGE_PROCESS_FAILED',
    });
    await expect(bot.telegram.sendPhoto(300, 'https://example.com/chart.png')).rejects.toMatchObject({
      code: 400,
      description: 'Bad Request: failed to get HTTP URL content', // the fake never leaves the machine
    });
  });

  it('serves a user-sent document through getFile and the download route (getFileLink + fetch)', async () => {
    const bot = fakeTelegraf(api);
    const links: string[] = [];
    bot.on('document', async (ctx) => {
      const link = await ctx.telegram.getFileLink(ctx.message.document.file_id);
      links.push(link.href);
      const bytes = Buffer.from(await (await fetch(link)).arrayBuffer());
      await ctx.reply(
        `Đã nhận ${ctx.message.document.file_name ?? '?'}: ${bytes.length} byte, ${bytes.equals(PDF) ? 'khớp' : 'sai'}`,
      );
    });
    const polling = startPolling(bot, api);
    try {
      const update = api.sendDocument(user, { fileName: 'KT.2024.02.015.pdf', bytes: PDF });
      expect(update).toMatchObject({
        message: { document: { file_name: 'KT.2024.02.015.pdf', mime_type: 'application/pdf' } },
      });
      const reply = await api.waitForSend(300, 'Đã nhận');
      expect(reply.text).toBe(`Đã nhận KT.2024.02.015.pdf: ${PDF.length} byte, khớp`);
      expect(links[0]).toMatch(new RegExp(`^${api.apiRoot}/file/bot${api.token}/documents/file_\\d+\\.pdf$`));
    } finally {
      await polling.stop();
    }
    expect((await fetch(`${api.apiRoot}/file/bot${api.token}/documents/nope.pdf`)).status).toBe(404);
    expect((await fetch((links[0] ?? '').replace(api.token, '1:bad'))).status).toBe(401);
  });
});
