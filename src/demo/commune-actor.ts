import type { Figures } from '../domain/progress.js';
import { playReport, type ReportScenario, type ReportingCommune } from './commune-report-flows.js';
import { trueFigures } from './commune-profile.js';
import { playSample } from './commune-sample-flows.js';
import type { CommuneRole } from './demo-cast.js';
import type { DemoRandom } from './demo-random.js';
import type { ActionContext, DemoTimeline } from './demo-timeline.js';
import { isMember } from '../services/demo-facts.service.js';
import type { DemoWorld } from './demo-world.js';
import { randomTime } from './day-times.js';
import { remindersDelivered, type ReminderKind } from './reminder-kinds.js';
import type { SampleDefect } from './sample-scan-builder.js';

const BAD_FILES: readonly Exclude<SampleDefect, 'good'>[] = ['too_large', 'bad_name', 'not_pdf', 'low_dpi'];

/**
 * Scripted files of the first communes (index → day → defect), so that every run shows each refusal —
 * and, when the third and fourth communes are on Zalo (see demo-channels), a file refused on the OA in
 * the chat and one sent on Zalo Bot that goes through the upload page.
 */
const SCRIPTED_FILES: Readonly<Record<number, Readonly<Record<number, SampleDefect>>>> = {
  0: { 3: 'low_dpi' },
  1: { 1: 'too_large', 2: 'not_pdf', 3: 'bad_name' },
  2: { 3: 'bad_name' },
  3: { 2: 'too_large' },
};
/** Scripted report slips of the first communes (index → day → scenario). */
const SCRIPTED_REPORTS: Readonly<Record<number, Readonly<Record<number, ReportScenario>>>> = {
  0: { 2: 'typo', 3: 'correction' },
  1: { 2: 'wizard' },
  3: { 1: 'order' },
};

/** One commune's reporter: joins, reports (or forgets), sends sample files, reacts to what the bot says. */
export class CommuneActor implements ReportingCommune {
  inviteCode = '';
  joined = false;
  #stored: { date: string; figures: Figures } | undefined;
  #today = '';
  #reportedToday = false;
  #files = 0;

  constructor(
    readonly role: CommuneRole,
    readonly world: DemoWorld,
  ) {}

  /** The figures the bot last confirmed. */
  get stored(): Figures | undefined {
    return this.#stored?.figures;
  }

  /** The last confirmed figures and their date, for the final comparison. */
  get lastConfirmed(): { date: string; figures: Figures } | undefined {
    return this.#stored;
  }

  /** Records figures the bot confirmed (also used when a coordinator reported for the commune). */
  accepted(date: string, figures: Figures): void {
    if (!this.#stored || date >= this.#stored.date) this.#stored = { date, figures };
    if (date === this.#today) this.#reportedToday = true;
  }

  /** Schedules what the commune does on campaign day `day` (0 = the day before the start). */
  planDay(day: number, timeline: DemoTimeline): void {
    const { world, role } = this;
    const { profile } = role;
    const date = world.dateOf(day);
    const r = world.random.fork(`commune:${role.code}:${date}`);
    const at = (from: string, to: string) => world.instant(date, randomTime(r, from, to));
    this.#today = date;
    this.#reportedToday = false;
    if (profile.joinDay === day)
      timeline.at(at(day === 0 ? '09:00' : '08:30', day === 0 ? '16:00' : '09:30'), (ctx) =>
        this.#join(ctx, r),
      );
    if (day === 0 || profile.joinDay > day || profile.silentDays.includes(day)) return;

    const diligent = profile.diligence === 'diligent';
    const scenario = SCRIPTED_REPORTS[role.index]?.[day] ?? this.#drawScenario(r);
    const report = (ctx: ActionContext, s: ReportScenario) => {
      world.moments.begin(ctx, s === 'plain' ? 'report' : s, role.user.id, profile.style);
      return playReport(this, ctx, date, trueFigures(profile, role.target, day), s, profile.style);
    };
    if (scenario !== 'plain' || r.chance(diligent ? 0.96 : 0.55)) {
      const morning = scenario === 'correction' || r.chance(diligent ? 0.65 : 0.3);
      const when = morning ? at('08:35', '11:30') : at('13:30', '15:45');
      timeline.at(when, (ctx) => report(ctx, scenario));
    } else {
      const answerCall = r.chance(diligent ? 0.95 : 0.6);
      const answerCoordinator = r.chance(0.6);
      const late = r.chance(0.6) ? (r.chance(0.5) ? at('17:05', '17:25') : at('19:00', '21:00')) : undefined;
      timeline.at(at('16:05', '16:25'), async (ctx) => {
        if (!this.#reportedToday && answerCall && (await this.#reminded('report_call', date)))
          await report(ctx, 'plain');
      });
      timeline.at(at('16:45', '16:55'), async (ctx) => {
        if (!this.#reportedToday && answerCoordinator && (await this.#reminded('broadcast', date)))
          await report(ctx, 'plain');
      });
      if (late)
        timeline.at(late, async (ctx) => {
          if (!this.#reportedToday) await report(ctx, 'plain');
        });
    }

    const scripted = SCRIPTED_FILES[role.index]?.[day];
    if (scripted || r.chance(profile.fileRate)) {
      const defect = scripted ?? (r.chance(profile.sloppyFiles ? 0.6 : 0.1) ? r.pick(BAD_FILES) : 'good');
      timeline.at(at('09:00', '15:00'), (ctx) => {
        world.moments.begin(ctx, 'sample', role.user.id, defect);
        return playSample(world, role, ctx, defect, () => ++this.#files);
      });
    }
    if (r.chance(0.04))
      timeline.at(at('08:30', '16:30'), (ctx) => {
        world.moments.begin(ctx, 'progress', role.user.id);
        world.say(role.user, '/tiendo');
      });
    if (r.chance(0.02))
      timeline.at(at('08:30', '16:30'), (ctx) => {
        world.moments.begin(ctx, 'ranking', role.user.id);
        world.say(role.user, '/xephang');
      });
  }

  #drawScenario(r: DemoRandom): ReportScenario {
    const roll = r.next();
    if (this.role.profile.style === 'wizard' || roll < 0.02) return 'wizard';
    return roll < 0.03 ? 'typo' : roll < 0.045 ? 'order' : roll < 0.053 ? 'correction' : 'plain';
  }

  /** Whether a reminder of this kind was delivered to the commune today (read from the outbox). */
  async #reminded(kind: ReminderKind, date: string): Promise<boolean> {
    const { world, role } = this;
    const delivered = await remindersDelivered(world.db, world.campaign, {
      fromDate: date,
      toDate: date,
      chatId: role.user.id,
    });
    return delivered.some((r) => r.kind === kind);
  }

  #join(ctx: ActionContext, r: DemoRandom): void {
    const { world, role } = this;
    const mistype = role.index === 1 && !this.joined;
    world.moments.begin(ctx, 'join', role.user.id, mistype ? 'wrong_code' : undefined);
    if (mistype) {
      // Mistyped one character of the code on the phone: refused, then typed again.
      world.say(role.user, `/start ${mistyped(this.inviteCode)}`);
      world.tally.count('wrong_code');
      ctx.later(3, (next) => this.#start(next, r));
      return;
    }
    this.#start(ctx, r);
  }

  #start(ctx: ActionContext, r: DemoRandom): void {
    const { world, role } = this;
    const mark = world.mark(role.user.id);
    world.say(role.user, `/start ${this.inviteCode}`);
    ctx.later(2, async (next) => {
      this.joined =
        world.replied(role.user.id, mark) &&
        (await isMember(world.db, world.campaign, world.channelOf(role.user), String(role.user.id)));
      if (!this.joined) return world.tally.anomaly(`${role.name}: không tham gia được bằng mã mời`);
      if (r.chance(0.15))
        next.later(r.int(1, 30), (help) => {
          world.moments.begin(help, 'help', role.user.id);
          world.say(role.user, '/trogiup');
        });
    });
  }
}

/** The code with one character changed, as a slip of the thumb would. */
function mistyped(code: string): string {
  const i = 2;
  const swap = code[i] === 'Q' ? 'P' : 'Q';
  return `${code.slice(0, i)}${swap}${code.slice(i + 1)}`;
}
