import { PDFDocument } from 'pdf-lib';
import { expect, it } from 'vitest';
import { enqueueOutbox } from '../../../src/db/outbox.repository.js';
import { makeJpeg } from '../../files/support/scan-corpus.js';
import { startOaChat } from '../../support/fake-zalo-oa/oa-chat-fixture.js';
import { closeAfterEach } from '../../support/close-after-each.js';
import { describeEachDatabase } from '../../support/test-database.js';

async function goodScan(seed = 7): Promise<Buffer> {
  const document = await PDFDocument.create();
  const image = await document.embedJpg(await makeJpeg(1000, 1000, 'text', 20, seed));
  document.addPage([720, 720]).drawImage(image, { x: 0, y: 0, width: 720, height: 720 });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

describeEachDatabase('the Zalo OA channel', (database) => {
  const closing = closeAfterEach();

  it('joins and reports in words through the same features, replies quoting the person’s message', async () => {
    const chat = closing(await startOaChat(database().db));
    expect(await chat.join('u-lan', '19333')).toContain('Anh/chị đã tham gia chiến dịch');
    expect(await chat.say('u-lan', 'báo cáo sổ 12 quét 1540 nhập 1320 đính kèm 1100')).toContain(
      'Đã ghi báo cáo ngày 10/03/2025 của Phường 1',
    );
    const last = chat.oa.state.sent.at(-1);
    expect(last?.message.quote_message_id).toMatch(/^msg/);
  });

  it('checks three PDFs sent in the chat — good, oversized, misnamed — with three verdicts', async () => {
    const chat = closing(await startOaChat(database().db));
    await chat.join('u-lan', '19333');
    const sent = async (name: string, bytes: Buffer) => {
      const before = chat.oa.textsTo({ userId: 'u-lan' }).length;
      await chat.post(chat.oa.userFile('u-lan', name, bytes));
      return chat.oa.textsTo({ userId: 'u-lan' }).slice(before).join('\n');
    };
    const good = await goodScan();
    const replies = [
      await sent('KS.2010.01.015.pdf', good),
      await sent('KS.2010.01.016.pdf', Buffer.concat([good, Buffer.alloc(200_000, 0x20)])),
      // Other bytes: the same file sent again would be answered as a repeat, not inspected.
      await sent('scan moi.pdf', await goodScan(8)),
    ];
    const verdicts = await chat.db
      .selectFrom('sample_files')
      .select(['file_name', 'verdict'])
      .orderBy('id')
      .execute();
    // The first verdict of each file (a converter may store a fixed copy of a rejected scan after it).
    const first = verdicts.filter((v, i) => verdicts.findIndex((w) => w.file_name === v.file_name) === i);
    expect(first).toEqual([
      { file_name: 'KS.2010.01.015.pdf', verdict: 'accepted' },
      { file_name: 'KS.2010.01.016.pdf', verdict: 'rejected' },
      { file_name: 'scan moi.pdf', verdict: 'rejected' },
    ]);
    expect(replies[0]).toContain('✅');
    expect(replies[1]).toMatch(/KB|MB/);
    expect(replies[2]).toContain('LOẠI.NĂM.QUYỂN.SỐ');
  });

  it('stores nothing for a forged or stale signature, and a repeated msg_id once', async () => {
    const chat = closing(await startOaChat(database().db));
    const event = chat.oa.userText('u-x', 'xin chào');
    const forged = chat.oa.sign(event, 'wrong-key');
    expect((await chat.service.receiver.handle(forged)).status).toBe(401);
    const tampered = chat.oa.sign(event);
    const altered = {
      ...tampered,
      rawBody: Buffer.from(tampered.rawBody.toString().replace('chào', 'chao')),
    };
    expect((await chat.service.receiver.handle(altered)).status).toBe(401);
    const stale = chat.oa.userText('u-x', 'cũ');
    chat.clock.advance(301_000);
    expect((await chat.oa.post(chat.service.receiver, stale)).status).toBe(401);
    expect(await chat.db.selectFrom('inbox').select('id').execute()).toEqual([]);
    expect(await chat.db.selectFrom('zalo_oa_contacts').select('user_id').execute()).toEqual([]);
    const fresh = chat.oa.userText('u-x', 'mới');
    expect((await chat.oa.post(chat.service.receiver, fresh)).status).toBe(200);
    expect((await chat.oa.post(chat.service.receiver, fresh)).status).toBe(200);
    expect(await chat.db.selectFrom('inbox').select('id').execute()).toHaveLength(1);
  });

  it('numbers the choices of a confirmation and takes a typed number as the pick', async () => {
    const chat = closing(await startOaChat(database().db));
    await chat.join('u-lan', '19333');
    await chat.say('u-lan', 'báo cáo sổ 12 quét 1540 nhập 1320 đính kèm 1100');
    // A lower figure than the last report is held until the sender confirms.
    const held = await chat.say('u-lan', 'báo cáo sổ 12 quét 1500 nhập 1320 đính kèm 1100');
    expect(held).toContain('1 — ');
    const picked = await chat.say('u-lan', '1');
    expect(picked).not.toBe(held);
    const stored = await chat.db.selectFrom('daily_reports').select('scanned').execute();
    expect(stored).toEqual([{ scanned: 1500 }]);
  });

  it('sends plainly when Zalo does not accept the quote, and splits long texts at line breaks', async () => {
    const chat = closing(await startOaChat(database().db));
    chat.oa.state.rejectQuotes = true;
    expect(await chat.join('u-lan', '19333')).toContain('Anh/chị đã tham gia chiến dịch');
    chat.oa.state.rejectQuotes = false;
    const lines = Array.from(
      { length: 120 },
      (_, i) => `Dòng số ${i + 1}: một câu khá dài để vượt giới hạn.`,
    );
    await enqueueOutbox(
      chat.db,
      [
        {
          dedupeKey: 't:long',
          platform: 'zalo-oa',
          chatId: 'u-lan',
          kind: 'text',
          payload: { text: lines.join('\n') },
        },
      ],
      chat.clock.now(),
    );
    await chat.settle();
    const parts = chat.oa.textsTo({ userId: 'u-lan' }).filter((t) => t.startsWith('Dòng số'));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });

  it('downloads a file at once; a link that has already expired is not retried forever', async () => {
    const chat = closing(await startOaChat(database().db));
    await chat.join('u-lan', '19333');
    const event = chat.oa.userFile('u-lan', 'KS.2010.01.015.pdf', await goodScan(), { ttlMs: 0 });
    await chat.post(event);
    for (let i = 0; i < 6; i++) await chat.settle();
    const row = await chat.db
      .selectFrom('inbox')
      .select(['status', 'attempts', 'last_error'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('HTTP 403');
    expect(row.last_error).not.toContain('/files/');
    expect(await chat.db.selectFrom('sample_files').select('id').execute()).toEqual([]);
    // The person is told their message could not be handled (so they send the file again).
    const told = await chat.db
      .selectFrom('outbox')
      .select(['status', 'chat_id'])
      .where('dedupe_key', 'like', 'zalo-oa:update:%:failed')
      .execute();
    expect(told).toEqual([{ status: 'sent', chat_id: 'u-lan' }]);
  });
});
