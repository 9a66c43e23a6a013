import { Composer } from 'telegraf';
import { localDate } from '../../domain/local-time.js';
import { dailyPackageMessages, renderDailyPackage } from '../../services/daily-package.service.js';
import type { SohoaContext } from '../bot-context.js';
import { requireMember } from './member-guard.js';

/**
 * `/baocaongay`: the evening report on demand for a coordinator's or leader's scope — charts, summary and
 * PDF; `/bieudo`: only the charts. A commune's reporter gets the text ranking from /xephang instead.
 */
export const dailyReportFeature = new Composer<SohoaContext>();

async function sendPackage(ctx: SohoaContext, parts: { charts: boolean; summary: boolean; pdf: boolean }) {
  const who = await requireMember(ctx, ['coordinator', 'leader']);
  if (!who) return;
  const { db, campaign, clock, platform, updateId, chatId } = ctx.sohoa;
  const now = clock.now();
  // Rendering happens inside the update's transaction: a few seconds for a province, acceptable for an
  // on-demand request, and it keeps the request and its answer atomic.
  const pkg = await renderDailyPackage(
    db,
    campaign,
    who.unit.id,
    localDate(now, campaign.settings.timeZone),
    now,
  );
  await ctx.sohoa.enqueue(
    dailyPackageMessages(pkg, { platform, chatId }, `telegram:update:${updateId}:pkg`, parts),
  );
}

dailyReportFeature.command('baocaongay', (ctx) =>
  sendPackage(ctx, { charts: true, summary: true, pdf: true }),
);
dailyReportFeature.command('bieudo', (ctx) => sendPackage(ctx, { charts: true, summary: false, pdf: false }));
