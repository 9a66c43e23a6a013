import type { Figures } from '../domain/progress.js';
import type { ReportStyle } from './commune-profile.js';
import type { DemoWorld } from './demo-world.js';
import type { ActionContext } from './demo-timeline.js';
import type { CommuneRole } from './demo-cast.js';
import { acceptedFigures, askedMetric, reportReplyKind, type ReportReplyKind } from './report-reply.js';
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

/**
 * Sends `text`, and a little later reads the bot's answer to it; an answer of another kind than
 * `expect` is an anomaly, otherwise `then` continues the conversation.
 */
function send(
  c: ReportingCommune,
  ctx: ActionContext,
  date: string,
  text: string,
  expect: ReportReplyKind,
  then: (reply: string, ctx: ActionContext) => void,
): void {
  const { world, role } = c;
  const metrics = world.campaign.settings.metrics;
  const mark = world.mark(role.user.id);
  world.say(role.user, text);
  ctx.later(READ_DELAY, (next) => {
    const reply = world.answer(role.user.id, mark, (t) => reportReplyKind(t, metrics) !== undefined);
    const kind = reply === undefined ? undefined : reportReplyKind(reply, metrics);
    if (reply === undefined || kind !== expect) {
      world.tally.anomaly(
        `${role.name}: chờ «${expect}» sau «${text.split('\n')[0]}», nhận «${reply?.split('\n')[0] ?? '—'}»`,
      );
      // Whatever was expected, figures the bot says it stored are what the commune now has.
      const stored = reply === undefined || kind !== 'accepted' ? undefined : acceptedFigures(reply, metrics);
      if (stored) c.accepted(date, stored);
      return;
    }
    then(reply, next);
  });
}

/** Checks an "accepted" answer lists the expected figures, and records them. */
function acceptedAs(c: ReportingCommune, date: string, expected: Figures) {
  return (reply: string) => {
    const figures = acceptedFigures(reply, c.world.campaign.settings.metrics);
    const same =
      figures !== undefined &&
      (Object.keys(expected) as (keyof Figures)[]).every((k) => figures[k] === expected[k]);
    if (!same)
      c.world.tally.anomaly(
        `${c.role.name}: bot ghi ${JSON.stringify(figures)}, xã gửi ${JSON.stringify(expected)}`,
      );
    if (figures) c.accepted(date, figures);
  };
}

/** Plays one report of the day, slip included. */
export function playReport(
  c: ReportingCommune,
  ctx: ActionContext,
  date: string,
  figures: Figures,
  scenario: ReportScenario,
  style: ReportStyle,
): void {
  const { world, role } = c;
  const line = style === 'wizard' ? 'line' : style;
  switch (scenario) {
    case 'plain':
      return send(c, ctx, date, reportText(figures, line), 'accepted', acceptedAs(c, date, figures));
    case 'wizard':
      world.tally.count('wizard');
      return send(c, ctx, date, '/baocao', 'ask', (reply, next) =>
        answerWizard(c, next, date, figures, reply, 0),
      );
    case 'typo': {
      // A zero too many pushes the figure past the commune's target: the bot holds it and asks.
      const typo = { ...figures, scanned: typoOf(figures.scanned, role.target.cases) };
      return send(c, ctx, date, reportText(typo, line), 'confirm', (_reply, next) => {
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
      return send(c, ctx, date, reportText(swapped, line), 'rejected', (_reply, next) => {
        world.tally.count('order_mistake');
        const fix = `/baocao nhập ${figures.entered} đính kèm ${figures.attached}`;
        next.later(3, (again) => send(c, again, date, fix, 'accepted', acceptedAs(c, date, figures)));
      });
    }
    case 'correction': {
      // Counted one batch twice in the morning; in the afternoon the real (lower) figure, confirmed.
      const delta = Math.max(10, Math.round(role.target.cases * 0.02));
      if (figures.scanned + delta > role.target.cases)
        return playReport(c, ctx, date, figures, 'plain', style);
      const inflated = { ...figures, scanned: figures.scanned + delta };
      return send(c, ctx, date, reportText(inflated, line), 'accepted', (reply, next) => {
        acceptedAs(c, date, inflated)(reply);
        const afternoon = world.instant(date, '14:30').getTime() - next.now.getTime();
        next.later(Math.max(30, afternoon / 60_000), (pm) =>
          send(c, pm, date, `/baocao quét ${figures.scanned}`, 'confirm', (_held, confirm) => {
            const mark = world.mark(role.user.id);
            if (!world.press(role.user, role.user.id, 'rc:')) return;
            confirm.later(READ_DELAY, () => {
              const done = world.answer(
                role.user.id,
                mark,
                (t) => reportReplyKind(t, world.campaign.settings.metrics) === 'accepted',
              );
              if (!done) return world.tally.anomaly(`${role.name}: xác nhận sửa số không được ghi`);
              world.tally.count('correction_confirmed');
              acceptedAs(c, date, figures)(done);
            });
          }),
        );
      });
    }
  }
}

/** Answers the step-by-step questions: «giữ» when a figure did not change, else the number. */
function answerWizard(
  c: ReportingCommune,
  ctx: ActionContext,
  date: string,
  figures: Figures,
  question: string,
  step: number,
): void {
  const metric = askedMetric(question, c.world.campaign.settings.metrics);
  if (!metric || step > 5) return c.world.tally.anomaly(`${c.role.name}: câu hỏi không rõ «${question}»`);
  const value = figures[metric];
  const answer = c.stored?.[metric] === value ? 'giữ' : String(value);
  const last = metric === 'attached';
  send(c, ctx, date, answer, last ? 'accepted' : 'ask', (reply, next) =>
    last ? acceptedAs(c, date, figures)(reply) : answerWizard(c, next, date, figures, reply, step + 1),
  );
}
