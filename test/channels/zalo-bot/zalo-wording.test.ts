import { describe, expect, it } from 'vitest';
import { createChatRuntime } from '../../../src/bot/chat-runtime.js';
import { channelSet } from '../../../src/channels/channel.js';
import { WORD_COMMANDS, commandFromWords, textToChatInput } from '../../../src/channels/command-words.js';
import { createZaloBotChannel } from '../../../src/channels/zalo-bot/zalo-bot-channel.js';
import { pollZaloBotOnce } from '../../../src/channels/zalo-bot/zalo-bot-poller.js';
import { readCampaignFolder } from '../../../src/config/campaign-folder.js';
import { createLogger } from '../../../src/config/logger.js';
import { ManualClock } from '../../../src/domain/clock.js';
import type { Role } from '../../../src/domain/role.js';
import { BUTTON_WORDING, COMMAND_WORDS, channelWording } from '../../../src/messages/channel-wording.js';
import { helpText } from '../../../src/messages/help-messages.js';
import { webChatMessages } from '../../../src/messages/web-chat-messages.js';
import { getCampaign } from '../../../src/services/campaign.service.js';
import { loadCampaign } from '../../../src/services/campaign-load.service.js';
import { createInvite } from '../../../src/services/invite.service.js';
import { secondCampaignDir, SECOND } from '../../bot/several-campaigns-fixture.js';
import { lastText } from '../../support/bot-harness.js';
import { loadQuangTri } from '../../support/campaign-fixture.js';
import { startFakeZaloBot, startZaloChat, type ZaloUser } from '../../support/fake-zalo-bot/index.js';
import { drainOnManualTime } from '../../support/manual-time-drain.js';
import { describeEachDatabase } from '../../support/test-database.js';

// What the bot says on Zalo Bot must be answerable there: no buttons (numbered choices, and the text names
// the same numbers), no files in the chat (the upload page instead), commands typed in words. Telegram's
// wording stays as it was.

const ZALO_BOT_LIMITS = { choiceStyle: 'numbers' as const, downloadBytes: 0 };
const ROLES: readonly Role[] = ['reporter', 'coordinator', 'leader'];

describe('the words a command is written in on Zalo', () => {
  it('are read back to the same command, with or without diacritics', () => {
    // An argument of each kind, and whether each rule takes it.
    const samples = { date: '12/03', number: '12', revoke: 'thu hồi', remark: 'chậm quá' } as const;
    const takes: Record<string, readonly (keyof typeof samples)[]> = {
      any: ['date', 'number', 'revoke', 'remark'],
      none: [],
      date: ['date'],
      number: ['number'],
      revoke: ['revoke'],
    };
    for (const [command, { words, args }] of Object.entries(COMMAND_WORDS)) {
      expect(commandFromWords(words), words).toEqual({ command, args: '' });
      expect(commandFromWords(words.normalize('NFD')), words).toEqual({ command, args: '' });
      for (const [kind, sample] of Object.entries(samples)) {
        const read = commandFromWords(`${words} ${sample}`);
        expect(read?.command === command, `${words} ${sample}`).toBe(takes[args]?.includes(kind as never));
      }
    }
    // Every command that has words is shown in words.
    expect(Object.keys(COMMAND_WORDS).sort()).toEqual([...WORD_COMMANDS].sort());
    expect(commandFromWords('Chọn đợt 2')).toEqual({ command: 'chondot', args: '2' });
  });

  it('are what /trogiup shows on Zalo, and every command it shows is read as that command', () => {
    const wording = channelWording(ZALO_BOT_LIMITS);
    for (const role of ROLES) {
      const help = helpText(role, 'Phường 1', wording);
      expect(help.length).toBeLessThanOrEqual(2000);
      const lines = help.split('\n').filter((l) => l.includes(' — '));
      expect(lines.length).toBeGreaterThan(3);
      for (const line of lines) {
        const typed = line.slice(0, line.indexOf(' — '));
        const input = textToChatInput(typed);
        expect(input.kind, typed).toBe('command');
        // Quoted examples inside the line are read as commands too («báo cáo sổ 12 …», «/mau 12»).
        for (const [, example = ''] of line.matchAll(/«([^»]+)»/gu)) {
          if (example.includes('<')) continue;
          expect(textToChatInput(example).kind, example).toBe('command');
        }
      }
    }
  });
});

describeEachDatabase('wording on Zalo Bot', (database) => {
  const setup = async (options: { telegram?: boolean; webBaseUrl?: string } = {}) => {
    const { db } = database();
    const harness = await startZaloChat(db, options);
    const { zalo, clock, say } = harness;
    const join = async (user: ZaloUser, unitCode: string, role: Role = 'reporter') => {
      await harness.join(user, unitCode, role);
      return user;
    };
    const scanned = async () =>
      (await db.selectFrom('daily_reports').select('scanned').executeTakeFirstOrThrow()).scanned;
    return { db, clock, harness, zalo, say, join, scanned, campaignId: harness.campaign.id };
  };

  it('asks to confirm a report by the numbers it shows, and «1» confirms, «2» cancels', async () => {
    const { clock, harness, say, join, zalo, scanned } = await setup();
    try {
      const lan = await join(zalo.user('1a2b3c', 'Lan'), '19333');
      await say(lan, 'báo cáo sổ 10 quét 1000 nhập 900 đính kèm 800');
      clock.advance(3_600_000);
      const asked = await say(lan, 'báo cáo quét 990');
      expect(asked).toContain(
        'Trả lời 1 để xác nhận nếu số liệu đúng, 2 để hủy; hoặc gửi lại «báo cáo …» với số đúng.',
      );
      expect(asked).toMatch(/\n\n👉 Trả lời bằng một số:\n1 — ✅ Xác nhận\n2 — ✖️ Hủy$/);
      expect(asked).not.toMatch(/Bấm|bấm/);
      expect(await say(lan, '1')).toContain('✅ Đã ghi báo cáo');
      expect(await scanned()).toBe(990);

      clock.advance(3_600_000);
      await say(lan, 'báo cáo quét 980');
      expect(await say(lan, '2')).toContain('Đã hủy');
      expect(await scanned()).toBe(990);
    } finally {
      await harness.close();
    }
  });

  it('asks about held figures by the numbers it shows: 1 together, 2 only the new, 3 nothing', async () => {
    const { db, harness, say, join, zalo } = await setup();
    try {
      const lan = await join(zalo.user('1a2b3c', 'Lan'), '19333');
      expect(await say(lan, 'báo cáo sổ 12, quét abc, nhập 1320')).toContain('Đã giữ lại các số hợp lệ');
      const asked = await say(lan, 'báo cáo quét 1540 đính kèm 1100');
      expect(asked).toContain('⏸ Đang giữ: sổ 12, nhập 1.320');
      expect(asked).toContain(
        'Trả lời 1 để ghi cả số đang giữ và số vừa gửi, 2 để chỉ ghi số vừa gửi (bỏ số đang giữ), ' +
          'hoặc 3 (hay gửi «hủy») để không ghi gì.',
      );
      expect(asked).toMatch(/1 — ✅ Ghi cùng\n2 — Chỉ ghi số vừa gửi\n3 — ✖️ Hủy$/);
      expect(asked).not.toMatch(/Bấm|bấm/);
      expect(await say(lan, '1')).toContain('✅ Đã ghi báo cáo');
      const row = await db.selectFrom('daily_reports').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ books: 12, scanned: 1540, entered: 1320, attached: 1100 });
    } finally {
      await harness.close();
    }
  });

  it('previews a reminder with «1» to send and «2» to drop, and «1» for the result', async () => {
    const { harness, say, join, zalo } = await setup();
    try {
      const lan = await join(zalo.user('1a2b3c', 'Lan'), '19333');
      const hung = await join(zalo.user('c00rd', 'Hùng'), '461', 'coordinator');
      const preview = await say(hung, 'nhắc nhở chưa báo cáo Đề nghị báo cáo trước 17:00.');
      expect(preview).toContain('Trả lời 1 để gửi, 2 để bỏ.');
      expect(preview).toMatch(/1 — ✅ Gửi\n2 — ❌ Hủy$/);
      const queued = await say(hung, '1');
      expect(queued).toMatch(/^✅ Đã xếp hàng gửi 1 tin nhắc .*Trả lời 1 để xem đã gửi được bao nhiêu\./);
      expect(queued).toMatch(/👉 Trả lời 1 để chọn: 📊 Kết quả$/);
      expect(zalo.lastTextTo(lan.id)).toMatch(/^📢 Tin nhắc gửi đồng chí/);
      expect(await say(hung, '1')).toBe('📊 Kết quả tin nhắc: đã gửi 1/1, lỗi 0, đang chờ gửi 0.');
      expect(zalo.textsTo(hung.id).some((t) => /Bấm|bấm/.test(t))).toBe(false);
    } finally {
      await harness.close();
    }
  });

  it('tells in /trogiup that files go through the upload page, with commands in words', async () => {
    const { harness, say, join, zalo } = await setup({ webBaseUrl: 'https://sohoa.example.vn' });
    try {
      const lan = await join(zalo.user('1a2b3c', 'Lan'), '19333');
      // The welcome carries the same help.
      expect(zalo.lastTextTo(lan.id)).toContain('Zalo không chuyển tệp (PDF, ZIP) cho bot');
      const help = await say(lan, 'trợ giúp');
      expect(help).toBe(helpText('reporter', 'Phường 1', channelWording(ZALO_BOT_LIMITS, { webSide: true })));
      expect(help).not.toContain('vào cuộc trò chuyện này');
      expect(help).toContain('gửi «trang web» để nhận đường dẫn');
      expect(help).toContain('\ntrang web — đường dẫn riêng');
      expect(help).toContain('«trang web thu hồi» để thu hồi');
      expect(help).not.toContain('/web');
      expect(help).toContain('«Tải tệp mẫu lên để kiểm tra»');
      expect(help).toContain('Các lệnh (gõ như dưới đây; gõ không dấu cũng được):');
      expect(help).toContain('\nbáo cáo — báo cáo số liệu cộng dồn của xã, ví dụ: «báo cáo sổ 12 quét 1540');
      for (const line of [
        '\ntiến độ — ',
        '\nxếp hạng — ',
        '\nlịch sử — ',
        '\ntrợ giúp — ',
        '\ntrang web — ',
      ]) {
        expect(help).toContain(line);
      }
      // What the help promises: a file sent here is answered with the personal upload link.
      await zalo.sendUnsupported(lan);
      await harness.settle();
      expect(zalo.lastTextTo(lan.id)).toContain('https://sohoa.example.vn/l/');

      const hung = await join(zalo.user('c00rd', 'Hùng'), '461', 'coordinator');
      const coordinatorHelp = await say(hung, 'tro giup');
      expect(coordinatorHelp).toContain('báo cáo ngày — ');
      // Dated examples are in words too: a date alone after «báo cáo ngày» is not a report.
      expect(coordinatorHelp).toContain('ví dụ «báo cáo ngày 12/03»');
      expect(coordinatorHelp).toContain('ví dụ «biểu đồ 12/03»');
      expect(coordinatorHelp).toContain('ví dụ «xuất excel 12/03»');
      expect(coordinatorHelp).toContain('\ntệp mẫu — các tệp mẫu có lỗi');
      expect(coordinatorHelp).toContain('ví dụ «tệp mẫu 12»');
      expect(coordinatorHelp).not.toMatch(/\/(baocaongay|bieudo|xuatexcel|mau|web)\b/);
      expect(coordinatorHelp).toContain('«nhắc nhở chuabaocao Đề nghị báo cáo trước 17:00»');
      expect(coordinatorHelp).toContain('gửi bằng đường dẫn tải về');
      expect(coordinatorHelp).not.toContain('vào cuộc trò chuyện này');

      // A leader cannot use the upload page: neither the help nor a file's answer sends them there.
      const mai = await join(zalo.user('l34d3r', 'Mai'), '45', 'leader');
      expect(await say(mai, 'trợ giúp')).toContain('Hãy gửi tệp qua bot trên Telegram');
      await zalo.sendUnsupported(mai);
      await harness.settle();
      expect(zalo.lastTextTo(mai.id)).not.toContain('https://sohoa.example.vn/l/');
      expect(zalo.lastTextTo(mai.id)).toContain('Telegram');
    } finally {
      await harness.close();
    }
  });

  it('without the web side, sends files to Telegram or the coordinator, in the welcome and /trogiup', async () => {
    const { harness, say, join, zalo } = await setup();
    try {
      const lan = await join(zalo.user('1a2b3c', 'Lan'), '19333');
      const welcome = zalo.lastTextTo(lan.id);
      const help = await say(lan, 'trợ giúp');
      expect(help).toBe(helpText('reporter', 'Phường 1', channelWording(ZALO_BOT_LIMITS)));
      for (const text of [welcome, help]) {
        expect(text).toContain('Zalo không chuyển tệp (PDF, ZIP) cho bot');
        expect(text).toContain('Hãy gửi tệp qua bot trên Telegram, hoặc nhờ cán bộ điều phối kiểm tra giúp.');
        expect(text).not.toContain('để nhận đường dẫn');
        expect(text).not.toContain('Tải tệp mẫu lên');
      }
      // What the help says is what a file gets.
      await zalo.sendUnsupported(lan);
      await harness.settle();
      expect(zalo.lastTextTo(lan.id)).toContain('Hãy gửi tệp mẫu qua bot trên Telegram');
      // And «trang web» says the web side is off, as /web does.
      expect(await say(lan, 'trang web')).toBe(await say(lan, '/web'));

      const hung = await join(zalo.user('c00rd', 'Hùng'), '461', 'coordinator');
      const coordinatorHelp = await say(hung, 'trợ giúp');
      expect(coordinatorHelp).toContain('qua bot trên Telegram');
      expect(coordinatorHelp).not.toContain('gửi một tệp bất kỳ vào đây');
      expect(coordinatorHelp).not.toContain('trang tải lên');
    } finally {
      await harness.close();
    }
  });

  it('reads «báo cáo ngày», «biểu đồ», «xuất excel» with a date as the slash forms, and a report still as a report', async () => {
    const { db, harness, say, join, zalo } = await setup();
    try {
      const hung = await join(zalo.user('c00rd', 'Hùng'), '461', 'coordinator');
      // 12/03 is after today (10/03), 32/13 is no date: the same refusals as /baocaongay 12/03.
      for (const [words, slash] of [
        ['báo cáo ngày 12/03', '/baocaongay 12/03'],
        ['Báo cáo ngày: 32/13', '/baocaongay 32/13'],
        ['biểu đồ 12/03', '/bieudo 12/03'],
        ['bieu do ngay 12/03', '/bieudo 12/03'],
        ['xuất excel 12/03', '/xuatexcel 12/03'],
      ] as const) {
        const expected = await say(hung, slash);
        expect(expected).toMatch(/^Ngày /);
        expect(await say(hung, words), words).toBe(expected);
      }
      expect(await say(hung, 'báo cáo ngày 12/03')).toContain('12/03/2025');
      // A past day is served: the Excel file of 09/03 announced the same way as the slash form's.
      // (The link names the outbox row, one further on.)
      const anyRow = (text: string) => text.replace(/\/media\/\d+\//u, '/media/<row>/');
      const slashExport = await say(hung, '/xuatexcel 09/03');
      expect(slashExport).toContain('so-lieu-2025-03-09-');
      expect(anyRow(await say(hung, 'xuất excel 09/03'))).toBe(anyRow(slashExport));
      expect(await db.selectFrom('daily_reports').select('id').execute()).toEqual([]);

      // A date with figures after «báo cáo ngày» is a report, for the commune named.
      expect(await say(hung, 'báo cáo ngày 09/03 xã 19333 sổ 10 quét 1000 nhập 900 đính kèm 800')).toContain(
        '✅ Đã ghi báo cáo ngày 09/03/2025',
      );
      // A reporter's «báo cáo ngày 12/03» is the daily-package command (not theirs), never a report.
      const lan = await join(zalo.user('1a2b3c', 'Lan'), '19333');
      expect(await say(lan, 'báo cáo ngày 12/03')).toBe(await say(lan, '/baocaongay 12/03'));
      expect(await say(lan, 'báo cáo sổ 11 quét 1100 nhập 1000 đính kèm 900')).toContain('✅ Đã ghi báo cáo');
      const rows = await db.selectFrom('daily_reports').select('scanned').orderBy('scanned').execute();
      expect(rows.map((r) => r.scanned)).toEqual([1000, 1100]);
    } finally {
      await harness.close();
    }
  });

  it('reads «tệp mẫu», «mẫu 12», «trang web thu hồi» as /mau, /mau 12, /web thuhoi', async () => {
    const { harness, say, join, zalo } = await setup({ webBaseUrl: 'https://sohoa.example.vn' });
    try {
      const hung = await join(zalo.user('c00rd', 'Hùng'), '461', 'coordinator');
      const list = await say(hung, '/mau');
      expect(await say(hung, 'tệp mẫu')).toBe(list);
      expect(await say(hung, 'Mẫu')).toBe(list);
      const fetched = await say(hung, '/mau 12');
      expect(await say(hung, 'mẫu 12')).toBe(fetched);
      expect(await say(hung, 'tệp mẫu số 12')).toBe(fetched);
      // A remark about a sample is text, answered as text is.
      expect(await say(hung, 'mẫu này sai tên')).not.toBe(list);
      expect(await say(hung, 'trang web')).toContain('https://sohoa.example.vn/l/');
      const revoked = await say(hung, 'trang web thu hồi');
      expect(revoked).not.toBe(webChatMessages.usage);
      await say(hung, '/web');
      expect(await say(hung, '/web thuhoi')).toBe(revoked);
    } finally {
      await harness.close();
    }
  });

  it('keeps Telegram word for word beside Zalo', async () => {
    const { db, harness, say, join, zalo, clock, campaignId } = await setup({ telegram: true });
    try {
      const telegram = harness.telegram;
      if (!telegram) throw new Error('Telegram expected');
      const minh = telegram.user(501, { firstName: 'Minh' });
      const { code } = await createInvite(
        db,
        { campaignId, unitCode: '19330', role: 'reporter', uses: 1, validDays: 30, createdBy: 'test' },
        clock,
      );
      const sayTelegram = async (text: string) => {
        telegram.sendText(minh, text);
        await harness.settle();
        return lastText(telegram, 501);
      };
      await sayTelegram(`/start ${code}`);
      expect(await sayTelegram('/trogiup')).toBe(helpText('reporter', 'Phường Đông Giang', BUTTON_WORDING));
      const telegramHelp = await sayTelegram('/trogiup');
      expect(telegramHelp).toContain('vào cuộc trò chuyện này');
      expect(telegramHelp).toContain(
        '\nCác lệnh:\n/baocao — báo cáo số liệu cộng dồn của xã, ví dụ: /baocao sổ 12 quét 1540 nhập 1320 đính kèm 1100 (gửi /baocao không kèm số để bot hỏi lần lượt)\n/tiendo — ',
      );
      await sayTelegram('/baocao sổ 10 quét 1000 nhập 900 đính kèm 800');
      clock.advance(3_600_000);
      expect(await sayTelegram('/baocao quét 990')).toContain(
        'Bấm «Xác nhận» nếu số liệu đúng, hoặc gửi lại /baocao với số đúng.',
      );
      // The same question on Zalo, at the same time, in Zalo's words.
      const lan = await join(zalo.user('1a2b3c', 'Lan'), '19333');
      await say(lan, 'báo cáo sổ 10 quét 1000 nhập 900 đính kèm 800');
      clock.advance(3_600_000);
      expect(await say(lan, 'báo cáo quét 990')).toContain('Trả lời 1 để xác nhận');
    } finally {
      await harness.close();
    }
  });

  it('lets a person in two campaigns pick one by number or by «chọn đợt»', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const quangTriId = await loadQuangTri(db);
    const second = await loadCampaign(db, await readCampaignFolder(await secondCampaignDir()), clock);
    const campaigns = [await getCampaign(db, 'quang-tri-2025'), await getCampaign(db, SECOND.code)];
    const zalo = await startFakeZaloBot({ clock });
    const channel = createZaloBotChannel({ token: zalo.token, apiRoot: zalo.apiRoot });
    const { processor, sender } = createChatRuntime({
      db,
      channels: channelSet(channel),
      campaigns,
      clock,
      logger: createLogger('silent'),
      senderOptions: { backoffMs: 1 },
    });
    const say = async (from: ZaloUser, text: string) => {
      await zalo.sendText(from, text);
      for (;;) {
        let stored = 0;
        while (zalo.pending > 0) if (await pollZaloBotOnce({ api: channel.api, db, clock }, 0)) stored++;
        const handled = await processor.drain();
        const sent = await drainOnManualTime(sender, clock);
        if (stored + handled + sent === 0) break;
      }
      return zalo.lastTextTo(from.id);
    };
    const invite = async (campaignId: number, unitCode: string) =>
      (
        await createInvite(
          db,
          { campaignId, unitCode, role: 'reporter', uses: 1, validDays: 30, createdBy: 'test' },
          clock,
        )
      ).code;
    try {
      const hoa = zalo.user('h0a', 'Hoa');
      await say(hoa, `bắt đầu ${await invite(quangTriId, '19330')}`);
      await say(hoa, `bắt đầu ${await invite(second.campaignId, '19333')}`);
      const list = await say(hoa, 'chọn đợt');
      expect(list).toContain(
        'Để đổi, hãy trả lời bằng số thứ tự của chiến dịch, hoặc gửi «chọn đợt <số thứ tự>».',
      );
      // The numbers of the list are the numbers of the choices, without «1 — 1. …».
      expect(list).toContain(`\n2. ${SECOND.name} — `);
      expect(list).toMatch(new RegExp(`\\n2 — ${SECOND.name}$`));
      expect(list).not.toMatch(/Bấm|bấm/);
      const chosen = await say(hoa, '2');
      expect(chosen).toContain(`✅ Từ bây giờ tin nhắn của anh/chị dành cho chiến dịch "${SECOND.name}"`);
      expect(chosen).toContain('Gửi «chọn đợt» để đổi chiến dịch.');
      expect(await say(hoa, 'Chọn đợt 1')).toContain('Số hóa sổ hộ tịch tỉnh Quảng Trị 2025');
      expect(await say(hoa, 'chọn đợt 7')).toBe(
        'Số thứ tự không đúng: hãy gửi «chọn đợt <số từ 1 đến 2>», hoặc «chọn đợt» để xem danh sách.',
      );
    } finally {
      await zalo.close();
    }
  });
});
