import { dailyPackageMessages } from '../../outbox/daily-package-messages.js';
import { requestedDayRefused } from '../../messages/requested-day-messages.js';
import { renderDailyPackage } from '../../services/daily-package.service.js';
import { requestedDay } from '../../services/requested-day.service.js';
import { ChatComposer } from '../chat-composer.js';
import { activeMemberIn, type PrepareStep } from '../prepared-work.js';
import { commandArgs } from './command-args.js';
import { requireMember } from './member-guard.js';

/**
 * `/baocaongay [dd/mm]`: the evening report on demand for a coordinator's or leader's scope — one album
 * of charts, the summary and the PDF — for today or an earlier day of the campaign; `/bieudo [dd/mm]`:
 * only the charts. A commune's reporter gets the text ranking from /xephang instead.
 */
export const dailyReportFeature = new ChatComposer();

const COMMANDS = new Set(['baocaongay', 'bieudo']);

/** Renders the package before the transaction: seconds of CPU for a province. */
export const prepareDailyReport: PrepareStep = async (message, deps) => {
  if (message.input.kind !== 'command' || !COMMANDS.has(message.input.command)) return {};
  const who = activeMemberIn(deps, ['coordinator', 'leader']);
  if (!who) return {};
  const { db, campaign, clock } = deps;
  const now = clock.now();
  const day = requestedDay(campaign, message.input.args, now);
  // A refused day is answered in the transaction; there is nothing to render.
  if (day.kind !== 'date') return {};
  return { dailyPackage: await renderDailyPackage(db, campaign, who.unit.id, day.date, now) };
};

dailyReportFeature.command([...COMMANDS], async (ctx) => {
  const who = await requireMember(ctx, ['coordinator', 'leader']);
  if (!who) return;
  const { platform, updateId, chatId, prepared, campaign, clock } = ctx.sohoa;
  const command = ctx.message.input.kind === 'command' ? ctx.message.input.command : 'baocaongay';
  const day = requestedDay(campaign, commandArgs(ctx), clock.now());
  if (day.kind !== 'date') return ctx.sohoa.reply(requestedDayRefused(day, command));
  // Prepared for this member before the transaction; missing only if their role changed in between.
  if (!prepared.dailyPackage) throw new Error('the daily package was not prepared for this update');
  const parts =
    command === 'bieudo'
      ? { charts: true, summary: false, pdf: false }
      : { charts: true, summary: true, pdf: true };
  await ctx.sohoa.enqueue(
    dailyPackageMessages(
      prepared.dailyPackage,
      { platform, chatId },
      `${platform}:update:${updateId}:pkg`,
      parts,
    ),
  );
});
