import { MAX_FIGURE } from '../domain/report-parser.js';
import { METRIC_CODES, type MetricCode } from '../domain/campaign-file.js';
import type { Clock } from '../domain/clock.js';
import { localDate } from '../domain/local-time.js';
import { normalizeText, readCount } from '../domain/text-normalize.js';
import { deleteConversation, findConversation, saveConversation } from '../db/conversation.repository.js';
import type { Db } from '../db/database.js';
import { findLatestReport } from '../db/report.repository.js';
import { inTransaction } from '../db/transaction.js';
import { submitParsedReport, type ReportInput, type ReportOutcome } from './report.service.js';

const WIZARD_KIND = 'report_wizard';
const WIZARD_TTL_MS = 2 * 3_600_000;
// Words that mean "keep the last value" when the bot asks for one figure.
const KEEP_WORDS = new Set([
  'giu',
  'giữ',
  'giu nguyen',
  'giữ nguyên',
  'nhu cu',
  'như cũ',
  '=',
  '-',
  'k',
  'ko',
  'không đổi',
]);
const CANCEL_WORDS = new Set(['huy', 'hủy', 'huỷ', '/huy']);

interface WizardState {
  unitId: number;
  step: number;
  figures: Partial<Record<MetricCode, number>>;
}

/** The next question of the step-by-step report, or its end. */
export type WizardOutcome =
  | {
      readonly kind: 'ask';
      readonly metric: MetricCode;
      readonly last: number | null;
      readonly error?: 'not_a_count' | 'too_large';
    }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'done'; readonly outcome: ReportOutcome };

async function lastValue(db: Db, unitId: number, date: string, metric: MetricCode): Promise<number | null> {
  const latest = await findLatestReport(db, unitId, date);
  return latest ? latest[metric] : null;
}

/** Starts asking a reporter for each figure in turn, showing the last value of each. */
export async function startReportWizard(db: Db, input: ReportInput, clock: Clock): Promise<WizardOutcome> {
  return inTransaction(db, async (trx) => {
    const now = clock.now();
    const state: WizardState = { unitId: input.who.unit.id, step: 0, figures: {} };
    await saveConversation(trx, input.conversation, WIZARD_KIND, state, now, WIZARD_TTL_MS);
    const metric = METRIC_CODES[0];
    const today = localDate(now, input.campaign.settings.timeZone);
    return { kind: 'ask', metric, last: await lastValue(trx, state.unitId, today, metric) } as const;
  });
}

/** True when the user is in the middle of a step-by-step report. */
export async function hasReportWizard(
  db: Db,
  input: Pick<ReportInput, 'conversation'>,
  clock: Clock,
): Promise<boolean> {
  return (
    (await findConversation<WizardState>(db, input.conversation, WIZARD_KIND, clock.now())) !== undefined
  );
}

/** The figure an open step-by-step report waits for (read-only), or undefined when none is open. */
export async function pendingWizardMetric(
  db: Db,
  conversation: ReportInput['conversation'],
  now: Date,
): Promise<MetricCode | undefined> {
  const state = await findConversation<WizardState>(db, conversation, WIZARD_KIND, now);
  return state ? (METRIC_CODES[state.step] ?? 'attached') : undefined;
}

/** Takes the answer to the current question; after the last one, submits the report. */
export async function answerReportWizard(
  db: Db,
  input: ReportInput & { text: string },
  clock: Clock,
): Promise<WizardOutcome | undefined> {
  return inTransaction(db, async (trx): Promise<WizardOutcome | undefined> => {
    const now = clock.now();
    const state = await findConversation<WizardState>(trx, input.conversation, WIZARD_KIND, now);
    if (!state) return undefined;
    const today = localDate(now, input.campaign.settings.timeZone);
    const answer = normalizeText(input.text).trim();
    if (CANCEL_WORDS.has(answer)) {
      await deleteConversation(trx, input.conversation, WIZARD_KIND);
      return { kind: 'cancelled' };
    }
    const metric = METRIC_CODES[state.step] ?? 'attached';
    if (!KEEP_WORDS.has(answer)) {
      const count = readCount(answer.replace(/\s+/g, ' '));
      // The same bound as a one-line report: a figure the database cannot hold is asked for again.
      if (count.kind !== 'whole' || count.value > MAX_FIGURE) {
        return {
          kind: 'ask',
          metric,
          last: await lastValue(trx, state.unitId, today, metric),
          error: count.kind === 'whole' ? 'too_large' : 'not_a_count',
        };
      }
      state.figures[metric] = count.value;
    }
    state.step += 1;
    const next = METRIC_CODES[state.step];
    if (next) {
      await saveConversation(trx, input.conversation, WIZARD_KIND, state, now, WIZARD_TTL_MS);
      return { kind: 'ask', metric: next, last: await lastValue(trx, state.unitId, today, next) };
    }
    await deleteConversation(trx, input.conversation, WIZARD_KIND);
    const outcome = await submitParsedReport(
      trx,
      // Every figure was asked for in turn: figures held from an earlier message do not apply.
      { ...input, parsed: { figures: state.figures, problems: [], empty: false }, held: 'ignore' },
      clock,
    );
    return { kind: 'done', outcome };
  });
}
