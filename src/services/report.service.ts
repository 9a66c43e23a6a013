import type { MetricCode } from '../domain/campaign-file.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import { ZERO_FIGURES, type Figures } from '../domain/progress.js';
import { parseReportText, type ParseProblem, type ParsedReport } from '../domain/report-parser.js';
import { checkReport, type ReportCheck } from '../domain/report-rules.js';
import type { ConversationKey } from '../db/conversation.repository.js';
import { deleteConversation, findConversation, saveConversation } from '../db/conversation.repository.js';
import type { Db } from '../db/database.js';
import type { MemberRow } from '../db/member.table.js';
import {
  decideRevision,
  discardPendingRevisions,
  findLatestReport,
  findRevisionForUpdate,
  insertRevision,
  upsertDailyReport,
} from '../db/report.repository.js';
import type { ReportRevisionRow } from '../db/report-revision.table.js';
import { inTransaction } from '../db/transaction.js';
import { findUnitById, findUnitTarget } from '../db/unit.repository.js';
import type { UnitRow } from '../db/unit.table.js';
import { addDays } from '../domain/local-time.js';
import { resolveReportTarget, type ReportTarget } from './report-target.service.js';
import { type ReportRefusal } from '../domain/report-refusal.js';

const DRAFT_KIND = 'report_draft';
const DRAFT_TTL_MS = 6 * 3_600_000;

type FigureSet = Partial<Record<MetricCode, number>>;

interface Draft {
  unitId: number;
  /** The commune's code, to resolve the target again when the sender decides about held figures. */
  unitCode?: string;
  date: string;
  /** Valid figures kept from a refused message. */
  figures: FigureSet;
  /** A later message's figures, waiting for the sender to say whether to record them with the held ones. */
  incoming?: FigureSet;
  /** Numbers each question about held figures, so a button of an older question cannot answer a newer one. */
  asked?: number;
}

/** What to do with figures held from a refused message when a new message comes. */
export type HeldFigures = 'ask' | 'merge' | 'ignore';

/** The outcome of a report message: data the chat turns into words. */
export type ReportOutcome =
  | { readonly kind: 'empty' }
  | { readonly kind: 'refused'; readonly refusal: ReportRefusal }
  | {
      /** Figures are held from a refused message: shown first, recorded only once the sender says so. */
      readonly kind: 'held';
      readonly target: ReportTarget;
      readonly held: FigureSet;
      readonly incoming: FigureSet;
      readonly asked: number;
    }
  | {
      readonly kind: 'invalid';
      readonly problems: ParseProblem[];
      readonly kept: Partial<Record<MetricCode, number>>;
    }
  | { readonly kind: 'rejected'; readonly target: ReportTarget; readonly check: ReportCheck }
  | {
      readonly kind: 'needs_confirmation';
      readonly target: ReportTarget;
      readonly check: ReportCheck;
      readonly revisionId: number;
    }
  | {
      readonly kind: 'accepted';
      readonly target: ReportTarget;
      readonly check: ReportCheck | null;
      readonly figures: Figures;
      readonly dayBefore: Figures;
      readonly revisionId: number;
    };

function figuresOf(
  row: { books: number; scanned: number; entered: number; attached: number } | undefined,
): Figures | null {
  return row
    ? { books: row.books, scanned: row.scanned, entered: row.entered, attached: row.attached }
    : null;
}

async function accept(
  db: Db,
  revision: ReportRevisionRow,
  target: ReportTarget,
  check: ReportCheck | null,
  now: Date,
) {
  await upsertDailyReport(db, revision, now);
  await discardPendingRevisions(db, revision.unit_id, revision.report_date, now, revision.id);
  const dayBefore =
    figuresOf(await findLatestReport(db, revision.unit_id, addDays(revision.report_date, -1))) ??
    ZERO_FIGURES;
  return {
    kind: 'accepted',
    target,
    check,
    figures: figuresOf(revision) ?? ZERO_FIGURES,
    dayBefore,
    revisionId: revision.id,
  } as const;
}

/**
 * Takes a `/baocao` message: parses it, merges it with what the sender kept from an unfinished attempt,
 * applies the rules, and stores it — at once when valid, as a pending revision when it needs a
 * confirmation. Nothing valid is lost: invalid or inconsistent figures leave a draft to complete.
 */
export async function submitReport(
  db: Db,
  input: ReportInput & { text: string },
  clock: Clock,
): Promise<ReportOutcome> {
  return submitParsedReport(
    db,
    { ...input, parsed: parseReportText(input.text, input.campaign.settings.metrics) },
    clock,
  );
}

/** Who reports, from which chat, for which stored update. */
export interface ReportInput {
  readonly campaign: Campaign;
  readonly who: { member: MemberRow; unit: UnitRow };
  readonly conversation: ConversationKey;
  readonly inboxId: number | null;
}

/** Same as submitReport, for figures already parsed (the step-by-step questions build them). */
export async function submitParsedReport(
  db: Db,
  input: ReportInput & { parsed: ParsedReport; held?: HeldFigures },
  clock: Clock,
): Promise<ReportOutcome> {
  return inTransaction(db, async (trx): Promise<ReportOutcome> => {
    const now = clock.now();
    const { campaign, who, conversation, parsed } = input;
    if (parsed.empty) return { kind: 'empty' };
    const resolved = await resolveReportTarget(trx, campaign, who, parsed, now);
    if (!resolved.ok) return { kind: 'refused', refusal: resolved.refusal };
    const { target } = resolved;

    const found = await findConversation<Draft>(trx, conversation, DRAFT_KIND, now);
    const draft = found && found.unitId === target.unit.id && found.date === target.date ? found : undefined;
    const held = input.held ?? 'ask';
    // Held figures matter only when the new message leaves one of them out (it would be reused).
    const hasHeld =
      draft !== undefined && Object.keys(draft.figures).some((metric) => !(metric in parsed.figures));
    const saveDraft = (state: Omit<Draft, 'unitId' | 'unitCode' | 'date'>) =>
      saveConversation(
        trx,
        conversation,
        DRAFT_KIND,
        { unitId: target.unit.id, unitCode: target.unit.code, date: target.date, ...state },
        now,
        DRAFT_TTL_MS,
      );
    // Held figures are never reused silently: a clean message that would add to them asks first.
    if (hasHeld && held === 'ask' && parsed.problems.length === 0) {
      const asked = (draft.asked ?? 0) + 1;
      await saveDraft({ figures: draft.figures, incoming: parsed.figures, asked });
      return { kind: 'held', target, held: draft.figures, incoming: parsed.figures, asked };
    }
    const base = draft && held !== 'ignore' ? draft.figures : {};
    const figures = { ...base, ...parsed.figures };
    if (parsed.problems.length > 0) {
      // The refusal lists every figure kept, so merging into what was held is not silent.
      await saveDraft({ figures });
      return { kind: 'invalid', problems: parsed.problems, kept: figures };
    }

    const previous = figuresOf(await findLatestReport(trx, target.unit.id, target.date));
    const check = checkReport({ figures, previous, target: await findUnitTarget(trx, target.unit.id) });
    if (check.status === 'rejected') {
      await saveDraft({ figures });
      return { kind: 'rejected', target, check };
    }
    await deleteConversation(trx, conversation, DRAFT_KIND);
    const revision = await insertRevision(trx, {
      unit_id: target.unit.id,
      report_date: target.date,
      member_id: who.member.id,
      source_inbox_id: input.inboxId,
      status: check.status === 'ok' ? 'accepted' : 'pending',
      late: target.late,
      // Codes and figures, not sentences: the wording may change, and every channel words them itself.
      warnings: check.warnings,
      submitted_at: now,
      ...check.final,
    });
    if (check.status === 'needs_confirmation') {
      await discardPendingRevisions(trx, target.unit.id, target.date, now, revision.id);
      return { kind: 'needs_confirmation', target, check, revisionId: revision.id };
    }
    return accept(trx, revision, target, check, now);
  });
}

/** What the sender decided about held figures: record them with the new ones, only the new, or neither. */
export type HeldChoice = 'together' | 'incoming' | 'drop';

/** The outcome of a decision about held figures. */
export type HeldDecisionOutcome =
  | ReportOutcome
  | { readonly kind: 'dropped'; readonly held: FigureSet; readonly incoming: FigureSet }
  | { readonly kind: 'no_held' };

/**
 * Carries out the sender's answer to a `held` outcome. `asked` names the question answered (undefined for
 * a typed «hủy», which answers the latest); an older question's button finds nothing to decide.
 */
export async function decideHeldReport(
  db: Db,
  input: ReportInput & { choice: HeldChoice; asked?: number },
  clock: Clock,
): Promise<HeldDecisionOutcome> {
  return inTransaction(db, async (trx): Promise<HeldDecisionOutcome> => {
    const draft = await findConversation<Draft>(trx, input.conversation, DRAFT_KIND, clock.now());
    const incoming = draft?.incoming;
    if (!draft || !incoming || (input.asked !== undefined && draft.asked !== input.asked)) {
      return { kind: 'no_held' };
    }
    if (input.choice === 'drop') {
      await deleteConversation(trx, input.conversation, DRAFT_KIND);
      return { kind: 'dropped', held: draft.figures, incoming };
    }
    const [year, month, day] = draft.date.split('-').map(Number);
    const parsed: ParsedReport = {
      figures: incoming,
      problems: [],
      empty: false,
      date: { day: day ?? 0, month: month ?? 0, year: year ?? 0 },
      ...(draft.unitCode === undefined ? {} : { unitCode: draft.unitCode }),
    };
    const held = input.choice === 'together' ? 'merge' : 'ignore';
    return submitParsedReport(trx, { ...input, parsed, held }, clock);
  });
}

/** True when the sender has a question about held figures open (a typed «hủy» then answers it). */
export async function hasHeldQuestion(db: Db, conversation: ConversationKey, clock: Clock): Promise<boolean> {
  const draft = await findConversation<Draft>(db, conversation, DRAFT_KIND, clock.now());
  return draft?.incoming !== undefined;
}

/** The outcome of pressing "confirm" or "cancel" on a held report. */
export type DecisionOutcome =
  | { readonly kind: 'accepted'; readonly outcome: Extract<ReportOutcome, { kind: 'accepted' }> }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'stale' }
  | { readonly kind: 'not_allowed' };

/** Confirms or cancels a pending revision; only its author (or a coordinator of its unit) may decide. */
export async function decideReport(
  db: Db,
  input: {
    campaign: Campaign;
    who: { member: MemberRow; unit: UnitRow };
    revisionId: number;
    confirm: boolean;
  },
  clock: Clock,
): Promise<DecisionOutcome> {
  return inTransaction(db, async (trx): Promise<DecisionOutcome> => {
    const now = clock.now();
    const revision = await findRevisionForUpdate(trx, input.revisionId);
    if (!revision || revision.status !== 'pending') return { kind: 'stale' };
    const unit = await findUnitById(trx, revision.unit_id);
    if (!unit || unit.campaign_id !== input.campaign.id) return { kind: 'stale' };
    if (revision.member_id !== input.who.member.id || !input.who.member.active)
      return { kind: 'not_allowed' };
    if (!input.confirm) {
      await decideRevision(trx, revision.id, 'discarded', now);
      return { kind: 'cancelled' };
    }
    await decideRevision(trx, revision.id, 'accepted', now);
    const accepted = await accept(
      trx,
      revision,
      { unit, date: revision.report_date, late: revision.late },
      null,
      now,
    );
    return { kind: 'accepted', outcome: accepted };
  });
}
