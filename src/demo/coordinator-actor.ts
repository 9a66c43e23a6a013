import { missedReportJob } from '../jobs/missed-report.job.js';
import { jobSlots } from '../jobs/job-slots.js';
import { completionDeadline } from '../domain/campaign.js';
import { formatDayMonth } from '../messages/vi-format.js';
import {
  communesMissing,
  jobOutcome,
  newestBroadcast,
  newestKeptProblemSample,
  reportEffect,
  reportMark,
} from '../services/demo-facts.service.js';
import { trueFigures } from './commune-profile.js';
import type { CommuneActor } from './commune-actor.js';
import type { MomentKind } from './chat-moments.js';
import type { CoordinatorRole } from './demo-cast.js';
import type { ActionContext, DemoTimeline } from './demo-timeline.js';
import type { DemoWorld } from './demo-world.js';
import { randomTime } from './day-times.js';
import { checkNudge, expectNudge } from './nudge-check.js';
import { remindersDelivered } from './reminder-kinds.js';

const MISSING_REMINDER =
  'Đề nghị các xã chưa báo cáo gửi số liệu cộng dồn trước 17:00 hôm nay. Cảm ơn các đồng chí!';
const paceReminder = (world: DemoWorld) =>
  'Đề nghị các xã đang chậm tiến độ bố trí thêm người quét và đính kèm, phấn đấu hoàn thành trước ' +
  `${formatDayMonth(completionDeadline(world.campaign.settings))}.`;
/** How many problem samples `/mau` lists (the feature's own limit). */
const SAMPLE_LIST_LIMIT = 15;

/** A district's (cluster's) or the province's coordinator: joins, checks who is late, reminds, fills in for a commune. */
export class CoordinatorActor {
  inviteCode = '';
  readonly #entered = new Set<string>();

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
    if (day === 0) {
      timeline.at(at('08:30', '09:00'), (ctx) => {
        world.moments.begin(ctx, 'join', role.user.id);
        world.say(role.user, `/start ${this.inviteCode}`);
      });
      return;
    }
    if (role.coordinatesCommunes) {
      timeline.at(world.instant(date, '08:20'), (ctx) => this.#fillInSilent(ctx, day));
      if ((this.showcase.remind && day === 1) || r.chance(0.55))
        timeline.at(at('16:30', '16:40'), (ctx) =>
          this.#remind(ctx, date, '/chuabaocao', `/nhacnho chuabaocao ${MISSING_REMINDER}`),
        );
      if (r.chance(0.08)) timeline.at(at('09:00', '15:00'), (ctx) => this.#ask(ctx, 'ranking', '/xephang'));
      if ((this.showcase.samples && day === 2) || r.chance(0.06))
        timeline.at(world.instant(date, '15:30'), (ctx) => this.#samples(ctx));
      // On the two-level map the province's coordinators also do what follows.
      if (role.level !== 'province') return;
    }
    if (day === 1) timeline.at(world.instant(date, '09:00'), (ctx) => this.#ask(ctx, 'progress', '/tiendo'));
    // Day 5's morning, before the cut-off, in every run of 5 days or more: the reminder to communes behind
    // the plan, whose reach the demo checks (silent communes judged against yesterday's plan).
    if (day >= 5 && day % 4 === 1)
      timeline.at(world.instant(date, '08:40'), (ctx) =>
        this.#remind(ctx, date, undefined, `/nhacnho cham ${paceReminder(world)}`, true),
      );
    if (day % 5 === 2)
      timeline.at(world.instant(date, '16:20'), (ctx) => this.#ask(ctx, 'missing', '/chuabaocao'));
    if (day % 5 === 0)
      timeline.at(world.instant(date, '17:40'), (ctx) => this.#ask(ctx, 'ranking', '/xephang'));
  }

  /** A question in the coordinator's chat, recorded as a moment of its kind. */
  #ask(ctx: ActionContext, kind: MomentKind, command: string): void {
    this.world.moments.begin(ctx, kind, this.role.user.id);
    this.world.say(this.role.user, command);
  }

  /** Last step of the campaign: the coordinator asks for the evening report on demand. */
  planClosing(date: string, timeline: DemoTimeline): void {
    if (this.role.level === 'province')
      timeline.at(this.world.instant(date, '17:45'), (ctx) => this.#ask(ctx, 'daily_report', '/baocaongay'));
  }

  /**
   * `/chuabaocao` (optional), then — when some commune has still not reported — `/nhacnho …`, confirm
   * with «Gửi», and later look at «Kết quả». What the coordinator learns is read from the database.
   * Without the question, the reminder is sent at once. With `checkBehind` (`/nhacnho cham`), whom the
   * bot must reach is worked out from the data just before it is sent, and checked against the
   * broadcast's stored recipients.
   */
  async #remind(
    ctx: ActionContext,
    date: string,
    ask: string | undefined,
    command: string,
    checkBehind = false,
  ): Promise<void> {
    const { world, role } = this;
    const chat = role.user.id;
    const mark = world.mark(chat);
    world.moments.begin(ctx, 'broadcast', chat);
    if (!ask) return this.#broadcast(ctx, command, checkBehind ? date : undefined);
    world.say(role.user, ask);
    ctx.later(2, async (next) => {
      if (!world.replied(chat, mark)) return;
      if ((await communesMissing(world.db, world.campaign, role.unitCode, date)) === 0) return;
      await this.#broadcast(next, command, undefined);
    });
  }

  /** Sends `/nhacnho …`, confirms the preview, looks at the result; checks a `/nhacnho cham`'s reach. */
  async #broadcast(ctx: ActionContext, command: string, checkOn: string | undefined): Promise<void> {
    const { world, role } = this;
    const chat = role.user.id;
    const userId = String(chat);
    // Read just before the command is sent, at the instant the bot judges it: a coordinator's planned action
    // is the first of its moment (planned before the communes'), so nothing said later is counted here.
    const expected =
      checkOn === undefined
        ? undefined
        : await expectNudge(world.db, world.campaign, role.unitCode, checkOn, ctx.now);
    const before = await newestBroadcast(world.db, world.campaign, world.channelOf(role.user), userId);
    world.say(role.user, command);
    ctx.later(1, async (confirm) => {
      const newest = await newestBroadcast(world.db, world.campaign, world.channelOf(role.user), userId);
      const preview = newest && newest.id !== before?.id && newest.status === 'pending' ? newest : undefined;
      if (expected) world.tally.nudge(await checkNudge(world.db, expected, preview?.id));
      if (!preview) return;
      if (!(await world.press(role.user, chat, 'nn:c:'))) return;
      world.tally.count('coordinator_broadcast');
      confirm.later(20, async () => {
        const sent = await newestBroadcast(world.db, world.campaign, world.channelOf(role.user), userId);
        if (sent?.status !== 'confirmed')
          world.tally.anomaly(
            `${role.unitName}: tin nhắc #${preview.id} không được gửi (${sent?.status ?? '—'})`,
          );
        await world.press(role.user, chat, 'nn:r:');
      });
    });
  }

  /** `/mau`: the latest problem samples in the district; then asks for the newest kept one back. */
  #samples(ctx: ActionContext): void {
    const { world, role } = this;
    const mark = world.mark(role.user.id);
    world.moments.begin(ctx, 'samples', role.user.id);
    world.say(role.user, '/mau');
    ctx.later(2, async () => {
      if (!world.replied(role.user.id, mark)) return;
      const userId = String(role.user.id);
      const kept = await newestKeptProblemSample(
        world.db,
        world.campaign,
        world.channelOf(role.user),
        userId,
        SAMPLE_LIST_LIMIT,
      );
      if (kept !== undefined) world.say(role.user, `/mau ${kept}`);
    });
  }

  /**
   * After the morning's escalation (a commune silent for days), the coordinator phones the commune and
   * enters yesterday's figures for it — only a coordinator may report for a past date. Which communes
   * were escalated is read from the job's outcome in the ledger, once the escalation reached this chat.
   */
  async #fillInSilent(ctx: ActionContext, day: number): Promise<void> {
    const { world, role } = this;
    const date = world.dateOf(day);
    const delivered = await remindersDelivered(world.db, world.campaign, {
      fromDate: date,
      toDate: date,
      chatId: role.user.id,
    });
    if (!delivered.some((r) => r.kind === 'escalation')) return;
    const slot = jobSlots(missedReportJob, world.campaign).find((s) => s.date === date);
    const outcome = slot && (await jobOutcome(world.db, missedReportJob.name, slot.id));
    const escalated = outcome?.escalatedUnitCodes;
    const codes = Array.isArray(escalated) ? escalated.map(String) : [];
    const yesterday = world.dateOf(day - 1);
    const commune = codes
      .map((code) => this.communes.get(code))
      .find(
        (c) =>
          c?.role.parentCode === role.unitCode &&
          c.joined &&
          c.role.profile.silentDays.includes(day - 1) &&
          !this.#entered.has(c.role.code),
      );
    if (!commune) return;
    this.#entered.add(commune.role.code);
    const figures = trueFigures(commune.role.profile, commune.role.target, day - 1);
    const before = await reportMark(world.db, world.campaign, commune.role.code, yesterday);
    world.moments.begin(ctx, 'stand_in', role.user.id, commune.role.code);
    world.say(
      role.user,
      `/baocao xã ${commune.role.code} ngày ${formatDayMonth(yesterday)} sổ ${figures.books} quét ${figures.scanned} nhập ${figures.entered} đính kèm ${figures.attached}`,
    );
    ctx.later(2, async (next) => {
      const effect = await reportEffect(
        world.db,
        world.campaign,
        {
          unitCode: commune.role.code,
          date: yesterday,
          conversation: world.conversation(role.user),
          now: next.now,
        },
        before,
      );
      if (effect.kind !== 'accepted')
        return world.tally.anomaly(`${role.unitName}: báo cáo thay ${commune.role.name} không được ghi`);
      commune.accepted(yesterday, effect.figures);
      world.tally.count('past_date_by_coordinator');
    });
  }
}
