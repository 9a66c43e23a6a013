import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPDATE_ATTEMPTS } from '../../../src/bot/inbox-processor.js';
import { zaloOaEventToChatMessage } from '../../../src/channels/zalo-oa/zalo-oa-event.js';
import { botMessages } from '../../../src/messages/common-messages.js';
import { registryPage, type RegistryPage } from '../../files/convert/support/registry-page.js';
import { startOaChat, type OaChat } from '../../support/fake-zalo-oa/oa-chat-fixture.js';
import { closeAfterEach } from '../../support/close-after-each.js';
import { describeEachDatabase } from '../../support/test-database.js';

let page: RegistryPage;
// A page photographed and sent in the chat: the app keeps a JPEG with the long side at 2560 px, as
// Telegram does (the Telegram convert tests send the same bytes).
let photo: Buffer;

beforeAll(async () => {
  page = await registryPage(41);
  photo = await sharp(page.photo).resize(1920, 2560).jpeg({ quality: 87 }).toBuffer();
});

describe('an OA image event in the neutral form', () => {
  const image = (message: Record<string, unknown>) =>
    zaloOaEventToChatMessage({ event_name: 'user_send_image', sender: { id: 'u-1' }, message })?.input;

  it('is a photo fetched by its full-size link, without a name, its text the caption', () => {
    const attachments = [
      { type: 'image', payload: { url: 'https://z/a/b.PNG?x=1', thumbnail: 'https://z/t' } },
    ];
    expect(image({ msg_id: 'm1', text: 'Khai sinh', attachments })).toEqual({
      kind: 'photo',
      file: {
        ref: 'https://z/a/b.PNG?x=1',
        name: undefined,
        mimeType: 'image/png',
        size: undefined,
        caption: 'Khai sinh',
      },
    });
    const jpeg = image({
      msg_id: 'm2',
      text: ' ',
      attachments: [{ type: 'image', payload: { url: 'https://z/c' } }],
    });
    expect(jpeg).toEqual({
      kind: 'photo',
      file: { ref: 'https://z/c', name: undefined, mimeType: 'image/jpeg', size: undefined },
    });
  });

  it('is a photo without a file when Zalo gives no link (the advice, as before)', () => {
    expect(
      image({ msg_id: 'm3', attachments: [{ type: 'image', payload: { thumbnail: 'https://z/t' } }] }),
    ).toEqual({
      kind: 'photo',
    });
    expect(image({ msg_id: 'm4' })).toEqual({ kind: 'photo' });
  });
});

describeEachDatabase('a photo of a page sent to the Zalo OA', (database) => {
  const closing = closeAfterEach();

  const started = async () => {
    const chat = closing(await startOaChat(database().db));
    return chat;
  };

  /** What the OA sent a person after `from` (an index into everything it sent): texts and files. */
  const sentSince = (c: OaChat, userId: string, from: number) =>
    c.oa.state.sent.slice(from).filter((s) => s.messageId !== '' && s.to.userId === userId);

  /** The PDFs among sends: the bytes Zalo got for each file token sent. */
  const pdfsIn = (c: OaChat, sends: ReturnType<typeof sentSince>) =>
    sends.flatMap((s) => {
      const attachment = s.message.attachment as { type?: string; payload?: { token?: string } } | undefined;
      const file =
        attachment?.type === 'file'
          ? c.oa.state.uploadedFiles.get(attachment.payload?.token ?? '')
          : undefined;
      return file ? [file] : [];
    });

  const textsIn = (sends: ReturnType<typeof sentSince>) =>
    sends.map((s) => s.message.text).filter((t): t is string => typeof t === 'string');

  const samples = (c: OaChat) =>
    c.db.selectFrom('sample_files').select(['file_name', 'verdict', 'content']).orderBy('id').execute();

  const inbox = (c: OaChat) =>
    c.db
      .selectFrom('inbox')
      .select(['status', 'attempts', 'last_error'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();

  it('converts a photo whose text names the case, sends the PDF back and counts it', async () => {
    const c = await started();
    await c.join('u-lan', '19333');
    const before = c.oa.state.sent.length;
    await c.post(c.oa.userImage('u-lan', photo, { text: 'Khai sinh 2010 q1 so 15' }));
    const sends = sentSince(c, 'u-lan', before);
    // The line as on Telegram (there it is the document's caption; the OA sends it just before the file).
    expect(textsIn(sends)).toHaveLength(1);
    expect(textsIn(sends)[0]).toMatch(
      /✅ KS\.2010\.01\.015\.pdf: [\d,]+ (KB|MB) → [\d,]+ KB · 1 trang · khoảng \d+ dpi · Đạt/,
    );
    const [pdf, ...more] = pdfsIn(c, sends);
    expect(more).toHaveLength(0);
    expect(pdf?.name).toBe('KS.2010.01.015.pdf');
    expect(pdf?.bytes.length).toBeLessThanOrEqual(102_400);
    const [row, ...others] = await samples(c);
    expect(others).toHaveLength(0);
    expect(row).toMatchObject({ file_name: 'KS.2010.01.015.pdf', verdict: 'accepted' });
    expect(row?.content?.equals(pdf?.bytes ?? Buffer.alloc(0))).toBe(true);
    // The full image was fetched, not the thumbnail, and kept apart from the samples.
    const originals = await c.db.selectFrom('converted_files').select(['role', 'size_bytes']).execute();
    expect(originals).toEqual([{ role: 'original', size_bytes: photo.length }]);
  });

  it('asks for the type by number, then for the rest, then sends the named PDF', async () => {
    const c = await started();
    await c.join('u-lan', '19333');
    let before = c.oa.state.sent.length;
    await c.post(c.oa.userImage('u-lan', photo));
    const [converted, question, ...rest] = textsIn(sentSince(c, 'u-lan', before));
    expect(rest).toHaveLength(0);
    // A photo has no name of its own: the same stand-in name as a Telegram photo.
    expect(converted).toContain('anh-chup.pdf');
    expect(question).toContain('Hồ sơ này thuộc loại nào?');
    const number = /(\d+) — Khai tử/.exec(question ?? '')?.[1];
    expect(number).toBeDefined();
    expect(await samples(c)).toHaveLength(0);

    expect(await c.say('u-lan', number ?? '')).toContain(
      'Hãy gửi năm đăng ký, quyển số, số thứ tự của hồ sơ trong một dòng',
    );
    before = c.oa.state.sent.length;
    await c.say('u-lan', 'năm 2009 quyển 2 số 41');
    const sends = sentSince(c, 'u-lan', before);
    expect(textsIn(sends).at(-1)).toContain('đặt tên theo quy định: KT.2009.02.041.pdf');
    const [pdf] = pdfsIn(c, sends);
    expect(pdf?.name).toBe('KT.2009.02.041.pdf');
    const [row] = await samples(c);
    expect(row).toMatchObject({ file_name: 'KT.2009.02.041.pdf', verdict: 'accepted' });
    expect(row?.content?.equals(pdf?.bytes ?? Buffer.alloc(0))).toBe(true);
  });

  it('converts a coordinator’s photo without counting it as a commune’s sample', async () => {
    const c = await started();
    await c.join('u-hai', '461', 'coordinator');
    const before = c.oa.state.sent.length;
    await c.post(c.oa.userImage('u-hai', photo, { text: 'Khai sinh 2010 q1 so 15' }));
    const [pdf] = pdfsIn(c, sentSince(c, 'u-hai', before));
    expect(pdf?.name).toBe('KS.2010.01.015.pdf');
    expect(await samples(c)).toEqual([]);
  });

  it('does not lose a photo whose link has expired: retried, then the person is told', async () => {
    const c = await started();
    await c.join('u-lan', '19333');
    await c.post(c.oa.userImage('u-lan', photo, { ttlMs: 0 }));
    for (let i = 0; i < MAX_UPDATE_ATTEMPTS + 1; i++) await c.settle();
    const row = await inbox(c);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_UPDATE_ATTEMPTS });
    expect(row.last_error).toContain('HTTP 403');
    // The link grants access to the person's photo: it is never written down.
    expect(row.last_error).not.toContain('/files/');
    expect(await samples(c)).toEqual([]);
    expect(c.oa.textsTo({ userId: 'u-lan' }).at(-1)).toBe(botMessages.internalError);
  });

  it('answers a photo too large to download from its size, without reading it', async () => {
    const c = await started();
    await c.join('u-lan', '19333');
    await c.post(c.oa.userImage('u-lan', Buffer.alloc(26 * 1024 * 1024, 0xff)));
    expect(c.oa.textsTo({ userId: 'u-lan' }).at(-1)).toMatch(
      /^❌ Tệp nặng 26,0 MB, vượt giới hạn 25,0 MB mà bot tải được từ Zalo/,
    );
    expect(await samples(c)).toEqual([]);
  });

  it('gives a non-member the join advice, and fetches nothing', async () => {
    const c = await started();
    // An expired link: fetching it would fail the update, so a handled update shows nothing was fetched.
    await c.post(c.oa.userImage('u-x', photo, { ttlMs: 0 }));
    expect(c.oa.textsTo({ userId: 'u-x' })).toEqual([botMessages.joinHowTo]);
    expect(await inbox(c)).toMatchObject({ status: 'done', attempts: 0 });
  });

  it('leaves a photo in a group alone, as before', async () => {
    const c = await started();
    await c.join('u-lan', '19333');
    c.oa.state.groups.add('grp-1');
    const key = c.oa.state.hostFile(photo, 0);
    const before = c.oa.state.sent.length;
    await c.post(
      c.oa.event('user_send_group_image', {
        sender: { id: 'u-lan' },
        recipient: { id: 'grp-1' },
        message: {
          msg_id: 'msg-group-image',
          attachments: [{ type: 'image', payload: { url: `${c.oa.root}/files/${key}` } }],
        },
      }),
    );
    expect(c.oa.state.sent.slice(before)).toEqual([]);
    expect(await inbox(c)).toMatchObject({ status: 'done', attempts: 0 });
  });
});
