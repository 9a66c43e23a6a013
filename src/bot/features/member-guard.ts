import type { MemberRow } from '../../db/member.table.js';
import type { Role } from '../../domain/role.js';
import type { UnitRow } from '../../db/unit.table.js';
import { botMessages } from '../../messages/common-messages.js';
import type { ChatContext } from '../chat-context.js';

/**
 * The sender's active membership with one of `roles`, or undefined after telling them why not.
 * Services check scope again; this only gives the person a useful answer early.
 */
export async function requireMember(
  ctx: ChatContext,
  roles: readonly Role[],
): Promise<{ member: MemberRow; unit: UnitRow } | undefined> {
  const { member, unit } = ctx.sohoa;
  if (!member || !unit) {
    await ctx.sohoa.reply(botMessages.joinHowTo);
    return undefined;
  }
  if (!member.active) {
    await ctx.sohoa.reply(botMessages.inactive);
    return undefined;
  }
  if (!roles.includes(member.role)) {
    await ctx.sohoa.reply(botMessages.notAllowed);
    return undefined;
  }
  return { member, unit };
}
