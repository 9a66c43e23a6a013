import type { ChatMessage } from '../../channels/chat-message.js';
import { readBareFigures } from '../../domain/bare-figures.js';
import { reportShortcutMessages } from '../../messages/report-shortcut-messages.js';
import { hasReportWizard } from '../../services/report-wizard.service.js';
import { resolveReportUnitName } from '../../services/report-shortcut.service.js';
import { ChatComposer } from '../chat-composer.js';
import type { ChatContext } from '../chat-context.js';
import { commandArgs, senderId } from './command-args.js';
import { reportFeature } from './report.feature.js';

/**
 * Shorthand reports, rewritten into the `/baocao` the report feature already understands (so its rules,
 * confirmations and answers stay in one place): a bare line of numbers from a commune reporter, and a
 * commune named by name (`/baocao xã Triệu Long …`). `/Baocao` and `/bao cao` are the channel's
 * business: they already arrive as the command `baocao`.
 */
export const reportShortcutsFeature = new ChatComposer();

const reportChain = reportFeature.middleware();

/** Hands the update to the report feature as the `/baocao args` it stands for. */
function asReport(ctx: ChatContext, args: string, next: () => Promise<void>): Promise<void> {
  const message: ChatMessage = {
    ...ctx.message,
    input: { kind: 'command', command: 'baocao', args, text: `/baocao ${args}` },
  };
  return reportChain({ message, sohoa: ctx.sohoa, match: undefined }, next);
}

reportShortcutsFeature.command('baocao', async (ctx, next) => {
  const { member, unit, db, campaign } = ctx.sohoa;
  if (!member?.active || !unit) return next();
  const named = await resolveReportUnitName(db, campaign, unit, commandArgs(ctx));
  if (named.kind === 'as_written') return next();
  if (named.kind === 'ambiguous') {
    return ctx.sohoa.reply(reportShortcutMessages.ambiguousCommune(named.typed, named.choices));
  }
  return asReport(ctx, named.text, next);
});

// `12 1800 1500 1400` in a reporter's private chat: a report in metric order, with a hint on the form.
reportShortcutsFeature.on('text', async (ctx, next) => {
  const { input, chat } = ctx.message;
  const { member, unit, db, campaign, clock, platform } = ctx.sohoa;
  if (input.kind !== 'text' || chat.kind !== 'private' || !member?.active || !unit) return next();
  if (member.role !== 'reporter') return next();
  const metrics = campaign.settings.metrics;
  const figures = readBareFigures(input.text, metrics);
  if (!figures) return next();
  // A step-by-step report is open: the numbers are its answers, by its rules.
  const conversation = { platform, chatId: chat.id, userId: senderId(ctx) };
  if (await hasReportWizard(db, { conversation }, clock)) return next();
  await ctx.sohoa.reply(reportShortcutMessages.bareFiguresHint(metrics, figures));
  return asReport(ctx, reportShortcutMessages.bareFiguresReport(metrics, figures), next);
});
