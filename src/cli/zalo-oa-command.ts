import { ZaloOaApi } from '../channels/zalo-oa/zalo-oa-api.js';
import { GROUP_PREFIX, ZALO_OA_PLATFORM } from '../channels/zalo-oa/zalo-oa-event.js';
import { zaloOaConfigFrom, zaloOaExchange } from '../channels/zalo-oa/zalo-oa-service.js';
import { parseEnvConfig } from '../config/env-config.js';
import { zaloOaMessages } from '../messages/zalo-oa-messages.js';
import { getCampaign } from '../services/campaign.service.js';
import { registerZaloOaGroup } from '../services/zalo-oa-group.service.js';
import { setZaloOaTokens } from '../services/zalo-oa-token.service.js';
import { UsageError, parseArgs, stringOption } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withRuntime } from './cli-runtime.js';

const USAGE = zaloOaMessages.cli.usage;

/**
 * `sohoa zalo-oa token set --refresh-token <t> [--access-token <t>] [--expires-in <s>]`: stores the OA's
 * tokens (with only a refresh token, it is exchanged at once for a working pair);
 * `sohoa zalo-oa group add <group_id> --scope <unit> [--title <t>] [--purpose leadership|coordination]`.
 */
export async function zaloOaCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseArgs(args);
  const [area, action, groupId, ...extra] = parsed.positionals;
  const config = parseEnvConfig(env);
  if (area === 'token' && action === 'set' && groupId === undefined) {
    const refreshToken = stringOption(parsed, 'refresh-token', true);
    const accessToken = stringOption(parsed, 'access-token');
    const expiresIn = stringOption(parsed, 'expires-in');
    const seconds = expiresIn === undefined ? undefined : Number(expiresIn);
    if (seconds !== undefined && !(Number.isSafeInteger(seconds) && seconds > 0)) throw new UsageError(USAGE);
    const oa = zaloOaConfigFrom(config);
    if (!oa) {
      io.err(`${zaloOaMessages.cli.notConfigured}\n`);
      return 1;
    }
    const api = new ZaloOaApi({ apiRoot: oa.apiRoot, oauthRoot: oa.oauthRoot });
    return withRuntime(
      env,
      async ({ db, clock }) => {
        const timeZone =
          (await getCampaign(db).catch(() => undefined))?.settings.timeZone ?? 'Asia/Ho_Chi_Minh';
        const result = await setZaloOaTokens(
          { db, clock, appId: oa.appId, tokenKey: oa.tokenKey, exchange: zaloOaExchange(api, oa) },
          {
            refreshToken,
            ...(accessToken === undefined ? {} : { accessToken }),
            ...(seconds === undefined ? {} : { expiresInSeconds: seconds }),
          },
        );
        if (result.kind === 'refused') {
          io.err(`${zaloOaMessages.cli.refused(result.error)}\n`);
          return 1;
        }
        io.out(`${zaloOaMessages.cli.stored(result.expiresAt, timeZone, result.exchanged)}\n`);
        return 0;
      },
      config,
    );
  }
  if (area === 'group' && action === 'add' && groupId !== undefined && extra.length === 0) {
    const unitCode = stringOption(parsed, 'scope', true);
    const purpose = stringOption(parsed, 'purpose') ?? 'leadership';
    if (purpose !== 'leadership' && purpose !== 'coordination') throw new UsageError(USAGE);
    const title = stringOption(parsed, 'title') ?? `Zalo ${groupId}`;
    return withRuntime(
      env,
      async ({ db, clock }) => {
        const campaign = await getCampaign(db, stringOption(parsed, 'campaign'));
        const result = await registerZaloOaGroup(
          db,
          {
            campaignId: campaign.id,
            platform: ZALO_OA_PLATFORM,
            chatId: `${GROUP_PREFIX}${groupId}`,
            unitCode,
            title,
            purpose,
          },
          clock,
        );
        if (result.kind === 'unknown_unit') {
          io.err(`${zaloOaMessages.cli.unknownUnit(unitCode)}\n`);
          return 1;
        }
        io.out(`${zaloOaMessages.cli.groupAdded(groupId, result.unitName)}\n`);
        return 0;
      },
      config,
    );
  }
  throw new UsageError(USAGE);
}
