import type { BroadcastAudience, BroadcastRefusal } from '../domain/broadcast-refusal.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import { localDate } from '../domain/local-time.js';
import { isBehindPlan } from '../domain/pace.js';
import type { SigningOffice } from '../domain/reminder-notice.js';
import {
  decideBroadcast,
  findBroadcast,
  findBroadcastForUpdate,
  insertBroadcast,
} from '../db/broadcast.repository.js';
import type { Db } from '../db/database.js';
import type { MemberRow } from '../db/member.table.js';
import { countOutboxByKeyPrefix, enqueueOutbox } from '../db/outbox.repository.js';
import type { BroadcastRecipient, BroadcastRow } from '../db/broadcast.table.js';
import { inTransaction } from '../db/transaction.js';
import { findUnitById } from '../db/unit.repository.js';
import type { UnitRow } from '../db/unit.table.js';
import { parseBroadcastRequest, type BroadcastWho } from './broadcast-target.service.js';
import { getScopeProgress } from './progress.service.js';
import { activeMembersByUnit } from './reminder-recipients.service.js';

/**
 * Words a confirmed broadcast for its recipients (the messages layer's `remindMessages.broadcast`), signed
 * by the sender's office. It is passed in because the outbox rows must be written in the decision's own
 * transaction.
 */
export type BroadcastWording = (office: SigningOffice, text: string) => string;

/** The office a coordinator writes on behalf of: their unit (a province's Sở, a district's Phòng Tư pháp). */
function officeOf(unit: UnitRow): SigningOffice {
  return { level: unit.level, unitName: unit.name };
}

/** How long a broadcast waits for its confirmation. */
export const BROADCAST_CONFIRM_MINUTES = 30;

/** Who asks, from which chat. */
export interface BroadcastCaller {
  readonly campaign: Campaign;
  readonly who: { readonly member: MemberRow; readonly unit: UnitRow };
  readonly chat: { readonly platform: string; readonly chatId: string };
}

/** The answer to `/nhacnho …`: a refusal, nobody to reach, or a stored preview waiting for confirmation. */
export type PrepareOutcome =
  | { readonly kind: 'refused'; readonly refusal: BroadcastRefusal }
  | { readonly kind: 'nobody'; readonly audience: BroadcastAudience }
  | {
      readonly kind: 'preview';
      readonly broadcastId: number;
      readonly audience: BroadcastAudience;
      readonly recipients: number;
      readonly units: number;
      readonly text: string;
      /** Whose name the reminder goes out under. */
      readonly office: SigningOffice;
    };

/** The answer to a confirm or cancel button. */
export type DecideOutcome =
  | {
      readonly kind: 'queued';
      readonly broadcastId: number;
      readonly audience: BroadcastAudience;
      readonly recipients: number;
    }
  | { readonly kind: 'cancelled' | 'stale' | 'not_yours' }
  | { readonly kind: 'expired'; readonly minutes: number };

/** The answer to the "results" button. */
export type ResultOutcome =
  | {
      readonly kind: 'result';
      readonly total: number;
      readonly sent: number;
      readonly failed: number;
      readonly pending: number;
    }
  | { readonly kind: 'stale' | 'not_yours' };

const dedupePrefix = (broadcastId: number) => `broadcast:${broadcastId}:`;

/** The communes (ids) a `who` reaches within the caller's scope, today. */
async function targetCommunes(
  db: Db,
  campaign: Campaign,
  scope: UnitRow,
  who: BroadcastWho,
  scopeUnits: readonly UnitRow[],
  today: string,
  now: Date,
): Promise<number[]> {
  if (who.kind === 'unit') {
    const under = (u: UnitRow) => u.id === who.unit.id || u.parent_id === who.unit.id;
    const ids = new Set(scopeUnits.filter(under).map((u) => u.id));
    return scopeUnits
      .filter((u) => u.level === 'commune' && (ids.has(u.id) || ids.has(u.parent_id ?? -1)))
      .map((u) => u.id);
  }
  if (who.kind === 'tatca') return scopeUnits.filter((u) => u.level === 'commune').map((u) => u.id);
  const progress = await getScopeProgress(db, campaign, scope.id, today, now);
  if (who.kind === 'chuabaocao')
    return progress.standings.filter((s) => s.timing === 'missing').map((s) => s.unitId);
  // The domain's one pace (before the cut-off a silent commune faces yesterday's plan), as every output.
  return progress.standings.filter((s) => isBehindPlan(s.pace)).map((s) => s.unitId);
}

function audienceOf(who: BroadcastWho, scope: UnitRow): BroadcastAudience {
  return who.kind === 'unit'
    ? { kind: 'unit', unitName: who.unit.name }
    : { kind: who.kind, scopeName: scope.name };
}

/**
 * `/nhacnho <who> <text>` from a coordinator: works out whom it reaches (active reporters of the communes
 * named, in the caller's scope) and stores it pending confirmation — in the database, so that the button
 * press can reach any instance after any restart.
 */
export async function prepareBroadcast(
  db: Db,
  caller: BroadcastCaller,
  args: string,
  clock: Clock,
): Promise<PrepareOutcome> {
  const { campaign, who, chat } = caller;
  if (!who.member.active || who.member.role !== 'coordinator') {
    return { kind: 'refused', refusal: { code: 'not_coordinator' } };
  }
  const request = await parseBroadcastRequest(db, campaign, who.unit, args);
  if (!request.ok) return { kind: 'refused', refusal: request.refusal };
  const now = clock.now();
  const today = localDate(now, campaign.settings.timeZone);
  const communes = new Set(
    await targetCommunes(db, campaign, who.unit, request.who, request.scopeUnits, today, now),
  );
  const reporters = await activeMembersByUnit(db, campaign.id, 'reporter');
  const recipients: BroadcastRecipient[] = [...communes].flatMap((unitId) =>
    (reporters.get(unitId) ?? []).map((m) => ({ platform: m.platform, chatId: m.platform_user_id, unitId })),
  );
  const audience = audienceOf(request.who, who.unit);
  if (recipients.length === 0) return { kind: 'nobody', audience };
  const broadcastId = await inTransaction(db, (trx) =>
    insertBroadcast(trx, {
      campaign_id: campaign.id,
      member_id: who.member.id,
      platform: chat.platform,
      chat_id: chat.chatId,
      audience: request.who.kind,
      audience_unit_id: request.who.kind === 'unit' ? request.who.unit.id : null,
      text: request.text,
      recipients,
      created_at: now,
      expires_at: new Date(now.getTime() + BROADCAST_CONFIRM_MINUTES * 60_000),
    }),
  );
  const units = new Set(recipients.map((r) => r.unitId)).size;
  return {
    kind: 'preview',
    broadcastId,
    audience,
    recipients: recipients.length,
    units,
    text: request.text,
    office: officeOf(who.unit),
  };
}

async function audienceOfRow(db: Db, row: BroadcastRow, scope: UnitRow): Promise<BroadcastAudience> {
  if (row.audience !== 'unit') return { kind: row.audience, scopeName: scope.name };
  const unit = row.audience_unit_id === null ? undefined : await findUnitById(db, row.audience_unit_id);
  return { kind: 'unit', unitName: unit?.name ?? '' };
}

/**
 * The coordinator's answer to the preview. Confirming enqueues one message per recipient (dedupe key per
 * broadcast and recipient) in the same transaction as the decision, under the row's lock: a second
 * press waits for the first, finds it decided, and enqueues nothing.
 */
export async function decideBroadcastRequest(
  db: Db,
  caller: Omit<BroadcastCaller, 'chat'>,
  broadcastId: number,
  confirm: boolean,
  clock: Clock,
  wording: BroadcastWording,
): Promise<DecideOutcome> {
  const { campaign, who } = caller;
  return inTransaction(db, async (trx) => {
    const row = await findBroadcastForUpdate(trx, broadcastId);
    if (!row || row.campaign_id !== campaign.id) return { kind: 'stale' };
    if (row.member_id !== who.member.id) return { kind: 'not_yours' };
    // A second press (a double tap, another copy of the buttons) shows the decision already taken.
    const queued = async (): Promise<DecideOutcome> => ({
      kind: 'queued',
      broadcastId: row.id,
      audience: await audienceOfRow(trx, row, who.unit),
      recipients: row.recipients.length,
    });
    if (row.status === 'confirmed') return queued();
    if (row.status === 'cancelled') return { kind: 'cancelled' };
    const now = clock.now();
    if (!confirm) {
      await decideBroadcast(trx, row.id, 'cancelled', now);
      return { kind: 'cancelled' };
    }
    if (row.expires_at.getTime() <= now.getTime()) {
      await decideBroadcast(trx, row.id, 'cancelled', now);
      return { kind: 'expired', minutes: BROADCAST_CONFIRM_MINUTES };
    }
    await decideBroadcast(trx, row.id, 'confirmed', now);
    const text = wording(officeOf(who.unit), row.text);
    await enqueueOutbox(
      trx,
      row.recipients.map((r) => ({
        dedupeKey: `${dedupePrefix(row.id)}${r.platform}:${r.chatId}`,
        platform: r.platform,
        chatId: r.chatId,
        kind: 'text' as const,
        payload: { text },
      })),
      now,
    );
    return queued();
  });
}

/** Delivered / failed / waiting counts of a confirmed broadcast, for the coordinator who sent it. */
export async function broadcastResult(
  db: Db,
  caller: Omit<BroadcastCaller, 'chat'>,
  broadcastId: number,
): Promise<ResultOutcome> {
  const row = await findBroadcast(db, broadcastId);
  if (!row || row.campaign_id !== caller.campaign.id || row.status !== 'confirmed') return { kind: 'stale' };
  if (row.member_id !== caller.who.member.id) return { kind: 'not_yours' };
  const counts = await countOutboxByKeyPrefix(db, dedupePrefix(row.id));
  return { kind: 'result', total: row.recipients.length, ...counts };
}
