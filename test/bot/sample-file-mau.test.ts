import type { User } from 'telegraf/types';
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../../src/domain/role.js';
import { purgeExpiredSamples } from '../../src/services/sample-file-purge.service.js';
import { makeJpeg } from '../files/support/scan-corpus.js';
import { textOf } from '../support/bot-harness.js';
import { startChat } from '../support/chat-fixture.js';
import { describeEachDatabase, type TestDatabase } from '../support/test-database.js';

let jpegA: Uint8Array;
let jpegB: Uint8Array;

beforeAll(async () => {
  jpegA = await makeJpeg(200, 200, 'text', 40, 1);
  jpegB = await makeJpeg(200, 200, 'text', 40, 2);
});

async function setup(database: () => TestDatabase) {
  const { db } = database();
  const chat = await startChat(db);
  const { clock, harness } = chat;
  const { api } = harness;
  const join = (id: number, unitCode: string, role: Role) => chat.join(api.user(id), unitCode, role);
  const say = async (from: User, text: string) => {
    const update = api.sendText(from, text);
    await harness.settle();
    return { reply: textOf(api.lastMessageTo(from.id)), updateId: update.update_id };
  };
  const send = async (from: User, fileName: string, bytes: Uint8Array) => {
    api.sendDocument(from, { fileName, bytes: Buffer.from(bytes) });
    await harness.settle();
  };
  // Phường 1 is in Thành phố Đông Hà (461); Thị trấn Hồ Xá in Huyện Vĩnh Linh (464).
  const lan = await join(501, '19333', 'reporter');
  const minh = await join(502, '19363', 'reporter');
  await send(lan, 'KS.2010.01.001.pdf', jpegA);
  await send(minh, 'KT.2011.02.002.pdf', jpegB);
  const ids = await db.selectFrom('sample_files').select(['id', 'unit_id']).orderBy('id').execute();
  const [lanSample, minhSample] = ids.map((r) => r.id);
  if (lanSample === undefined || minhSample === undefined) throw new Error('samples not stored');
  return { db, clock, harness, api, join, say, lan, lanSample, minhSample };
}

describeEachDatabase('/mau: problem samples in scope', (database) => {
  it('lists only the district’s samples and hands back a stored file in scope only', async () => {
    const { db, harness, api, join, say, lanSample, minhSample } = await setup(database);
    try {
      const dongHa = await join(601, '461', 'coordinator');
      const list = (await say(dongHa, '/mau')).reply;
      expect(list).toContain('Tệp mẫu có lỗi hoặc lưu ý gần đây — Thành phố Đông Hà (1 tệp mới nhất)');
      expect(list).toContain(`#${lanSample} ❌ Phường 1 — KS.2010.01.001.pdf — 09:00 10/03 📎`);
      expect(list).toContain('Tệp này thực chất là ảnh JPEG');
      expect(list).not.toContain('Hồ Xá');

      expect((await say(dongHa, `/mau ${minhSample}`)).reply).toBe(
        `Không tìm thấy tệp mẫu #${minhSample} trong phạm vi của anh/chị.`,
      );
      expect((await say(dongHa, '/mau 99999')).reply).toContain('Không tìm thấy tệp mẫu #99999');
      expect((await say(dongHa, '/mau abc')).reply).toContain('Cách dùng: /mau');

      await say(dongHa, `/mau #${lanSample}`);
      const call = api.sent.filter((c) => c.method === 'sendDocument').at(-1);
      expect(call?.chatId).toBe(601);
      expect(call?.files[0]?.fileName).toBe('KS.2010.01.001.pdf');
      expect(call?.files[0]?.bytes.equals(Buffer.from(jpegA))).toBe(true);
      expect(call?.text).toContain(`Tệp mẫu #${lanSample} — Phường 1`);
      const audit = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'sample.download')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.details).toMatchObject({ sampleId: lanSample });

      const province = await join(602, '45', 'coordinator');
      const all = (await say(province, '/mau')).reply;
      expect(all).toContain(`#${lanSample} ❌ Phường 1`);
      expect(all).toContain(`#${minhSample} ❌ Thị trấn Hồ Xá`);
    } finally {
      await harness.close();
    }
  });

  it('refuses reporters, lists without files for leaders, and stays out of groups', async () => {
    const { harness, api, join, say, lan, lanSample } = await setup(database);
    try {
      expect((await say(lan, '/mau')).reply).toBe('Anh/chị không có quyền dùng lệnh này.');
      expect((await say(lan, `/mau ${lanSample}`)).reply).toBe('Anh/chị không có quyền dùng lệnh này.');

      const leader = await join(701, '461', 'leader');
      const list = (await say(leader, '/mau')).reply;
      expect(list).toContain(`#${lanSample} ❌ Phường 1`);
      expect(list).not.toContain('📎');
      expect((await say(leader, `/mau ${lanSample}`)).reply).toBe(
        'Chỉ cán bộ điều phối mới nhận lại được tệp mẫu đã lưu.',
      );

      const coordinator = await join(601, '461', 'coordinator');
      const group = { id: -100555, type: 'supergroup' as const, title: 'Điều phối Đông Hà' };
      api.sendText(coordinator, '/mau', group);
      await harness.settle();
      expect(textOf(api.lastMessageTo(group.id))).toBe('Lệnh này chỉ dùng trong tin nhắn riêng với bot.');
      expect(api.sent.some((c) => c.method === 'sendDocument')).toBe(false);
    } finally {
      await harness.close();
    }
  });

  it('says when a file was purged, and writes the audit entry once when a request is handled again', async () => {
    const { db, clock, harness, api, join, say, lanSample } = await setup(database);
    try {
      const coordinator = await join(601, '461', 'coordinator');
      const { updateId } = await say(coordinator, `/mau ${lanSample}`);
      const sent = api.sent.length;
      await db.updateTable('inbox').set({ status: 'pending' }).where('update_id', '=', updateId).execute();
      await harness.settle();
      expect(api.sent.slice(sent).filter((c) => c.method !== 'getFile')).toEqual([]);
      const audits = await db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'sample.download')
        .execute();
      expect(audits).toHaveLength(1);

      clock.advance(31 * 86_400_000);
      expect(await purgeExpiredSamples(db, clock.now())).toBe(2);
      expect((await say(coordinator, `/mau ${lanSample}`)).reply).toContain('đã hết thời hạn lưu trữ');
      expect((await say(coordinator, '/mau')).reply).toContain(
        `#${lanSample} ❌ Phường 1 — KS.2010.01.001.pdf`,
      );
    } finally {
      await harness.close();
    }
  });
});
