import { PDFDocument } from 'pdf-lib';
import type { Update, User } from 'telegraf/types';
import { beforeAll, expect, it } from 'vitest';
import { downloadTelegramFile } from '../../src/channels/telegram/telegram-download.js';
import { makeJpeg, makeScanOfSize } from '../files/support/scan-corpus.js';
import { buildZip } from '../files/support/zip-builder.js';
import { textOf } from '../support/bot-harness.js';
import { startChat } from '../support/chat-fixture.js';
import { describeEachDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * A scan at exactly 100 dpi (1000 px over 720 pt); `seed` varies the image and so the hash. Pages share
 * one embedded image, so that two pages stay under the size limit.
 */
async function scan(seed: number, pages = 1): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const image = await document.embedJpg(await makeJpeg(1000, 1000, 'text', 20, seed));
  for (let i = 0; i < pages; i++) {
    document.addPage([720, 720]).drawImage(image, { x: 0, y: 0, width: 720, height: 720 });
  }
  return document.save({ useObjectStreams: false });
}

/** Minimal CSV reading for verdictsToCsv's output: BOM, CRLF, quoted cells with doubled quotes. */
function csvRows(text: string): string[][] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  return lines.map((line) =>
    [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) =>
      m[1] !== undefined ? m[1].replaceAll('""', '"') : (m[2] ?? ''),
    ),
  );
}

let good: Uint8Array;
let other: Uint8Array;
let twoPages: Uint8Array;
let tooBig: Uint8Array;
let jpeg: Uint8Array;

beforeAll(async () => {
  good = await scan(1);
  other = await scan(2);
  twoPages = await scan(3, 2);
  jpeg = await makeJpeg(300, 300, 'text', 40, 4);
  tooBig = await makeScanOfSize(150_000, await makeJpeg(1000, 1000, 'text', 20, 5));
});

async function setup(database: () => TestDatabase) {
  const { db } = database();
  const { clock, harness, join } = await startChat(db);
  const { api } = harness;
  const send = async (from: User, fileName: string, bytes: Uint8Array, mimeType?: string) => {
    const update = api.sendDocument(from, {
      fileName,
      bytes: Buffer.from(bytes),
      ...(mimeType ? { mimeType } : {}),
    });
    await harness.settle();
    return { reply: textOf(api.lastMessageTo(from.id)), updateId: update.update_id };
  };
  const samples = () => db.selectFrom('sample_files').selectAll().orderBy('id').execute();
  return { db, clock, harness, api, join, send, samples };
}

describeEachDatabase('sample files in the chat', (database) => {
  it('accepts a good scan, stores its verdict and bytes, and shows the commune its statistics', async () => {
    const { harness, api, join, send, samples } = await setup(database);
    try {
      const lan = await join(api.user(501, { firstName: 'Lan' }), '19333', 'reporter');
      const { reply } = await send(lan, 'KS.2010.01.001.pdf', good);
      expect(reply).toContain('✅ Đạt — KS.2010.01.001.pdf');
      expect(reply).toContain('1 trang · khoảng 100 dpi');
      expect(reply).toContain('📁 Phường 1: đã kiểm tra 1 tệp mẫu — 1 đạt, 0 không đạt.');
      const [row] = await samples();
      expect(row).toMatchObject({ file_name: 'KS.2010.01.001.pdf', verdict: 'accepted', problems: [] });
      expect(row?.size_bytes).toBe(good.length);
      expect(row?.content?.equals(Buffer.from(good))).toBe(true);
      expect(row?.purge_after?.toISOString()).toBe('2025-04-09T02:00:00.000Z');
    } finally {
      await harness.close();
    }
  });

  it('rejects a file too large and badly named with every problem, and keeps it for coordinators', async () => {
    const { harness, api, join, send, samples } = await setup(database);
    try {
      const lan = await join(api.user(501), '19333', 'reporter');
      await send(lan, 'khai sinh 2010.pdf', tooBig);
      // The verdict; the converter's fixed file follows it (test/bot/convert.test.ts).
      const reply =
        api
          .messagesTo(lan.id)
          .map(textOf)
          .find((text) => text.includes('❌ Không đạt')) ?? '';
      expect(reply).toContain('❌ Không đạt — khai sinh 2010.pdf (2 lỗi)');
      expect(reply).toContain('không đúng mẫu LOẠI.NĂM.QUYỂN.SỐ.pdf');
      expect(reply).toContain('vượt giới hạn 100,0 KB');
      expect(reply).toContain('0 đạt, 1 không đạt');
      const [row] = await samples();
      expect(row?.verdict).toBe('rejected');
      expect((row?.problems as { code: string }[]).map((p) => p.code)).toEqual([
        'name.pattern',
        'size.too_large',
      ]);
      expect(row?.content).not.toBeNull();
    } finally {
      await harness.close();
    }
  });

  it('tells what a renamed JPEG really is, and recognises the same file sent twice', async () => {
    const { harness, api, clock, join, send, samples } = await setup(database);
    try {
      const lan = await join(api.user(501), '19333', 'reporter');
      expect((await send(lan, 'KT.2011.02.003.pdf', jpeg)).reply).toContain('thực chất là ảnh JPEG');
      clock.advance(3_600_000);
      const again = await send(lan, 'KT.2011.02.003-ban-sao.pdf', jpeg);
      expect(again.reply).toContain('ℹ️ Tệp này đã được kiểm tra lúc 09:00 10/03/2025');
      expect(again.reply).toContain('❌ Không đạt');
      expect(again.reply).toContain('đã kiểm tra 1 tệp mẫu');
      expect(await samples()).toHaveLength(1);
    } finally {
      await harness.close();
    }
  });

  it('checks a ZIP: one summary, and a CSV whose rows match every file', async () => {
    const { harness, api, join, send, samples } = await setup(database);
    try {
      const lan = await join(api.user(501), '19333', 'reporter');
      const zip = buildZip([
        { name: 'KS.2010.01.001.pdf', data: good },
        { name: 'quyen-01/ks_2010_01_002.pdf', data: other },
        { name: 'KT.2011.02.003.pdf', data: jpeg },
        { name: 'KS.2012.03.005.pdf', data: other.subarray(0, 5000) },
        { name: 'KH.2010.01.004.pdf', data: twoPages },
        { name: '.DS_Store', data: Buffer.from('finder') },
      ]);
      const { reply } = await send(lan, 'lo-1.zip', zip);
      const summary = textOf(api.messagesTo(501).at(-2));
      expect(summary).toContain('📦 lo-1.zip — đã kiểm tra 5 tệp:');
      expect(summary).toContain('✅ 1 đạt · ⚠️ 1 đạt nhưng có lưu ý · ❌ 3 không đạt');
      expect(summary).toContain(
        '• quyen-01/ks_2010_01_002.pdf — Tên tệp “ks_2010_01_002.pdf” không đúng mẫu',
      );
      expect(summary).toContain('• KT.2011.02.003.pdf — Tệp này thực chất là ảnh JPEG');
      expect(summary).toContain('📁 Phường 1: đã kiểm tra 5 tệp mẫu — 2 đạt, 3 không đạt.');
      expect(reply).toBe('Kết quả kiểm tra từng tệp trong lo-1.zip');

      const call = api.sent.filter((c) => c.method === 'sendDocument').at(-1);
      expect(call?.files[0]?.fileName).toBe('ket-qua-kiem-tra-lo-1.csv');
      const rows = csvRows(call?.files[0]?.bytes.toString('utf8') ?? '');
      expect(rows[0]).toEqual(['Tệp', 'Kết quả', 'Mã lỗi', 'Nội dung lỗi đầu tiên']);
      expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
        ['lo-1.zip/KS.2010.01.001.pdf', 'Đạt', ''],
        ['lo-1.zip/quyen-01/ks_2010_01_002.pdf', 'Không đạt', 'name.pattern'],
        ['lo-1.zip/KT.2011.02.003.pdf', 'Không đạt', 'format.jpeg'],
        ['lo-1.zip/KS.2012.03.005.pdf', 'Không đạt', expect.stringMatching(/^pdf\./)],
        ['lo-1.zip/KH.2010.01.004.pdf', 'Đạt, có lưu ý', 'content.multi_page'],
      ]);
      const stored = await samples();
      expect(stored.map((s) => [s.file_name, s.verdict])).toEqual(
        rows
          .slice(1)
          .map((r) => [r[0], { Đạt: 'accepted', 'Đạt, có lưu ý': 'warnings' }[r[1] ?? ''] ?? 'rejected']),
      );
    } finally {
      await harness.close();
    }
  });

  it('announces a large ZIP, then produces the summary as an edit of that message', async () => {
    const { db, harness, api, join, send } = await setup(database);
    try {
      const lan = await join(api.user(501), '19333', 'reporter');
      const entries = Array.from({ length: 25 }, (_, i) => ({
        name: `KS.2010.01.${String(i + 1).padStart(3, '0')}.pdf`,
        data: good,
      }));
      const { updateId } = await send(lan, 'lo-lon.zip', buildZip(entries));
      const outbox = await db
        .selectFrom('outbox')
        .select(['dedupe_key', 'kind', 'payload'])
        .where('dedupe_key', 'like', `telegram:update:${updateId}:%`)
        .orderBy('id')
        .execute();
      const progressKey = `telegram:update:${updateId}:sample-progress`;
      expect(outbox.map((r) => [r.dedupe_key, r.kind])).toEqual([
        [progressKey, 'text'],
        [`telegram:update:${updateId}:sample-summary`, 'edit'],
        [`telegram:update:${updateId}:1`, 'document'],
      ]);
      expect(outbox[0]?.payload).toEqual({ text: expect.stringContaining('⏳ Đang kiểm tra 25 tệp…') });
      expect(outbox[1]?.payload).toEqual({
        ref_dedupe_key: progressKey,
        text: expect.stringContaining('📦 lo-lon.zip — đã kiểm tra 25 tệp:'),
      });
      expect(api.sent.some((c) => c.files[0]?.fileName === 'ket-qua-kiem-tra-lo-lon.csv')).toBe(true);
      // The sender resolved the reference: the progress message itself now shows the summary.
      const texts = api.messagesTo(501).map((m) => ('text' in m ? m.text : ''));
      expect(texts.some((t) => t.includes('📦 lo-lon.zip — đã kiểm tra 25 tệp:'))).toBe(true);
      expect(texts.some((t) => t.includes('⏳ Đang kiểm tra'))).toBe(false);
      expect(api.sent.filter((c) => c.method === 'editMessageText' && c.ok)).toHaveLength(1);
      // The same bytes under 25 names are one sample.
      expect(await db.selectFrom('sample_files').select('id').execute()).toHaveLength(1);
    } finally {
      await harness.close();
    }
  });

  it('refuses a file above 20 MB without downloading it, a photo, and a file of another type', async () => {
    const { harness, api, clock, join, send, samples } = await setup(database);
    try {
      const lan = await join(api.user(501), '19333', 'reporter');
      const chat = { id: 501, type: 'private' as const, first_name: lan.first_name };
      const base = { from: lan, chat, date: Math.floor(clock.now().getTime() / 1000) };
      api.inject({
        message: {
          ...base,
          message_id: 9001,
          document: {
            file_id: 'BQACAgIAAxkBAAIbigFAKE',
            file_unique_id: 'AQADbig',
            file_name: 'ca-quyen.zip',
            mime_type: 'application/zip',
            file_size: 25 * 1024 * 1024,
          },
        } as Update.MessageUpdate['message'],
      });
      await harness.settle();
      expect(textOf(api.lastMessageTo(501))).toContain('nặng 25,0 MB, vượt giới hạn 20,0 MB');
      expect(api.sent.some((c) => c.method === 'getFile')).toBe(false);

      // A photo is converted to a PDF now (test/bot/convert.test.ts); a thumbnail is too small for that.
      api.sendPhoto(lan, { bytes: jpeg, width: 300, height: 300 });
      await harness.settle();
      expect(textOf(api.lastMessageTo(501))).toContain('quá nhỏ để đọc rõ chữ');

      const broken = await send(lan, 'hong.zip', Buffer.from('PK\u0003\u0004 not really a zip'));
      expect(broken.reply).toContain('❌ Không mở được tệp ZIP hong.zip.');
      expect(broken.reply).toContain('Tệp ZIP bị hỏng hoặc không đọc được.');
      const word = await send(lan, 'bao-cao.docx', Buffer.from('PK\u0003\u0004word/'));
      expect(word.reply).toContain('“bao-cao.docx” không phải hai loại đó');
      expect(await samples()).toHaveLength(0);
    } finally {
      await harness.close();
    }
  });

  it('bounds a download whose size Telegram did not announce', async () => {
    const { harness, api, clock, join } = await setup(database);
    try {
      const lan = await join(api.user(501), '19333', 'reporter');
      // Registered with the fake (so getFile knows it), then announced without file_size.
      const big = api.sendDocument(lan, { fileName: 'to.zip', bytes: Buffer.alloc(21 * 1024 * 1024) });
      await harness.settle();
      const fileId = 'message' in big && 'document' in big.message ? big.message.document.file_id : '';
      api.inject({
        message: {
          message_id: 9101,
          from: lan,
          chat: { id: 501, type: 'private', first_name: lan.first_name },
          date: Math.floor(clock.now().getTime() / 1000),
          document: { file_id: fileId, file_unique_id: 'AQADto', file_name: 'to.zip' },
        } as Update.MessageUpdate['message'],
      });
      await harness.settle();
      expect(textOf(api.lastMessageTo(501))).toContain('❌ Tệp vượt giới hạn 20,0 MB');

      const small = api.sendDocument(lan, { fileName: 'KS.2010.01.001.pdf', bytes: good });
      await harness.settle();
      const smallId = 'message' in small && 'document' in small.message ? small.message.document.file_id : '';
      expect(await downloadTelegramFile(harness.channel.telegram, smallId, 1000)).toEqual({
        ok: false,
        reason: 'too_large',
        size: good.length,
      });
      const whole = await downloadTelegramFile(harness.channel.telegram, smallId);
      expect(whole.ok && whole.bytes.equals(Buffer.from(good))).toBe(true);
    } finally {
      await harness.close();
    }
  });

  it('points an unknown user to joining, and checks a coordinator’s file without counting it', async () => {
    const { harness, api, join, send, samples } = await setup(database);
    try {
      const stranger = api.user(777);
      expect((await send(stranger, 'KS.2010.01.001.pdf', good)).reply).toContain('/start <mã mời>');
      const coordinator = await join(api.user(601), '461', 'coordinator');
      const { reply } = await send(coordinator, 'KS.2010.01.001.pdf', good);
      expect(reply).toContain('✅ Đạt — KS.2010.01.001.pdf');
      expect(reply).toContain('không tính vào thống kê tệp mẫu của xã nào');
      expect(await samples()).toHaveLength(0);
    } finally {
      await harness.close();
    }
  });

  it('changes nothing when the same updates are handled again', async () => {
    const { db, harness, api, join, send, samples } = await setup(database);
    try {
      const lan = await join(api.user(501), '19333', 'reporter');
      const ids = [
        (await send(lan, 'KS.2010.01.001.pdf', good)).updateId,
        (await send(lan, 'sai-ten.pdf', tooBig)).updateId,
        (await send(lan, 'lo.zip', buildZip([{ name: 'KS.2010.01.002.pdf', data: other }]))).updateId,
        (await send(lan, 'KS.2010.01.001-lan-2.pdf', good)).updateId,
      ];
      const before = {
        samples: await samples(),
        outbox: await db.selectFrom('outbox').selectAll().execute(),
      };
      const sentBefore = api.sent.length;
      expect(before.samples).toHaveLength(3);
      await db.updateTable('inbox').set({ status: 'pending' }).where('update_id', 'in', ids).execute();
      await harness.settle();
      const handled = await db.selectFrom('inbox').select('status').where('update_id', 'in', ids).execute();
      expect(handled.map((r) => r.status)).toEqual(['done', 'done', 'done', 'done']);
      expect(await samples()).toEqual(before.samples);
      expect(await db.selectFrom('outbox').selectAll().execute()).toEqual(before.outbox);
      expect(api.sent.slice(sentBefore).filter((c) => c.method !== 'getFile')).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
