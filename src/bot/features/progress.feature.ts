import { ChatComposer } from '../chat-composer.js';
import { localDate } from '../../domain/local-time.js';
import { getCommuneProgress, getScopeForecasts, getScopeProgress } from '../../services/progress.service.js';
import type { ChatContext } from '../chat-context.js';
import { progressMessages } from '../../messages/progress-messages.js';
import { requireMember } from './member-guard.js';

/** `/tiendo`, `/xephang`, `/chuabaocao`: the picture of one's own commune or scope, today. */
export const progressFeature = new ChatComposer();

const today = (ctx: ChatContext) => localDate(ctx.sohoa.clock.now(), ctx.sohoa.campaign.settings.timeZone);

progressFeature.command('tiendo', async (ctx) => {
  const who = await requireMember(ctx, ['reporter', 'coordinator', 'leader']);
  if (!who) return;
  const { db, campaign } = ctx.sohoa;
  if (who.unit.level === 'commune') {
    const now = ctx.sohoa.clock.now();
    const { standing, inParent, inProvince, forecasts } = await getCommuneProgress(
      db,
      campaign,
      who.unit,
      today(ctx),
      now,
    );
    await ctx.sohoa.reply(
      progressMessages.commune(standing, inParent, inProvince, campaign.settings, forecasts),
    );
    return;
  }
  const progress = await getScopeProgress(db, campaign, who.unit.id, today(ctx), ctx.sohoa.clock.now());
  const forecasts = await getScopeForecasts(db, campaign, progress);
  await ctx.sohoa.reply(progressMessages.scope(progress, campaign.settings, forecasts));
});

progressFeature.command('xephang', async (ctx) => {
  const who = await requireMember(ctx, ['reporter', 'coordinator', 'leader']);
  if (!who) return;
  const { db, campaign } = ctx.sohoa;
  // A commune sees its district's ranking with itself marked.
  const scopeId = who.unit.level === 'commune' ? who.unit.parent_id : who.unit.id;
  if (scopeId === null) return;
  const progress = await getScopeProgress(db, campaign, scopeId, today(ctx), ctx.sohoa.clock.now());
  await ctx.sohoa.reply(
    progressMessages.ranking(progress, who.unit.level === 'commune' ? who.unit.id : undefined),
  );
});

progressFeature.command('chuabaocao', async (ctx) => {
  const who = await requireMember(ctx, ['coordinator', 'leader']);
  if (!who) return;
  const progress = await getScopeProgress(ctx.sohoa.db, ctx.sohoa.campaign, who.unit.id, today(ctx));
  await ctx.sohoa.reply(progressMessages.missing(progress));
});
