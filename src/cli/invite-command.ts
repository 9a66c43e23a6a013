import type { Role } from '../domain/role.js';
import { getCampaign } from '../services/campaign.service.js';
import { createInvite } from '../services/invite.service.js';
import { createNationalInvite } from '../services/national.service.js';
import { cliMessages } from '../messages/cli-messages.js';
import { UsageError, parseArgs, stringOption } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withRuntime } from './cli-runtime.js';

const ROLES: readonly Role[] = ['reporter', 'coordinator', 'leader'];
const USAGE = cliMessages.inviteUsage;

/** `sohoa invite create`: prints a new invite code for a unit and role (shown once, stored hashed). */
export async function inviteCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseArgs(args, ['json', 'national']);
  if (parsed.positionals[0] !== 'create' || parsed.positionals.length > 1) throw new UsageError(USAGE);
  if (parsed.options.national) return nationalInvite(parsed, io, env);
  const unitCode = stringOption(parsed, 'unit', true);
  const role = stringOption(parsed, 'role', true) as Role;
  if (!ROLES.includes(role)) throw new UsageError(cliMessages.inviteBadRole(role, USAGE));
  const uses = positiveInt(stringOption(parsed, 'uses') ?? '1', 'uses');
  const daysOption = stringOption(parsed, 'days');
  const campaignCode = stringOption(parsed, 'campaign');

  const invite = await withRuntime(env, async ({ db, clock }) => {
    const campaign = await getCampaign(db, campaignCode);
    const validDays = daysOption ? positiveInt(daysOption, 'days') : campaign.settings.inviteValidDays;
    const created = await createInvite(
      db,
      { campaignId: campaign.id, unitCode, role, uses, validDays, createdBy: 'cli' },
      clock,
    );
    return { ...created, timeZone: campaign.settings.timeZone };
  });
  if (parsed.options.json) {
    io.out(
      `${JSON.stringify({
        code: invite.code,
        unit: { code: invite.unit.code, name: invite.unit.name, level: invite.unit.level },
        role: invite.role,
        uses: invite.uses,
        expiresAt: invite.expiresAt.toISOString(),
      })}\n`,
    );
  } else {
    io.out(`${invite.code}\n`);
    io.err(cliMessages.inviteCreated(invite, invite.unit, invite.timeZone));
  }
  return 0;
}

/** `sohoa invite create --national`: a code for a leader who sees every campaign's province side by side. */
async function nationalInvite(
  parsed: ReturnType<typeof parseArgs>,
  io: CliIo,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  if (parsed.options.unit !== undefined || parsed.options.role !== undefined) {
    throw new UsageError(cliMessages.inviteNationalAlone);
  }
  const uses = positiveInt(stringOption(parsed, 'uses') ?? '1', 'uses');
  const validDays = positiveInt(stringOption(parsed, 'days') ?? '30', 'days');
  const invite = await withRuntime(env, ({ db, clock }) =>
    createNationalInvite(db, { uses, validDays, createdBy: 'cli' }, clock),
  );
  if (parsed.options.json) {
    io.out(
      `${JSON.stringify({ code: invite.code, national: true, uses: invite.uses, expiresAt: invite.expiresAt.toISOString() })}\n`,
    );
  } else {
    io.out(`${invite.code}\n`);
    io.err(cliMessages.inviteNationalCreated(invite));
  }
  return 0;
}

function positiveInt(value: string, name: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100_000) {
    throw new UsageError(cliMessages.notPositiveInt(name, value));
  }
  return Number(value);
}
