import { formatReportHistory } from '../../messages/history-messages.js';
import { getReportHistory } from '../../services/report-history.service.js';
import { ChatComposer } from '../chat-composer.js';
import { requireMember } from './member-guard.js';

/** `/lichsu`: a commune reporter's last days of figures, and who corrected them when. */
export const historyFeature = new ChatComposer();

historyFeature.command('lichsu', async (ctx) => {
  const who = await requireMember(ctx, ['reporter']);
  if (!who) return;
  const { db, campaign, clock } = ctx.sohoa;
  const history = await getReportHistory(db, campaign, who.unit, clock.now());
  await ctx.sohoa.reply(formatReportHistory(history, campaign.settings.metrics, campaign.settings.timeZone));
});
