import type { Campaign } from '../domain/campaign.js';
import { COMMUNE_LEVEL } from '../domain/unit.js';
import type { Db } from '../db/database.js';
import { findUploadMember } from '../db/upload-batch.repository.js';
import type { SampleSender } from './sample-file.service.js';

/** Who may use the upload page, and whether their files count for a commune. */
export type UploadAccess =
  | {
      readonly kind: 'allowed';
      readonly campaign: Campaign;
      readonly sender: SampleSender;
      /** True for a commune's reporter: samples are recorded for the commune, as in the chat. */
      readonly counts: boolean;
    }
  | { readonly kind: 'refused'; readonly reason: UploadRefusal };

/** Why the upload page refuses a signed-in person. */
export type UploadRefusal = 'not_member' | 'inactive' | 'role';

/**
 * Checks, from the database on every request, that the session's member may upload: an active reporter
 * of a commune (their files count for it), or an active coordinator (files are checked only, as when a
 * coordinator sends one in the chat). Leaders have no files to send: refused.
 */
export async function findUploadAccess(
  db: Db,
  campaign: Campaign | undefined,
  session: { readonly campaignId: number; readonly memberId: number },
): Promise<UploadAccess> {
  if (!campaign || campaign.id !== session.campaignId) return { kind: 'refused', reason: 'not_member' };
  const found = await findUploadMember(db, campaign.id, session.memberId);
  if (!found) return { kind: 'refused', reason: 'not_member' };
  const { member, unit } = found;
  if (!member.active) return { kind: 'refused', reason: 'inactive' };
  if (member.role === 'reporter' && unit.level === COMMUNE_LEVEL) {
    return { kind: 'allowed', campaign, sender: found, counts: true };
  }
  if (member.role === 'coordinator') return { kind: 'allowed', campaign, sender: found, counts: false };
  return { kind: 'refused', reason: 'role' };
}
