import { PDFDocument } from 'pdf-lib';
import { expect, it } from 'vitest';
import type { ChatInput } from '../../src/channels/chat-message.js';
import { ManualClock } from '../../src/domain/clock.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { createInvite } from '../../src/services/invite.service.js';
import { makeJpeg } from '../files/support/scan-corpus.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { PlainChannel } from '../support/plain-channel.js';
import { commandInput, startPlainChat } from '../support/plain-chat.js';
import { describeEachDatabase } from '../support/test-database.js';

async function goodScan(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const image = await document.embedJpg(await makeJpeg(1000, 1000, 'text', 20, 7));
  document.addPage([720, 720]).drawImage(image, { x: 0, y: 0, width: 720, height: 720 });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

describeEachDatabase('a second channel behind the Channel interface', (database) => {
  const setup = async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const campaignId = await loadQuangTri(db);
    const channel = new PlainChannel();
    const deliver = startPlainChat(db, clock, channel, [await getCampaign(db)]);
    const send = (input: ChatInput, chatId = '42') =>
      deliver({ chat: { id: chatId, kind: 'private' }, from: { id: chatId, name: 'Lan' }, input });
    const command = commandInput;
    const invite = await createInvite(
      db,
      { campaignId, unitCode: '19333', role: 'reporter', uses: 1, validDays: 30, createdBy: 'test' },
      clock,
    );
    return { db, clock, channel, send, command, invite: invite.code };
  };

  it('joins, reports and confirms through the same features, with choices in a neutral shape', async () => {
    const { db, channel, send, command, invite } = await setup();
    expect(await send(command(`/start ${invite}`))).toContain(
      'Chào anh/chị Lan! Anh/chị đã tham gia chiến dịch',
    );
    expect(await send(command('/baocao so 12 scan 1540 nhap 1320 dinhkem 1100'))).toContain(
      'Đã ghi báo cáo ngày 10/03/2025 của Phường 1',
    );
    const reply = channel.delivered.at(-1)?.payload as { choices?: { label: string; data: string }[][] };
    const edit = reply.choices?.[0]?.[0];
    expect(edit?.data).toMatch(/^re:\d+$/);
    // Picking the choice comes back as neutral data and opens the step-by-step questions.
    expect(await send({ kind: 'choice', data: edit?.data ?? '', messageId: 1 })).toContain('(lần trước: 12)');
    const stored = await db.selectFrom('daily_reports').select(['scanned', 'attached']).execute();
    expect(stored).toEqual([{ scanned: 1540, attached: 1100 }]);
    // Nothing in the outbox payloads is Telegram's.
    expect(JSON.stringify(channel.delivered)).not.toContain('inline_keyboard');
  });

  it('downloads and inspects a sample before the update is locked, and records the verdict after', async () => {
    const { db, channel, send, command, invite } = await setup();
    await send(command(`/start ${invite}`));
    channel.files.set('f1', await goodScan());
    const seen: string[] = [];
    channel.onDownload = async () => {
      // With the embedded database (one connection) this query could not run at all while the update's
      // transaction held the connection; on a server, NOWAIT fails at once if the row were locked.
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('inbox')
          .select('status')
          .where('update_id', '=', 2)
          .where('platform', '=', 'plain')
          .forUpdate()
          .noWait()
          .executeTakeFirstOrThrow();
        seen.push(row.status);
      });
    };
    const reply = await send({
      kind: 'file',
      file: { ref: 'f1', name: 'KS.2010.01.015.pdf', mimeType: 'application/pdf', size: undefined },
    });
    expect(seen).toEqual(['pending']);
    expect(reply).toContain('KS.2010.01.015.pdf');
    const samples = await db.selectFrom('sample_files').select(['file_name', 'verdict']).execute();
    expect(samples).toEqual([{ file_name: 'KS.2010.01.015.pdf', verdict: 'accepted' }]);
  });

  it('answers a file above the channel’s download limit from its announced size, without downloading', async () => {
    const { channel, send, command, invite } = await setup();
    await send(command(`/start ${invite}`));
    let downloads = 0;
    channel.onDownload = async () => {
      downloads++;
    };
    const reply = await send({
      kind: 'file',
      file: { ref: 'big', name: 'KS.2010.01.015.pdf', mimeType: 'application/pdf', size: 2_000_000 },
    });
    expect(downloads).toBe(0);
    expect(reply).toMatch(/MB|KB/);
  });
});
