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

interface Draft {
  unitId: number;
  date: string;
  figures: Partial<Record<MetricCode, number>>;
}

/** The outcome of a report message: data the chat turns into words. */
export type ReportOutcome =
  | { readonly kind: 'empty' }
  | { readonly kind: 'refused'; readonly refusal: ReportRefusal }
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
  input: ReportInput & { parsed: ParsedReport },
  clock: Clock,
): Promise<ReportOutcome> {
  return inTransaction(db, async (trx): Promise<ReportOutcome> => {
    const now = clock.now();
    const { campaign, who, conversation, parsed } = input;
    if (parsed.empty) return { kind: 'empty' };
    const resolved = await resolveReportTarget(trx, campaign, who, parsed, now);
    if (!resolved.ok) return { kind: 'refused', refusal: resolved.refusal };
    const { target } = resolved;

    const draft = await findConversation<Draft>(trx, conversation, DRAFT_KIND, now);
    const base = draft && draft.unitId === target.unit.id && draft.date === target.date ? draft.figures : {};
    const figures = { ...base, ...parsed.figures };
    const saveDraft = () =>
      saveConversation(
        trx,
        conversation,
        DRAFT_KIND,
        { unitId: target.unit.id, date: target.date, figures },
        now,
        DRAFT_TTL_MS,
      );
    if (parsed.problems.length > 0) {
      await saveDraft();
      return { kind: 'invalid', problems: parsed.problems, kept: figures };
    }

    const previous = figuresOf(await findLatestReport(trx, target.unit.id, target.date));
    const check = checkReport({ figures, previous, target: await findUnitTarget(trx, target.unit.id) });
    if (check.status === 'rejected') {
      await saveDraft();
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
