import sharp from 'sharp';
import type { Message, User } from 'telegraf/types';
import { beforeAll, expect, it } from 'vitest';
import { openZip } from '../../src/files/zip-reader.js';
import { registryPage, type RegistryPage } from '../files/convert/support/registry-page.js';
import { buildZip } from '../files/support/zip-builder.js';
import { textOf } from '../support/bot-harness.js';
import { startChat } from '../support/chat-fixture.js';
import { describeEachDatabase, type TestDatabase } from '../support/test-database.js';

let page: RegistryPage;
// What Telegram keeps of a photo sent as a photo: the long side at 2560 px, JPEG.
let telegramPhoto: Buffer;

beforeAll(async () => {
  page = await registryPage(41);
  telegramPhoto = await sharp(page.photo).resize(1920, 2560).jpeg({ quality: 87 }).toBuffer();
});

async function setup(database: () => TestDatabase) {
  const { db } = database();
  const chat = await startChat(db);
  const { clock, harness } = chat;
  const { api } = harness;
  const join = (user: User) => chat.join(user, '19333');
  /** The bot's messages to the user since `from` (an index into what it had sent before). */
  const since = (user: User, from: number) => api.messagesTo(user.id).slice(from);
  const count = (user: User) => api.messagesTo(user.id).length;
  const documentOf = (message: Message | undefined) => {
    if (!message || !('document' in message)) throw new Error(`not a document: ${textOf(message)}`);
    const bytes = api.fileBytes(message.document.file_id);
    if (!bytes) throw new Error('document bytes missing');
    return { name: message.document.file_name ?? '', bytes };
  };
  const samples = () => db.selectFrom('sample_files').selectAll().orderBy('id').execute();
  return { db, clock, harness, api, join, since, count, documentOf, samples };
}

describeEachDatabase('converting photos and scans in the chat', (database) => {
  it('sends back a compliant PDF for a photo whose caption names the case, and counts it', async () => {
    const { db, harness, api, join, since, count, documentOf, samples } = await setup(database);
    try {
      const lan = await join(api.user(601, { firstName: 'Lan' }));
      const before = count(lan);
      api.sendPhoto(lan, {
        bytes: telegramPhoto,
        width: 1920,
        height: 2560,
        caption: 'Khai sinh 2010 q1 so 15',
      });
      await harness.settle();
      const [reply, ...rest] = since(lan, before);
      expect(rest).toHaveLength(0);
      const pdf = documentOf(reply);
      expect(pdf.name).toBe('KS.2010.01.015.pdf');
      expect(pdf.bytes.length).toBeLessThanOrEqual(102_400);
      expect(textOf(reply)).toMatch(
        /✅ KS\.2010\.01\.015\.pdf: [\d,]+ (KB|MB) → [\d,]+ KB · 1 trang · khoảng \d+ dpi · Đạt/,
      );
      const [row] = await samples();
      expect(row).toMatchObject({ file_name: 'KS.2010.01.015.pdf', verdict: 'accepted' });
      expect(row?.content?.equals(pdf.bytes)).toBe(true);
      expect(row?.purge_after).not.toBeNull();
      // The photo as sent is kept apart from the samples (never counted), under the same retention.
      const originals = await db.selectFrom('converted_files').select(['role', 'size_bytes']).execute();
      expect(originals).toEqual([{ role: 'original', size_bytes: telegramPhoto.length }]);
    } finally {
      await harness.close();
    }
  });

  it('asks once for the type with choices, then for the rest in one line, then sends the named PDF', async () => {
    const { harness, api, join, since, count, documentOf, samples } = await setup(database);
    try {
      const lan = await join(api.user(602));
      let before = count(lan);
      api.sendDocument(lan, { fileName: 'IMG_2043.jpg', bytes: page.photo, mimeType: 'image/jpeg' });
      await harness.settle();
      const [converted, question] = since(lan, before);
      expect(textOf(converted)).toContain('IMG_2043.pdf: 2,');
      expect(textOf(question)).toContain('Hồ sơ này thuộc loại nào?');
      const buttons =
        question && 'reply_markup' in question ? (question.reply_markup?.inline_keyboard.flat() ?? []) : [];
      expect(buttons.map((b) => b.text)).toContain('Khai tử');
      expect(await samples()).toHaveLength(0);

      before = count(lan);
      api.pressButton(lan, question as Message, 'cvname:KT');
      await harness.settle();
      expect(textOf(since(lan, before).at(-1))).toContain(
        'Hãy gửi năm đăng ký, quyển số, số thứ tự của hồ sơ trong một dòng',
      );

      before = count(lan);
      api.sendText(lan, 'mười lăm');
      await harness.settle();
      expect(textOf(since(lan, before).at(-1))).toContain('Chưa đọc được năm đăng ký, quyển số, số thứ tự');

      before = count(lan);
      api.sendText(lan, 'năm 2009 quyển 2 số 41');
      await harness.settle();
      const named = since(lan, before).at(-1);
      const pdf = documentOf(named);
      expect(pdf.name).toBe('KT.2009.02.041.pdf');
      expect(textOf(named)).toContain('đặt tên theo quy định: KT.2009.02.041.pdf');
      const [row] = await samples();
      expect(row).toMatchObject({ file_name: 'KT.2009.02.041.pdf', verdict: 'accepted' });

      // The question is closed: the next text is a text again, and a late press says so.
      before = count(lan);
      api.pressButton(lan, question as Message, 'cvname:KS');
      await harness.settle();
      expect(textOf(since(lan, before).at(-1))).toContain('đã hết hạn hoặc đã được trả lời');
    } finally {
      await harness.close();
    }
  });

  it('hands the file back under its own name when the person skips naming', async () => {
    const { harness, api, join, since, count, documentOf, samples } = await setup(database);
    try {
      const lan = await join(api.user(603));
      api.sendPhoto(lan, { bytes: telegramPhoto, width: 1920, height: 2560, caption: 'khai sinh' });
      await harness.settle();
      const before = count(lan);
      api.sendText(lan, 'bỏ qua');
      await harness.settle();
      const reply = since(lan, before).at(-1);
      expect(documentOf(reply).name).toBe('anh-chup.pdf');
      expect(textOf(reply)).toContain('hãy đổi tên theo mẫu LOẠI.NĂM.QUYỂN.SỐ.pdf');
      expect(await samples()).toHaveLength(0);
    } finally {
      await harness.close();
    }
  });

  it('answers a picture it cannot convert with the reason and nothing else', async () => {
    const { harness, api, join, since, count, samples } = await setup(database);
    try {
      const lan = await join(api.user(604));
      const cases: [string, Buffer, string][] = [
        ['nho.jpg', await sharp(page.scan).resize(400).jpeg().toBuffer(), 'quá nhỏ để đọc rõ chữ'],
        [
          'hong.jpg',
          Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 1)]),
          'Không đọc được ảnh này',
        ],
        [
          'IMG_9.heic',
          Buffer.concat([
            Buffer.from([0, 0, 0, 0x18]),
            Buffer.from('ftypheicmif1heic'),
            Buffer.alloc(300, 7),
          ]),
          'chưa đọc được ảnh HEIC',
        ],
      ];
      for (const [fileName, bytes, words] of cases) {
        const before = count(lan);
        api.sendDocument(lan, { fileName, bytes });
        await harness.settle();
        const replies = since(lan, before);
        expect(replies, fileName).toHaveLength(1);
        expect(textOf(replies[0]), fileName).toContain(words);
      }
      expect(await samples()).toHaveLength(0);
    } finally {
      await harness.close();
    }
  });

  it('gives the verdict on an oversized PDF scan, then the fixed PDF', async () => {
    const { harness, api, join, since, count, documentOf } = await setup(database);
    try {
      const lan = await join(api.user(605));
      const { PDFDocument } = await import('pdf-lib');
      const document = await PDFDocument.create();
      const image = await document.embedJpg(await sharp(page.photo).jpeg({ quality: 90 }).toBuffer());
      document.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
      const heavy = await document.save();
      const before = count(lan);
      api.sendDocument(lan, { fileName: 'KS.2010.01.050.pdf', bytes: Buffer.from(heavy) });
      await harness.settle();
      const [verdict, fixed] = since(lan, before);
      expect(textOf(verdict)).toContain('❌ Không đạt — KS.2010.01.050.pdf');
      expect(textOf(verdict)).toContain('vượt giới hạn 100,0 KB');
      const pdf = documentOf(fixed);
      expect(pdf.name).toBe('KS.2010.01.050.pdf');
      expect(pdf.bytes.length).toBeLessThanOrEqual(102_400);
      expect(textOf(fixed)).toMatch(/MB → [\d,]+ KB/);
    } finally {
      await harness.close();
    }
  });

  it('converts the photos of a ZIP and sends one ZIP of PDFs back after the check', async () => {
    const { harness, api, join, since, count } = await setup(database);
    try {
      const lan = await join(api.user(606));
      const archive = buildZip([
        { name: 'KS.2010.01.060.jpg', data: telegramPhoto, method: 0 },
        { name: 'KS.2010.01.061.jpg', data: telegramPhoto, method: 0 },
      ]);
      const before = count(lan);
      api.sendDocument(lan, { fileName: 'xa-phuong-1.zip', bytes: Buffer.from(archive) });
      await harness.settle();
      const replies = since(lan, before);
      const summary = replies.find((m) => textOf(m).startsWith('📦 Đã chuyển'));
      expect(textOf(summary)).toContain('Đã chuyển 2/2 tệp thành PDF');
      const zip = replies.at(-1);
      if (!zip || !('document' in zip)) throw new Error('no ZIP sent');
      expect(zip.document.file_name).toBe('xa-phuong-1-PDF.zip');
      const opened = openZip(api.fileBytes(zip.document.file_id) ?? Buffer.alloc(0));
      if (!opened.ok) throw new Error('unreadable ZIP');
      expect([...opened.entries()].map((e) => e.name)).toEqual(['KS.2010.01.060.pdf', 'KS.2010.01.061.pdf']);
    } finally {
      await harness.close();
    }
  });
});
