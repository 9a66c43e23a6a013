import type { CampaignDefinition } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import { addDays, localDate } from '../domain/local-time.js';
import {
  planReorganisation,
  type ReorgProblem,
  type ReorgSummary,
  type ReorgWording,
  type UnitLabel,
  type UnitMappingLine,
} from '../domain/unit-mapping.js';
import { findCampaignByCode } from '../db/campaign.repository.js';
import type { Db } from '../db/database.js';
import { listOpenUnitUsage, listReportsFrom, listSuccessionsOn } from '../db/reorg.repository.js';
import { loadCampaign, type CampaignLoadResult } from './campaign-load.service.js';
import { applyReorganisation } from './campaign-reorg-apply.service.js';

/** Why a reorganisation was not applied (nothing was written). */
export type ReorgRefusal =
  | { readonly kind: 'no_campaign'; readonly code: string }
  | { readonly kind: 'not_after_start'; readonly from: string; readonly start: string }
  | { readonly kind: 'after_end'; readonly from: string; readonly end: string }
  | { readonly kind: 'in_future'; readonly from: string; readonly today: string }
  | {
      readonly kind: 'reports_from_change';
      readonly from: string;
      readonly units: readonly (UnitLabel & { readonly last: string })[];
    }
  | { readonly kind: 'other_mapping'; readonly from: string }
  | { readonly kind: 'problems'; readonly problems: readonly ReorgProblem[] };

/** What `sohoa campaign load <folder> --mapping <file> --from <date>` did. */
export type ReorgOutcome =
  | { readonly kind: 'applied'; readonly summary: ReorgSummary; readonly load: CampaignLoadResult }
  /** The same mapping was applied before: the folder was loaded as usual (changes nothing when unchanged). */
  | { readonly kind: 'already_applied'; readonly from: string; readonly load: CampaignLoadResult }
  | { readonly kind: 'refused'; readonly refusal: ReorgRefusal };

const sameLinks = (
  stored: readonly { old_code: string; new_code: string; share: number }[],
  lines: readonly UnitMappingLine[],
) => {
  const key = (o: string, n: string, s: number) => `${o}>${n}>${s.toFixed(6)}`;
  const a = new Set(stored.map((s) => key(s.old_code, s.new_code, s.share)));
  const b = new Set(lines.map((l) => key(l.oldCode, l.newCode, l.share ?? 1)));
  return a.size === b.size && [...a].every((k) => b.has(k));
};

/**
 * Carries a running campaign across a reorganisation of its units, in one transaction: the new folder's
 * units count from `from`, the units they replace until the day before; stored reports stay as they were;
 * each new unit starts from the sum of its old units' last figures (split by share); members and groups
 * of a retired unit move to its successor and are told; its invites are revoked; all of it is audited.
 * Loading the same folder and mapping again changes nothing.
 */
export async function reorganizeCampaign(
  db: Db,
  folder: CampaignDefinition,
  lines: readonly UnitMappingLine[],
  from: string,
  clock: Clock,
  wording: ReorgWording,
  actor = 'cli',
): Promise<ReorgOutcome> {
  const { campaign: file } = folder;
  const refused = (refusal: ReorgRefusal): ReorgOutcome => ({ kind: 'refused', refusal });
  const campaign = await findCampaignByCode(db, file.code);
  if (!campaign) return refused({ kind: 'no_campaign', code: file.code });

  const stored = await listSuccessionsOn(db, campaign.id, from);
  if (stored.length > 0) {
    if (!sameLinks(stored, lines)) return refused({ kind: 'other_mapping', from });
    return { kind: 'already_applied', from, load: await loadCampaign(db, folder, clock, actor) };
  }

  const today = localDate(clock.now(), file.timeZone);
  if (from <= campaign.start_date)
    return refused({ kind: 'not_after_start', from, start: campaign.start_date });
  if (from > file.endDate) return refused({ kind: 'after_end', from, end: file.endDate });
  if (from > today) return refused({ kind: 'in_future', from, today });

  return db.transaction().execute(async (trx) => {
    const open = await listOpenUnitUsage(trx, campaign.id);
    const decided = planReorganisation(
      open.map((u) => ({ ...u, activeMembers: u.active_members })),
      folder.units,
      lines,
    );
    if (decided.kind === 'refused') return refused({ kind: 'problems', problems: decided.problems });
    const { plan } = decided;
    // History is never rewritten: an old unit that already reported on the change date cannot retire then.
    const late = await listReportsFrom(
      trx,
      plan.retired.map((u) => u.id),
      from,
    );
    if (late.length > 0) {
      const byId = new Map(plan.retired.map((u) => [u.id, u]));
      const units = late.map((r) => ({
        code: byId.get(r.unit_id)?.code ?? '',
        name: byId.get(r.unit_id)?.name ?? '',
        last: r.last,
      }));
      return refused({ kind: 'reports_from_change', from, units });
    }
    const applied = await applyReorganisation(trx, {
      campaignId: campaign.id,
      folder,
      plan,
      from,
      lastDay: addDays(from, -1),
      now: clock.now(),
      actor,
      wording,
    });
    return { kind: 'applied', ...applied };
  });
}
