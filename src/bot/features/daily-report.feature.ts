import { localDate } from '../../domain/local-time.js';
import { dailyPackageMessages } from '../../outbox/daily-package-messages.js';
import { renderDailyPackage } from '../../services/daily-package.service.js';
import { ChatComposer } from '../chat-composer.js';
import { activeMemberIn, type PrepareStep } from '../prepared-work.js';
import { requireMember } from './member-guard.js';

/**
 * `/baocaongay`: the evening report on demand for a coordinator's or leader's scope — charts, summary and
 * PDF; `/bieudo`: only the charts. A commune's reporter gets the text ranking from /xephang instead.
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
  const date = localDate(now, campaign.settings.timeZone);
  return { dailyPackage: await renderDailyPackage(db, campaign, who.unit.id, date, now) };
};

dailyReportFeature.command([...COMMANDS], async (ctx) => {
  const who = await requireMember(ctx, ['coordinator', 'leader']);
  if (!who) return;
  const { platform, updateId, chatId, prepared } = ctx.sohoa;
  // Prepared for this member before the transaction; missing only if their role changed in between.
  if (!prepared.dailyPackage) throw new Error('the daily package was not prepared for this update');
  const charts = ctx.message.input.kind === 'command' && ctx.message.input.command === 'bieudo';
  const parts = charts
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
