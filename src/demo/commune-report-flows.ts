import type { Figures } from '../domain/progress.js';
import { reportEffect, reportMark, type ReportEffect } from '../services/demo-facts.service.js';
import type { ReportStyle } from './commune-profile.js';
import type { DemoWorld } from './demo-world.js';
import type { ActionContext } from './demo-timeline.js';
import type { CommuneRole } from './demo-cast.js';
import { reportText, typoOf } from './report-text.js';

/** How a commune sends today's report: as it should, or with one of the everyday slips. */
export type ReportScenario = 'plain' | 'wizard' | 'typo' | 'order' | 'correction';

/** What the report flows need from the commune playing them. */
export interface ReportingCommune {
  readonly role: CommuneRole;
  readonly world: DemoWorld;
  /** Called with what the bot confirmed it stored. */
  accepted(date: string, figures: Figures): void;
  /** The figures the bot last confirmed, if any. */
  readonly stored: Figures | undefined;
}

const READ_DELAY = 2;

/** What the message did to the commune's report, read from the database once the bot has answered. */
async function effectSince(
  c: ReportingCommune,
  date: string,
  before: Awaited<ReturnType<typeof reportMark>>,
  now: Date,
): Promise<ReportEffect> {
  const { world, role } = c;
  const conversation = world.conversation(role.user);
  return reportEffect(world.db, world.campaign, { unitCode: role.code, date, conversation, now }, before);
}

/**
 * Sends `text`, and a little later reads what it did (a stored, held or refused report, or a question);
 * another effect than `expect`, or no answer at all, is an anomaly; otherwise `then` continues.
 */
async function send(
  c: ReportingCommune,
  ctx: ActionContext,
  date: string,
  text: string,
  expect: ReportEffect['kind'],
  then: (effect: ReportEffect, ctx: ActionContext) => Promise<void> | void,
): Promise<void> {
  const { world, role } = c;
  const mark = world.mark(role.user.id);
  const before = await reportMark(world.db, world.campaign, role.code, date);
  world.say(role.user, text);
  ctx.later(READ_DELAY, async (next) => {
    const effect = await effectSince(c, date, before, next.now);
    const replied = world.replied(role.user.id, mark);
    if (!replied || effect.kind !== expect) {
      world.tally.anomaly(
        `${role.name}: chờ «${expect}» sau «${text.split('\n')[0]}», nhận «${replied ? effect.kind : '—'}»`,
      );
      // Whatever was expected, figures the bot stored are what the commune now has.
      if (effect.kind === 'accepted') c.accepted(date, effect.figures);
      return;
    }
    await then(effect, next);
  });
}

/** Checks the stored figures are the ones sent, and records them. */
function acceptedAs(c: ReportingCommune, date: string, expected: Figures) {
  return (effect: ReportEffect) => {
    if (effect.kind !== 'accepted') return;
    const { figures } = effect;
    const same = (Object.keys(expected) as (keyof Figures)[]).every((k) => figures[k] === expected[k]);
    if (!same)
      c.world.tally.anomaly(
        `${c.role.name}: bot ghi ${JSON.stringify(figures)}, xã gửi ${JSON.stringify(expected)}`,
      );
    c.accepted(date, figures);
  };
}

/** Plays one report of the day, slip included. */
export async function playReport(
  c: ReportingCommune,
  ctx: ActionContext,
  date: string,
  figures: Figures,
  scenario: ReportScenario,
  style: ReportStyle,
): Promise<void> {
  const { world, role } = c;
  const line = style === 'wizard' ? 'line' : style;
  switch (scenario) {
    case 'plain':
      return send(c, ctx, date, reportText(figures, line), 'accepted', acceptedAs(c, date, figures));
    case 'wizard':
      world.tally.count('wizard');
      return send(c, ctx, date, '/baocao', 'ask', (effect, next) =>
        answerWizard(c, next, date, figures, effect, 0),
      );
    case 'typo': {
      // A zero too many pushes the figure past the commune's target: the bot holds it and asks.
      const typo = { ...figures, scanned: typoOf(figures.scanned, role.target.cases) };
      return send(c, ctx, date, reportText(typo, line), 'confirm', (_effect, next) => {
        world.tally.count('typo_held');
        next.later(3, (again) =>
          send(c, again, date, reportText(figures, line), 'accepted', acceptedAs(c, date, figures)),
        );
      });
    }
    case 'order': {
      // Attached typed from the wrong column, above entered: that breaks the order of the steps.
      const swapped = {
        ...figures,
        attached: figures.entered + Math.max(10, figures.entered - figures.attached),
      };
      return send(c, ctx, date, reportText(swapped, line), 'rejected', (_effect, next) => {
        world.tally.count('order_mistake');
        // The whole line again: a partial fix would be answered with the held figures to confirm first.
        const fix = reportText(figures, line);
        next.later(3, (again) => send(c, again, date, fix, 'accepted', acceptedAs(c, date, figures)));
      });
    }
    case 'correction': {
      // Counted one batch twice in the morning; in the afternoon the real (lower) figure, confirmed.
      const delta = Math.max(10, Math.round(role.target.cases * 0.02));
      if (figures.scanned + delta > role.target.cases)
        return playReport(c, ctx, date, figures, 'plain', style);
      const inflated = { ...figures, scanned: figures.scanned + delta };
      return send(c, ctx, date, reportText(inflated, line), 'accepted', (effect, next) => {
        acceptedAs(c, date, inflated)(effect);
        const afternoon = world.instant(date, '14:30').getTime() - next.now.getTime();
        next.later(Math.max(30, afternoon / 60_000), (pm) => {
          world.moments.begin(pm, 'confirm', role.user.id);
          return send(c, pm, date, `/baocao quét ${figures.scanned}`, 'confirm', (_held, confirm) =>
            pressConfirm(c, confirm, date, figures),
          );
        });
      });
    }
  }
}

/** Presses «Xác nhận» under a held report; a little later the report must be stored as sent. */
async function pressConfirm(c: ReportingCommune, ctx: ActionContext, date: string, figures: Figures) {
  const { world, role } = c;
  const before = await reportMark(world.db, world.campaign, role.code, date);
  if (!(await world.press(role.user, role.user.id, 'rc:'))) return;
  ctx.later(READ_DELAY, async (next) => {
    const effect = await effectSince(c, date, before, next.now);
    if (effect.kind !== 'accepted')
      return world.tally.anomaly(`${role.name}: xác nhận sửa số không được ghi`);
    world.tally.count('correction_confirmed');
    acceptedAs(c, date, figures)(effect);
  });
}

/** Answers the step-by-step questions: «giữ» when a figure did not change, else the number. */
function answerWizard(
  c: ReportingCommune,
  ctx: ActionContext,
  date: string,
  figures: Figures,
  question: ReportEffect,
  step: number,
): Promise<void> | void {
  const metric = question.kind === 'ask' ? question.metric : undefined;
  if (!metric || step > 5)
    return c.world.tally.anomaly(`${c.role.name}: câu hỏi không rõ ở bước ${step + 1}`);
  const value = figures[metric];
  const answer = c.stored?.[metric] === value ? 'giữ' : String(value);
  const last = metric === 'attached';
  return send(c, ctx, date, answer, last ? 'accepted' : 'ask', (effect, next) =>
    last ? acceptedAs(c, date, figures)(effect) : answerWizard(c, next, date, figures, effect, step + 1),
  );
}
