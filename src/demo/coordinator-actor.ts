import { formatDayMonth } from '../messages/vi-format.js';
import { trueFigures } from './commune-profile.js';
import type { CommuneActor } from './commune-actor.js';
import type { CoordinatorRole } from './demo-cast.js';
import type { ActionContext, DemoTimeline } from './demo-timeline.js';
import { messageText, type DemoWorld } from './demo-world.js';
import { randomTime } from './day-times.js';
import { reminderKind } from './reminder-kinds.js';
import { acceptedFigures } from './report-reply.js';

const MISSING_REMINDER =
  'Đề nghị các xã chưa báo cáo gửi số liệu cộng dồn trước 17:00 hôm nay. Cảm ơn các đồng chí!';
const PACE_REMINDER =
  'Đề nghị các xã đang chậm tiến độ bố trí thêm người quét và đính kèm, phấn đấu hoàn thành trước 20/03.';

/** A district's or the province's coordinator: joins, checks who is late, reminds, fills in for a commune. */
export class CoordinatorActor {
  inviteCode = '';
  readonly #entered = new Set<string>();
  #dayMark = 0;

  constructor(
    readonly role: CoordinatorRole,
    private readonly world: DemoWorld,
    private readonly communes: ReadonlyMap<string, CommuneActor>,
    /**
     * Moments every run shows, whatever the seed: the first commune's district reminds on the first day,
     * the second commune's district looks at the problem samples on the second.
     */
    private readonly showcase: { readonly remind: boolean; readonly samples: boolean },
  ) {}

  /** Schedules the coordinator's day (0 = the day before the start: joining). */
  planDay(day: number, timeline: DemoTimeline): void {
    const { world, role } = this;
    const date = world.dateOf(day);
    const r = world.random.fork(`coordinator:${role.unitCode}:${date}`);
    const at = (from: string, to: string) => world.instant(date, randomTime(r, from, to));
    this.#dayMark = world.mark(role.user.id);
    if (day === 0) {
      timeline.at(at('08:30', '09:00'), () => world.say(role.user, `/start ${this.inviteCode}`));
      return;
    }
    if (role.level === 'district') {
      timeline.at(world.instant(date, '08:20'), (ctx) => this.#fillInSilent(ctx, day));
      if ((this.showcase.remind && day === 1) || r.chance(0.55))
        timeline.at(at('16:30', '16:40'), (ctx) =>
          this.#remind(ctx, '/chuabaocao', `/nhacnho chuabaocao ${MISSING_REMINDER}`),
        );
      if (r.chance(0.08)) timeline.at(at('09:00', '15:00'), () => world.say(role.user, '/xephang'));
      if ((this.showcase.samples && day === 2) || r.chance(0.06))
        timeline.at(world.instant(date, '15:30'), (ctx) => this.#samples(ctx));
      return;
    }
    if (day === 1) timeline.at(world.instant(date, '09:00'), () => world.say(role.user, '/tiendo'));
    if (day >= 5 && day % 4 === 1)
      timeline.at(world.instant(date, '08:40'), (ctx) =>
        this.#remind(ctx, undefined, `/nhacnho cham ${PACE_REMINDER}`),
      );
    if (day % 5 === 2) timeline.at(world.instant(date, '16:20'), () => world.say(role.user, '/chuabaocao'));
    if (day % 5 === 0) timeline.at(world.instant(date, '17:40'), () => world.say(role.user, '/xephang'));
  }

  /** Last step of the campaign: the coordinator asks for the evening report on demand. */
  planClosing(date: string, timeline: DemoTimeline): void {
    if (this.role.level === 'province')
      timeline.at(this.world.instant(date, '17:45'), () => this.world.say(this.role.user, '/baocaongay'));
  }

  /** `/chuabaocao` (optional), then `/nhacnho …`, confirm with «Gửi», and later look at «Kết quả». */
  #remind(ctx: ActionContext, ask: string | undefined, command: string): void {
    const { world, role } = this;
    const chat = role.user.id;
    if (ask) world.say(role.user, ask);
    const mark = world.mark(chat);
    ctx.later(ask ? 2 : 0, (next) => {
      const missing = ask
        ? world.answer(chat, mark, (t) => t.startsWith('⏰ ') || t.startsWith('✅ Tất cả'))
        : '⏰';
      if (!missing?.startsWith('⏰')) return;
      const preview = world.mark(chat);
      world.say(role.user, command);
      next.later(1, (confirm) => {
        if (!world.answer(chat, preview, (t) => t.startsWith('📢 Tin nhắc sẽ gửi'))) return;
        if (!world.press(role.user, chat, 'nn:c:')) return;
        world.tally.count('coordinator_broadcast');
        confirm.later(20, () => {
          world.press(role.user, chat, 'nn:r:');
        });
      });
    });
  }

  /** `/mau`: the latest problem samples in the district; then asks for the newest kept one back. */
  #samples(ctx: ActionContext): void {
    const { world, role } = this;
    const mark = world.mark(role.user.id);
    world.say(role.user, '/mau');
    ctx.later(2, () => {
      const list = world.answer(role.user.id, mark, (t) => t.includes('Tệp mẫu có lỗi'));
      const kept = list && /^#(\d+) .*📎$/mu.exec(list)?.[1];
      if (kept) world.say(role.user, `/mau ${kept}`);
    });
  }

  /**
   * After the morning's escalation (a commune silent for days), the coordinator phones the commune and
   * enters yesterday's figures for it — only a coordinator may report for a past date.
   */
  #fillInSilent(ctx: ActionContext, day: number): void {
    const { world, role } = this;
    const escalation = world
      .since(role.user.id, this.#dayMark)
      .map(messageText)
      .find((t) => reminderKind(t) === 'escalation');
    if (!escalation) return;
    const yesterday = world.dateOf(day - 1);
    const commune = [...escalation.matchAll(/mã (\d+)/g)]
      .map((m) => this.communes.get(m[1] ?? ''))
      .find(
        (c) => c?.joined && c.role.profile.silentDays.includes(day - 1) && !this.#entered.has(c.role.code),
      );
    if (!commune) return;
    this.#entered.add(commune.role.code);
    const figures = trueFigures(commune.role.profile, commune.role.target, day - 1);
    const mark = world.mark(role.user.id);
    world.say(
      role.user,
      `/baocao xã ${commune.role.code} ngày ${formatDayMonth(yesterday)} sổ ${figures.books} quét ${figures.scanned} nhập ${figures.entered} đính kèm ${figures.attached}`,
    );
    ctx.later(2, () => {
      const reply = world.answer(role.user.id, mark, (t) => t.startsWith('✅ Đã ghi báo cáo'));
      const stored = reply ? acceptedFigures(reply, world.campaign.settings.metrics) : undefined;
      if (!stored)
        return world.tally.anomaly(`${role.unitName}: báo cáo thay ${commune.role.name} không được ghi`);
      commune.accepted(yesterday, stored);
      world.tally.count('past_date_by_coordinator');
    });
  }
}
