import { afterEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';
import type { JobScheduler } from '../../src/jobs/job-scheduler.js';
import type { OutboxSender } from '../../src/outbox/outbox-sender.js';
import { UNLIMITED, senderFor } from '../outbox/outbox-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';
import { CHATS, reportAt, schedulerFor, setUpCast, timeline } from './reminder-fixture.js';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (date: string, time: string) => `${date}T${time}:00+07:00`;
const FIGURES = (n: number) => `/baocao sổ ${n} quét ${n * 100} nhập ${n * 90} đính kèm ${n * 80}`;

describeEachDatabase('a simulated campaign week of reminders', (database) => {
  let api: FakeBotApi | undefined;
  let second: DatabaseHandle | undefined;
  afterEach(async () => {
    await api?.close();
    await second?.close();
    second = undefined;
  });

  it('reminds exactly the units that should be reminded, at their local times, once — across restarts and two instances', async () => {
    const { db, target } = database();
    api = await startFakeBotApi();
    const cast = await setUpCast(db, api);
    const { campaign } = cast;
    const clock = new ManualClock(at('2025-02-28', '07:00'));
    // Two instances of the service on one database; on a server each has its own connection pool.
    second = target.kind === 'server' ? await openDatabase(target) : undefined;
    const db2 = second?.db ?? db;
    let instances: JobScheduler[] = [];
    const boot = (tag: string) => {
      instances = [
        schedulerFor(db, campaign, clock, `a-${tag}`),
        schedulerFor(db2, campaign, clock, `b-${tag}`),
      ];
    };
    boot('1');
    const sender: OutboxSender = senderFor(db, api, clock, UNLIMITED);
    const stampOf = new Map<number, Date>();
    const tickAt = async (instant: string, running = true) => {
      clock.set(instant);
      if (running) await Promise.all(instances.map((s) => s.tick()));
      await sender.drain();
      for (const call of api?.sent ?? []) if (!stampOf.has(call.seq)) stampOf.set(call.seq, clock.now());
    };

    await tickAt(at('2025-02-28', '16:00'));
    await tickAt(at('2025-02-28', '17:30'));
    const dates = [
      '2025-03-01',
      '2025-03-02',
      '2025-03-03',
      '2025-03-04',
      '2025-03-05',
      '2025-03-06',
      '2025-03-07',
    ];
    let n = 1;
    for (const date of dates) {
      const down = date === '2025-03-06';
      await tickAt(at(date, '07:59'));
      await tickAt(at(date, '08:00'));
      await reportAt(db, campaign, cast.diligent, at(date, '10:00'), FIGURES(n++));
      if (!['2025-03-02', '2025-03-03', '2025-03-04'].includes(date)) {
        await reportAt(db, campaign, cast.patchy, at(date, '09:00'), FIGURES(n++));
      }
      await tickAt(at(date, '12:00'));
      await tickAt(at(date, '15:59'));
      if (date === '2025-03-05') {
        // Both instances stop at 15:59 and come back at 16:01: the 16:00 call runs once, late.
        boot('2');
        await tickAt(at(date, '16:01'));
      } else {
        // 6 March: the service is down from 15:30 to 18:45, past both evening slots' grace.
        await tickAt(at(date, '16:00'), !down);
      }
      if (date === '2025-03-04') await reportAt(db, campaign, cast.patchy, at(date, '16:30'), FIGURES(n++));
      await tickAt(at(date, '17:29'), !down);
      await tickAt(at(date, '17:30'), !down);
      if (down) boot('3');
      await tickAt(at(date, '18:45'));
      await tickAt(at(date, '23:59'));
    }

    const days = (time: string, mark: string, from: number, to: number, except: number[] = []) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i)
        .filter((d) => !except.includes(d))
        .map((d) => `03-0${d} ${time} ${mark}`);
    expect(timeline(api, CHATS.diligent, TZ, stampOf)).toEqual([]);
    expect(timeline(api, CHATS.patchy, TZ, stampOf)).toEqual([
      '03-02 16:00 ⏰',
      '03-03 08:00 📭',
      '03-03 16:00 ⏰',
      '03-04 08:00 📭',
      '03-04 16:00 ⏰',
    ]);
    expect(timeline(api, CHATS.silent, TZ, stampOf)).toEqual([
      '03-01 16:00 ⏰',
      ...dates.slice(1).flatMap((d) => {
        const day = `${d.slice(5)}`;
        if (day === '03-06') return [`${day} 08:00 📭`];
        return [`${day} 08:00 📭`, `${day} ${day === '03-05' ? '16:01' : '16:00'} ⏰`];
      }),
    ]);
    expect(timeline(api, CHATS.dongHa, TZ, stampOf)).toEqual(days('08:00', '🚨', 3, 7));
    expect(timeline(api, CHATS.vinhLinh, TZ, stampOf)).toEqual(days('08:00', '🚨', 3, 7));
    // The evening package opens with the first ranking chart, captioned "TIẾN ĐỘ …".
    expect(timeline(api, CHATS.group, TZ, stampOf)).toEqual(days('17:30', 'T', 1, 7, [6]));
    expect(api.duplicateDeliveries()).toEqual([]);

    // The Đông Hà coordinator hears of Phường Đông Giang only on the morning it had been silent two days.
    const escalations = api.sent.filter((c) => c.ok && c.chatId === CHATS.dongHa).map((c) => c.text ?? '');
    expect(escalations.map((t) => t.includes('Phường Đông Giang'))).toEqual([
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(escalations[1]).toContain('Phường Đông Giang — mã 19330 — 2 ngày (báo cáo gần nhất 01/03/2025)');
    expect(escalations.every((t) => !t.includes('Phường 1 —'))).toBe(true);

    // The ledger has every slot once: run, or skipped while the service was down.
    const ledger = await db
      .selectFrom('job_runs')
      .select(['job', 'slot', 'status'])
      .orderBy('slot')
      .execute();
    expect(new Set(ledger.map((r) => `${r.job} ${r.slot}`)).size).toBe(ledger.length);
    expect(ledger.filter((r) => r.status === 'skipped').map((r) => `${r.job} ${r.slot}`)).toEqual([
      'nhac-bao-cao quang-tri-2025:2025-03-06T16:00',
      'tong-hop-ngay quang-tri-2025:2025-03-06T17:30',
    ]);
    expect(ledger.filter((r) => r.status !== 'skipped').every((r) => r.status === 'done')).toBe(true);
    expect(ledger.filter((r) => r.job === 'nhac-bao-cao')).toHaveLength(7);
    expect(ledger.filter((r) => r.job === 'thieu-bao-cao')).toHaveLength(6);
  });

  it('counts down to the deadlines for units still short, says nothing to units done, and stops after the end', async () => {
    const { db } = database();
    api = await startFakeBotApi();
    const cast = await setUpCast(db, api);
    const { campaign } = cast;
    const clock = new ManualClock(at('2025-03-16', '07:00'));
    const scheduler = schedulerFor(db, campaign, clock, 'a');
    const sender = senderFor(db, api, clock, UNLIMITED);
    const stampOf = new Map<number, Date>();
    const tickAt = async (instant: string) => {
      clock.set(instant);
      await scheduler.tick();
      await sender.drain();
      for (const call of api?.sent ?? []) if (!stampOf.has(call.seq)) stampOf.set(call.seq, clock.now());
    };
    await reportAt(
      db,
      campaign,
      cast.diligent,
      at('2025-03-16', '10:00'),
      '/baocao sổ 40 quét 5919 nhập 5919 đính kèm 5919',
    );
    await reportAt(
      db,
      campaign,
      cast.patchy,
      at('2025-03-16', '10:00'),
      '/baocao sổ 40 quét 5000 nhập 4000 đính kèm 3000',
    );
    for (const date of [
      '2025-03-16',
      '2025-03-17',
      '2025-03-18',
      '2025-03-19',
      '2025-03-20',
      '2025-03-21',
      '2025-03-22',
    ]) {
      if (date === '2025-03-18') {
        await reportAt(
          db,
          campaign,
          cast.patchy,
          at(date, '07:00'),
          '/baocao quét 5919 nhập 5919 đính kèm 5919',
        );
      }
      for (const time of ['08:00', '16:00', '17:30', '23:59']) await tickAt(at(date, time));
    }
    const countdowns = (chat: number) =>
      timeline(api as FakeBotApi, chat, TZ, stampOf).filter((t) => t.endsWith('⏳'));
    expect(countdowns(CHATS.diligent)).toEqual([]);
    expect(countdowns(CHATS.patchy)).toEqual(['03-17 08:00 ⏳']);
    expect(countdowns(CHATS.silent)).toEqual(['03-17 08:00 ⏳', '03-19 08:00 ⏳', '03-20 08:00 ⏳']);
    const patchyText =
      api.sent.find((c) => c.chatId === CHATS.patchy && c.text?.startsWith('⏳'))?.text ?? '';
    expect(patchyText).toContain('⏳ Nhắc hạn hoàn thành — Phường Đông Giang');
    expect(patchyText).toContain(
      '• Quét từng hồ sơ thành tệp PDF riêng — hạn 20/03/2025 (còn 4 ngày, kể cả hôm nay): quét 5.000/5.919 hồ sơ (84,5%), còn thiếu 919 hồ sơ, cần 230 hồ sơ/ngày.',
    );
    expect(patchyText).toContain('nhập 4.000/5.919 hồ sơ (67,6%), còn thiếu 1.919 hồ sơ');
    expect(patchyText).toContain('đính kèm 3.000/5.919 hồ sơ (50,7%), còn thiếu 2.919 hồ sơ');
    expect(patchyText).not.toContain('Thu thập');
    expect(patchyText.endsWith('\n— Sở Tư pháp tỉnh Quảng Trị')).toBe(true);
    const lastDay =
      api.sent.filter((c) => c.chatId === CHATS.silent && c.text?.startsWith('⏳')).at(-1)?.text ?? '';
    expect(lastDay).toContain('(hạn là hôm nay): quét 0/1.558 hồ sơ (0,0%), còn thiếu 1.558 hồ sơ.');

    // Nothing at all after the campaign's last day.
    const lastStamp = Math.max(...[...stampOf.values()].map((d) => d.getTime()));
    expect(new Date(lastStamp).toISOString()).toBe(new Date(at('2025-03-20', '17:30')).toISOString());
    const slots = await db.selectFrom('job_runs').select('slot').execute();
    expect(slots.every((r) => r.slot <= 'quang-tri-2025:2025-03-20T99')).toBe(true);
    expect(api.duplicateDeliveries()).toEqual([]);
  });
});
