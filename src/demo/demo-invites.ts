import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { createInvite } from '../services/invite.service.js';
import type { CommuneActor } from './commune-actor.js';
import type { CoordinatorActor } from './coordinator-actor.js';
import type { LeaderActor } from './leader-actor.js';
import type { ZaloLeaderActor } from './zalo-leader-actor.js';

/**
 * The operator's morning before the campaign: one invite per person, as `sohoa invite create` makes
 * them (one use each; two for a leader, who also registers the group). Codes reach people off-chat.
 */
export async function issueInvites(
  db: Db,
  campaign: Campaign,
  clock: Clock,
  actors: {
    communes: readonly CommuneActor[];
    coordinators: readonly CoordinatorActor[];
    leaders: readonly LeaderActor[];
    zaloLeaders: readonly ZaloLeaderActor[];
  },
): Promise<number> {
  const validDays = campaign.settings.inviteValidDays;
  const issue = async (unitCode: string, role: 'reporter' | 'coordinator' | 'leader', uses: number) =>
    (
      await createInvite(
        db,
        { campaignId: campaign.id, unitCode, role, uses, validDays, createdBy: 'demo' },
        clock,
      )
    ).code;
  for (const c of actors.coordinators) c.inviteCode = await issue(c.role.unitCode, 'coordinator', 1);
  for (const l of actors.leaders) l.inviteCode = await issue(l.role.unitCode, 'leader', 2);
  for (const l of actors.zaloLeaders) l.inviteCode = await issue(l.role.unitCode, 'leader', 1);
  for (const c of actors.communes) c.inviteCode = await issue(c.role.code, 'reporter', 1);
  return (
    actors.communes.length + actors.coordinators.length + actors.leaders.length + actors.zaloLeaders.length
  );
}
