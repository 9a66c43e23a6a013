import { ChatComposer } from '../chat-composer.js';
import type { ConversationKey } from '../../db/conversation.repository.js';
import { getCommuneProgress } from '../../services/progress.service.js';
import { foldWord } from '../../domain/text-normalize.js';
import {
  decideHeldReport,
  decideReport,
  hasHeldQuestion,
  submitReport,
  type HeldChoice,
  type ReportInput,
  type ReportOutcome,
} from '../../services/report.service.js';
import {
  answerReportWizard,
  hasReportWizard,
  startReportWizard,
  type WizardOutcome,
} from '../../services/report-wizard.service.js';
import type { ChatContext } from '../chat-context.js';
import { channelWording } from '../../messages/channel-wording.js';
import { reportMessages } from '../../messages/report-messages.js';
import { commandArgs, senderId } from './command-args.js';
import { requireMember } from './member-guard.js';
import { parseRowId } from './row-id.js';

/** `/baocao`: the daily figures, in one message or question by question, with confirm/edit buttons. */
export const reportFeature = new ChatComposer();

function reportInput(ctx: ChatContext, who: ReportInput['who']): ReportInput {
  const conversation: ConversationKey = {
    platform: ctx.sohoa.platform,
    chatId: ctx.message.chat.id,
    userId: senderId(ctx),
  };
  return { campaign: ctx.sohoa.campaign, who, conversation, inboxId: ctx.sohoa.inboxId };
}

async function replyOutcome(ctx: ChatContext, outcome: ReportOutcome, input: ReportInput): Promise<void> {
  const { db, campaign, clock } = ctx.sohoa;
  const metrics = campaign.settings.metrics;
  const wording = channelWording(ctx.sohoa.limits);
  switch (outcome.kind) {
    case 'empty': {
      await replyWizard(ctx, await startReportWizard(db, input, clock));
      return;
    }
    case 'refused':
      return ctx.sohoa.reply(reportMessages.refused(outcome.refusal));
    case 'held': {
      const button = (label: string, choice: string) => ({ label, data: `rh:${choice}:${outcome.asked}` });
      // The order of the choices is the order of the numbers the Zalo wording names (1, 2, 3).
      return ctx.sohoa.reply(reportMessages.held(metrics, outcome.held, outcome.incoming, wording), {
        choices: [
          [button(reportMessages.heldTogetherButton, 'a'), button(reportMessages.heldIncomingButton, 'n')],
          [button(reportMessages.heldDropButton, 'x')],
        ],
      });
    }
    case 'invalid':
      return ctx.sohoa.reply(reportMessages.invalid(metrics, outcome.problems, outcome.kept));
    case 'rejected':
      return ctx.sohoa.reply(reportMessages.rejected(metrics, outcome.check));
    case 'needs_confirmation':
      return ctx.sohoa.reply(
        reportMessages.needsConfirmation(metrics, outcome.check, outcome.target.date, wording),
        {
          choices: [
            [
              { label: reportMessages.confirmButton, data: `rc:${outcome.revisionId}` },
              { label: reportMessages.cancelButton, data: `rx:${outcome.revisionId}` },
            ],
          ],
        },
      );
    case 'accepted': {
      const { standing, inParent, inProvince } = await getCommuneProgress(
        db,
        campaign,
        outcome.target.unit,
        outcome.target.date,
      );
      return ctx.sohoa.reply(reportMessages.accepted(metrics, outcome, standing, inParent, inProvince), {
        choices: [[{ label: reportMessages.editButton, data: `re:${outcome.revisionId}` }]],
      });
    }
  }
}

async function replyWizard(ctx: ChatContext, outcome: WizardOutcome): Promise<void> {
  const metrics = ctx.sohoa.campaign.settings.metrics;
  if (outcome.kind === 'ask')
    return ctx.sohoa.reply(reportMessages.ask(metrics, outcome.metric, outcome.last, outcome.error));
  if (outcome.kind === 'cancelled') return ctx.sohoa.reply(reportMessages.wizardCancelled);
  return replyOutcome(
    ctx,
    outcome.outcome,
    reportInput(ctx, { member: ctx.sohoa.member!, unit: ctx.sohoa.unit! }),
  );
}

reportFeature.command('baocao', async (ctx) => {
  const who = await requireMember(ctx, ['reporter', 'coordinator']);
  if (!who) return;
  const input = reportInput(ctx, who);
  const outcome = await submitReport(ctx.sohoa.db, { ...input, text: commandArgs(ctx) }, ctx.sohoa.clock);
  if (outcome.kind === 'empty' && who.member.role !== 'reporter') {
    return ctx.sohoa.reply(reportMessages.refused({ code: 'unit_required' }));
  }
  await replyOutcome(ctx, outcome, input);
});

const HELD_CHOICES: Record<string, HeldChoice> = { a: 'together', n: 'incoming', x: 'drop' };

async function replyHeldDecision(ctx: ChatContext, choice: HeldChoice, asked?: number): Promise<void> {
  const { member, unit, db, clock, campaign } = ctx.sohoa;
  if (!member || !unit) return;
  const input = reportInput(ctx, { member, unit });
  const outcome = await decideHeldReport(
    db,
    { ...input, choice, ...(asked === undefined ? {} : { asked }) },
    clock,
  );
  if (outcome.kind === 'no_held') return ctx.sohoa.reply(reportMessages.heldStale);
  const metrics = campaign.settings.metrics;
  if (outcome.kind === 'dropped')
    return ctx.sohoa.reply(reportMessages.heldDropped(metrics, outcome.held, outcome.incoming));
  await replyOutcome(ctx, outcome, input);
}

// A typed «hủy» answers an open question about held figures (the buttons answer it too).
reportFeature.on('text', async (ctx, next) => {
  if (ctx.message.input.kind !== 'text' || foldWord(ctx.message.input.text.trim()) !== 'huy') return next();
  const { member, unit, db, clock } = ctx.sohoa;
  if (!member?.active || !unit) return next();
  if (!(await hasHeldQuestion(db, reportInput(ctx, { member, unit }).conversation, clock))) return next();
  await replyHeldDecision(ctx, 'drop');
});

reportFeature.choice(/^rh:([anx]):(\d+)$/, async (ctx) => {
  const who = await requireMember(ctx, ['reporter', 'coordinator']);
  if (!who) return;
  const [, choice = '', asked] = ctx.match ?? [];
  const held = HELD_CHOICES[choice];
  const number = parseRowId(asked);
  if (!held || number === undefined) return ctx.sohoa.reply(reportMessages.heldStale);
  await replyHeldDecision(ctx, held, number);
});

// Answers to the step-by-step questions: plain text in a private chat while a wizard is open.
reportFeature.on('text', async (ctx, next) => {
  if (ctx.message.input.kind !== 'text' || ctx.message.chat.kind !== 'private') return next();
  const { text } = ctx.message.input;
  const { member, unit, db, clock } = ctx.sohoa;
  if (!member?.active || !unit) return next();
  const input = reportInput(ctx, { member, unit });
  if (!(await hasReportWizard(db, input, clock))) return next();
  const outcome = await answerReportWizard(db, { ...input, text }, clock);
  if (!outcome) return next();
  await replyWizard(ctx, outcome);
});

reportFeature.choice(/^r([cxe]):(\d+)$/, async (ctx) => {
  const who = await requireMember(ctx, ['reporter', 'coordinator']);
  if (!who) return;
  const [, action, id] = ctx.match ?? [];
  const input = reportInput(ctx, who);
  if (action === 'e') {
    // Edit: ask again for every figure, showing the current ones.
    return replyWizard(ctx, await startReportWizard(ctx.sohoa.db, input, ctx.sohoa.clock));
  }
  const revisionId = parseRowId(id);
  if (revisionId === undefined) return ctx.sohoa.editCurrent(reportMessages.stale);
  const decision = await decideReport(
    ctx.sohoa.db,
    { campaign: ctx.sohoa.campaign, who, revisionId, confirm: action === 'c' },
    ctx.sohoa.clock,
  );
  if (decision.kind === 'stale') return ctx.sohoa.editCurrent(reportMessages.stale);
  if (decision.kind === 'not_allowed') return ctx.sohoa.reply(reportMessages.notYours);
  if (decision.kind === 'cancelled') return ctx.sohoa.editCurrent(reportMessages.cancelled);
  await replyOutcome(ctx, decision.outcome, input);
});
