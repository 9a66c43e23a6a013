import { expect, it } from 'vitest';
import { ZALO_OA_DOWNLOAD_LIMIT } from '../../../src/channels/zalo-oa/zalo-oa-download.js';
import { channelWording } from '../../../src/messages/channel-wording.js';
import { helpText } from '../../../src/messages/help-messages.js';
import { sampleFileMessages } from '../../../src/messages/sample-file-messages.js';
import { closeAfterEach } from '../../support/close-after-each.js';
import { startOaChat } from '../../support/fake-zalo-oa/oa-chat-fixture.js';
import { describeEachDatabase } from '../../support/test-database.js';

// The OA has no buttons but does take files: numbered choices named by their numbers, commands in words,
// and files sent in the chat as on Telegram.

const OA_WORDING = channelWording({ choiceStyle: 'numbers', downloadBytes: ZALO_OA_DOWNLOAD_LIMIT });

describeEachDatabase('wording on Zalo OA', (database) => {
  const closing = closeAfterEach();

  it('says in /trogiup to send files here, with commands in words', async () => {
    const chat = closing(await startOaChat(database().db));
    await chat.join('u-lan', '19333');
    const help = await chat.say('u-lan', 'trợ giúp');
    expect(help).toBe(helpText('reporter', 'Phường 1', OA_WORDING));
    expect(help).toContain('vào cuộc trò chuyện này');
    expect(help).not.toContain('Zalo không chuyển tệp');
    expect(help).toContain('\nbáo cáo — ');
    expect(help).toContain('«báo cáo sổ 12 quét 1540 nhập 1320 đính kèm 1100»');
    expect(help).toContain('\ntiến độ — ');
    expect(help.length).toBeLessThanOrEqual(2000);
    const hung = await chat.join('u-hung', '461', 'coordinator');
    expect(hung).toContain('gửi ngay trong cuộc trò chuyện');
    expect(hung).toContain('\nnhắc nhở — ');
    // /mau, /web and the dated examples in words too.
    expect(hung).toContain('\ntệp mẫu — ');
    expect(hung).toContain('ví dụ «tệp mẫu 12»');
    expect(hung).toContain('\ntrang web — ');
    expect(hung).toContain('«trang web thu hồi»');
    expect(hung).toContain('ví dụ «báo cáo ngày 12/03»');
    expect(hung).not.toMatch(/\/(baocaongay|bieudo|xuatexcel|mau|web)\b/);
    expect(await chat.say('u-hung', 'tệp mẫu')).toBe(await chat.say('u-hung', '/mau'));
    expect(await chat.say('u-hung', 'biểu đồ 12/03')).toBe(await chat.say('u-hung', '/bieudo 12/03'));
  });

  it('does not name Telegram when a photo cannot be checked as a scan', () => {
    const oa = sampleFileMessages.photo('zalo-oa');
    expect(oa).toContain('Ảnh gửi qua Zalo (Official Account) bị nén');
    expect(oa).not.toMatch(/Telegram|📎/);
    // Telegram's advice stays word for word.
    expect(sampleFileMessages.photo('telegram')).toBe(
      '📷 Anh/chị vừa gửi ảnh. Telegram nén ảnh khi gửi theo kiểu “ảnh”, nên bot không kiểm tra được bản quét. ' +
        'Hãy quét hồ sơ ra tệp PDF rồi gửi dưới dạng tệp: bấm 📎 → “Tệp” (File) → chọn tệp PDF.',
    );
  });

  it('asks to confirm by the numbers it shows, and «1» confirms', async () => {
    const chat = closing(await startOaChat(database().db));
    await chat.join('u-lan', '19333');
    await chat.say('u-lan', 'báo cáo sổ 10 quét 1000 nhập 900 đính kèm 800');
    chat.clock.advance(3_600_000);
    const asked = await chat.say('u-lan', 'báo cáo quét 990');
    expect(asked).toContain('Trả lời 1 để xác nhận nếu số liệu đúng, 2 để hủy');
    expect(asked).toMatch(/👉 Trả lời bằng một số:\n1 — ✅ Xác nhận\n2 — ✖️ Hủy$/);
    expect(asked).not.toMatch(/Bấm|bấm/);
    expect(await chat.say('u-lan', '1')).toContain('✅ Đã ghi báo cáo');
    const row = await chat.db.selectFrom('daily_reports').select('scanned').executeTakeFirstOrThrow();
    expect(row.scanned).toBe(990);
  });

  it('names Zalo and its own limit when a file is too large to fetch', async () => {
    const chat = closing(await startOaChat(database().db));
    await chat.join('u-lan', '19333');
    await chat.post(
      chat.oa.userFile('u-lan', 'ho-so.zip', Buffer.from('PK'), { declaredSize: 30 * 1024 * 1024 }),
    );
    const reply = chat.oa.textsTo({ userId: 'u-lan' }).at(-1) ?? '';
    expect(reply).toContain('vượt giới hạn 25,0 MB mà bot tải được từ Zalo');
    expect(reply).toContain('nhỏ hơn 25 MB');
    expect(reply).not.toContain('Telegram');
  });
});
