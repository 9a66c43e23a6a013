import { campaignFileSchema } from '../config/campaign-schema.js';
import type { Clock } from '../domain/clock.js';
import { NotFoundError } from '../domain/errors.js';
import { generateInviteCode, hashInviteCode, looksLikeInviteCode } from '../domain/invite-code.js';
import type { RedeemFailure } from '../domain/invite-refusal.js';
import { insertAudit } from '../db/audit.repository.js';
import { inviteHashTaken } from '../db/campaign-route.repository.js';
import { findCampaignById } from '../db/campaign.repository.js';
import type { Db } from '../db/database.js';
import {
  countFailedAttemptsSince,
  decrementInviteUses,
  findInviteForUpdate,
  insertInvite,
  insertInviteAttempt,
} from '../db/invite.repository.js';
import { listProvinceCoordinators, upsertMember } from '../db/member.repository.js';
import type { InviteRow } from '../db/invite.table.js';
import type { MemberRow } from '../db/member.table.js';
import type { Role } from '../domain/role.js';
import { upsertGroupChat } from '../db/group-chat.repository.js';
import { inTransaction } from '../db/transaction.js';
import { findUnitByCode, findUnitById } from '../db/unit.repository.js';
import type { UnitRow } from '../db/unit.table.js';

/** How many wrong codes a user may try within THROTTLE_WINDOW_MS before being told to wait. */
export const MAX_FAILED_ATTEMPTS = 5;
/** The window over which failed attempts are counted. */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A created invite: the plain code is shown once and never stored. */
export interface CreatedInvite {
  readonly code: string;
  readonly unit: UnitRow;
  readonly role: Role;
  readonly uses: number;
  readonly expiresAt: Date;
}

/** Creates an invite for a unit and role. */
export async function createInvite(
  db: Db,
  input: {
    campaignId: number;
    unitCode: string;
    role: Role;
    uses: number;
    validDays: number;
    createdBy: string;
  },
  clock: Clock,
): Promise<CreatedInvite> {
  return inTransaction(db, async (trx) => {
    const unit = await findUnitByCode(trx, input.campaignId, input.unitCode);
    if (!unit)
      throw new NotFoundError(
        `Không có đơn vị mã ${input.unitCode} trong chiến dịch.`,
        'unit',
        input.unitCode,
      );
    const now = clock.now();
    const { code, expiresAt, row } = await drawInvite(trx, input, now);
    await insertInvite(trx, { ...row, campaign_id: input.campaignId, unit_id: unit.id, role: input.role });
    await insertAudit(trx, {
      at: now,
      actor: input.createdBy,
      action: 'invite.create',
      campaignId: input.campaignId,
      details: { unit: unit.code, role: input.role, uses: input.uses, expiresAt },
    });
    return { code, unit, role: input.role, uses: input.uses, expiresAt };
  });
}

/** How many fresh codes are drawn before giving up on one no invite of any campaign has. */
const CODE_DRAWS = 8;

/**
 * A new code whose hash no invite has, in any campaign or nationally: with several campaigns in one
 * deployment a code alone must name its campaign, so a clash (31^10 codes make it rare) draws again.
 */
export async function uniqueInviteCode(db: Db, generate: () => string): Promise<string> {
  for (let draw = 0; draw < CODE_DRAWS; draw++) {
    const code = generate();
    if (!(await inviteHashTaken(db, hashInviteCode(code)))) return code;
  }
  throw new Error(`no free invite code after ${CODE_DRAWS} draws`);
}

/** What every invite row, of a campaign or national, stores of a new code. */
export interface DrawnInviteRow {
  readonly code_hash: string;
  readonly uses_left: number;
  readonly expires_at: Date;
  readonly created_by: string;
  readonly created_at: Date;
}

/** Draws a new invite code (see uniqueInviteCode) and the row that stores its hash, not the code. */
export async function drawInvite(
  trx: Db,
  input: { readonly uses: number; readonly validDays: number; readonly createdBy: string },
  now: Date,
): Promise<{ code: string; expiresAt: Date; row: DrawnInviteRow }> {
  const code = await uniqueInviteCode(trx, generateInviteCode);
  const expiresAt = new Date(now.getTime() + input.validDays * DAY_MS);
  const row = {
    code_hash: hashInviteCode(code),
    uses_left: input.uses,
    expires_at: expiresAt,
    created_by: input.createdBy,
    created_at: now,
  };
  return { code, expiresAt, row };
}

/** Why a found invite (of a campaign or national) can no longer be used, or null when it can. */
export function spentInviteReason(
  invite: { readonly revoked_at: Date | null; readonly expires_at: Date; readonly uses_left: number },
  now: Date,
): 'revoked' | 'expired' | 'used_up' | null {
  return invite.revoked_at
    ? 'revoked'
    : invite.expires_at <= now
      ? 'expired'
      : invite.uses_left <= 0
        ? 'used_up'
        : null;
}

/** One typed code (an invite, a national invite, a link code) that counts against its typist's throttle. */
export interface CodeAttempt {
  /** Records the attempt: a failed one counts towards the throttle (and the campaign's budget). */
  record(succeeded: boolean): Promise<void>;
}

/**
 * Starts an attempt at a typed code, or 'throttled' when its typist already got MAX_FAILED_ATTEMPTS codes
 * wrong within THROTTLE_WINDOW_MS — every kind of code counts against the same per-person throttle.
 */
export async function startCodeAttempt(
  trx: Db,
  who: { readonly campaignId: number | null; readonly platform: string; readonly platformUserId: string },
  now: Date,
): Promise<CodeAttempt | 'throttled'> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const failures = await countFailedAttemptsSince(
    trx,
    { platform: who.platform, platformUserId: who.platformUserId },
    since,
  );
  if (failures >= MAX_FAILED_ATTEMPTS) return 'throttled';
  const attempt = {
    campaign_id: who.campaignId,
    platform: who.platform,
    platform_user_id: who.platformUserId,
    attempted_at: now,
  };
  return { record: (succeeded) => insertInviteAttempt(trx, { ...attempt, succeeded }) };
}

/** The outcome of redeeming a code: data, because a wrong code is an everyday event, not a fault. */
export type RedeemResult =
  | { readonly ok: true; readonly member: MemberRow; readonly unit: UnitRow }
  | {
      readonly ok: false;
      readonly reason: RedeemFailure;
      /** Set when the campaign's guessing budget is spent: the caller tells these coordinators. */
      readonly alert?: InviteGuessingAlert;
    };

/** The province's coordinators to tell, once an hour, that invite codes are being guessed. */
export interface InviteGuessingAlert {
  readonly failures: number;
  readonly hourStart: Date;
  readonly recipients: readonly { readonly platform: string; readonly chatId: string }[];
  /** One alert per recipient per hour: the dedupe key's stem, to which the recipient's chat is added. */
  readonly dedupeKey: string;
}

type ConsumeResult =
  | { readonly ok: true; readonly invite: InviteRow }
  | { readonly ok: false; readonly reason: RedeemFailure; readonly alert?: InviteGuessingAlert };

/**
 * The campaign-wide guessing budget: many accounts with a few guesses each get past the per-account
 * throttle, so wrong codes are also counted per campaign per clock hour (the local hour: Vietnam's offset
 * is whole hours). Past the budget every code is refused, for everyone, until the hour ends — a right
 * code too, or the guessers could go on finding them — and the province's coordinators are told once.
 */
async function guessingBudget(
  trx: Db,
  campaignId: number,
  now: Date,
): Promise<{ spent: false } | { spent: true; alert: InviteGuessingAlert }> {
  const row = await findCampaignById(trx, campaignId);
  if (!row) return { spent: false };
  const settings = campaignFileSchema.parse(row.settings);
  const hourStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const failures = await countFailedAttemptsSince(trx, { campaignId }, hourStart);
  if (failures < settings.inviteGuessesPerHour) return { spent: false };
  const coordinators = await listProvinceCoordinators(trx, campaignId);
  return {
    spent: true,
    alert: {
      failures,
      hourStart,
      recipients: coordinators.map((c) => ({ platform: c.platform, chatId: c.platform_user_id })),
      // The hour in the key: later refusals in the same hour enqueue nothing new.
      dedupeKey: `invite-guessing:${campaignId}:${hourStart.toISOString()}`,
    },
  };
}

/**
 * Checks a typed code and uses one use of it, inside the caller's transaction. Every attempt is recorded,
 * so that guesses are throttled per user and per campaign.
 */
async function consumeInvite(
  trx: Db,
  input: { campaignId: number; platform: string; platformUserId: string; code: string },
  now: Date,
): Promise<ConsumeResult> {
  const budget = await guessingBudget(trx, input.campaignId, now);
  if (budget.spent) return { ok: false, reason: 'campaign_throttled', alert: budget.alert };
  const attempt = await startCodeAttempt(trx, input, now);
  if (attempt === 'throttled') return { ok: false, reason: 'throttled' };
  const invite = looksLikeInviteCode(input.code)
    ? await findInviteForUpdate(trx, hashInviteCode(input.code))
    : undefined;
  const reason: RedeemFailure | null = !invite
    ? 'unknown'
    : invite.campaign_id !== input.campaignId
      ? 'other_campaign'
      : spentInviteReason(invite, now);
  if (reason !== null || !invite) {
    await attempt.record(false);
    // The failure that spends the budget alerts the coordinators at once, not at the next attempt.
    const after = await guessingBudget(trx, input.campaignId, now);
    return { ok: false, reason: reason ?? 'unknown', ...(after.spent ? { alert: after.alert } : {}) };
  }
  await decrementInviteUses(trx, invite.id);
  await attempt.record(true);
  return { ok: true, invite };
}

/** Binds a platform user to the invite's unit and role, using one use of the code. */
export async function redeemInvite(
  db: Db,
  input: { campaignId: number; platform: string; platformUserId: string; displayName: string; code: string },
  clock: Clock,
): Promise<RedeemResult> {
  return inTransaction(db, async (trx): Promise<RedeemResult> => {
    const now = clock.now();
    const consumed = await consumeInvite(trx, input, now);
    if (!consumed.ok) return consumed;
    const { invite } = consumed;
    const member = await upsertMember(trx, {
      campaign_id: input.campaignId,
      platform: input.platform,
      platform_user_id: input.platformUserId,
      display_name: input.displayName,
      role: invite.role,
      unit_id: invite.unit_id,
      at: now,
    });
    const unit = await requireUnit(trx, invite.unit_id);
    await insertAudit(trx, {
      at: now,
      actor: `${input.platform}:${input.platformUserId}`,
      action: 'invite.redeem',
      campaignId: input.campaignId,
      details: { inviteId: invite.id, memberId: member.id, unit: unit.code, role: invite.role },
    });
    return { ok: true, member, unit };
  });
}

/** The outcome of registering a group chat with a code. */
export type RegisterGroupResult =
  | { readonly ok: true; readonly unit: UnitRow; readonly purpose: 'leadership' | 'coordination' }
  | {
      readonly ok: false;
      readonly reason: RedeemFailure | 'wrong_role';
      readonly alert?: InviteGuessingAlert;
    };

/**
 * Registers a group chat for a scope with a leader code (a leadership group that gets the evening
 * report) or a coordinator code (a coordination group). A reporter code is refused and not used up.
 */
export async function registerGroupWithInvite(
  db: Db,
  input: {
    campaignId: number;
    platform: string;
    chatId: string;
    title: string;
    platformUserId: string;
    code: string;
  },
  clock: Clock,
): Promise<RegisterGroupResult> {
  return inTransaction(db, async (trx): Promise<RegisterGroupResult> => {
    const now = clock.now();
    // Before the peek: a spent budget must not leave "this is a reporter code" as an answer to guesses.
    const budget = await guessingBudget(trx, input.campaignId, now);
    if (budget.spent) return { ok: false, reason: 'campaign_throttled', alert: budget.alert };
    const peek = looksLikeInviteCode(input.code)
      ? await findInviteForUpdate(trx, hashInviteCode(input.code))
      : undefined;
    if (peek?.role === 'reporter') return { ok: false, reason: 'wrong_role' };
    const consumed = await consumeInvite(trx, input, now);
    if (!consumed.ok) return consumed;
    const { invite } = consumed;
    const purpose = invite.role === 'leader' ? 'leadership' : 'coordination';
    await upsertGroupChat(trx, {
      campaign_id: input.campaignId,
      platform: input.platform,
      chat_id: input.chatId,
      title: input.title,
      purpose,
      scope_unit_id: invite.unit_id,
      registered_at: now,
    });
    const unit = await requireUnit(trx, invite.unit_id);
    await insertAudit(trx, {
      at: now,
      actor: `${input.platform}:${input.platformUserId}`,
      action: 'group.register',
      campaignId: input.campaignId,
      details: { chatId: input.chatId, title: input.title, purpose, unit: unit.code },
    });
    return { ok: true, unit, purpose };
  });
}

async function requireUnit(db: Db, unitId: number): Promise<UnitRow> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw new NotFoundError('Đơn vị của mã mời không còn tồn tại.', 'unit', String(unitId));
  return unit;
}
