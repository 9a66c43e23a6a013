import { exportChatMessages } from '../../messages/export-chat-messages.js';
import { requestedDayRefused } from '../../messages/requested-day-messages.js';
import { requestedDay } from '../../services/requested-day.service.js';
import { renderScopeExcel } from '../../services/scope-export.service.js';
import { ChatComposer } from '../chat-composer.js';
import { activeMemberIn, type PrepareStep } from '../prepared-work.js';
import { commandArgs } from './command-args.js';
import { requireMember } from './member-guard.js';

/** `/xuatexcel [dd/mm]`: a coordinator's or leader's scope as an Excel workbook, sent in the chat. */
export const exportFeature = new ChatComposer();

const ROLES = ['coordinator', 'leader'] as const;

/** Renders the workbook before the transaction (seconds of CPU for a province). */
export const prepareExport: PrepareStep = async (message, deps) => {
  if (message.input.kind !== 'command' || message.input.command !== 'xuatexcel') return {};
  const who = activeMemberIn(deps, ROLES);
  if (!who) return {};
  const now = deps.clock.now();
  const day = requestedDay(deps.campaign, message.input.args, now);
  if (day.kind !== 'date') return {};
  return { excel: await renderScopeExcel(deps.db, deps.campaign, who.unit.id, day.date, now) };
};

exportFeature.command('xuatexcel', async (ctx) => {
  const who = await requireMember(ctx, ROLES);
  if (!who) return;
  const { prepared, campaign, clock } = ctx.sohoa;
  const day = requestedDay(campaign, commandArgs(ctx), clock.now());
  if (day.kind !== 'date') return ctx.sohoa.reply(requestedDayRefused(day, 'xuatexcel'));
  // Prepared for this member before the transaction; missing only if their role changed in between.
  if (!prepared.excel) throw new Error('the export was not prepared for this update');
  await ctx.sohoa.replyDocument(
    prepared.excel.fileName,
    prepared.excel.bytes,
    exportChatMessages.caption(who.unit.name, prepared.excel.date),
  );
});
