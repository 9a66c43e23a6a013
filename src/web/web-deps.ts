import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { resolveWebSecret } from '../services/web-media.service.js';
import { AttemptLimiter } from './attempt-limiter.js';

/** What every web route needs. */
export interface WebDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** WEB_BASE_URL without a trailing slash. */
  readonly baseUrl: string;
  /** Signs media addresses and CSRF tokens (WEB_SECRET, or the one stored in the database). */
  readonly secret: string;
  /** A loaded campaign by id; undefined for a campaign this process does not serve. */
  campaignOf(campaignId: number): Campaign | undefined;
  /** Link attempts per client address. */
  readonly linkAttempts: AttemptLimiter;
}

/** Link attempts per address and window: generous for people, a wall for a script. */
export const LINK_ATTEMPTS_PER_WINDOW = 20;
export const LINK_ATTEMPT_WINDOW_MS = 10 * 60_000;

/** Whether cookies must be Secure: the public address is https (behind a TLS proxy). */
export function isSecureBase(baseUrl: string): boolean {
  return baseUrl.startsWith('https://');
}

/** Builds the web side's dependencies at start: the signing secret is read (or made) once here. */
export async function createWebDeps(options: {
  db: Db;
  clock: Clock;
  logger: Logger;
  baseUrl: string;
  configuredSecret: string | undefined;
  campaigns: readonly Campaign[];
}): Promise<WebDeps> {
  const secret = await resolveWebSecret(options.db, options.configuredSecret, options.clock);
  const byId = new Map(options.campaigns.map((c) => [c.id, c]));
  return {
    db: options.db,
    clock: options.clock,
    logger: options.logger,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    secret,
    campaignOf: (id) => byId.get(id),
    linkAttempts: new AttemptLimiter(options.clock, LINK_ATTEMPTS_PER_WINDOW, LINK_ATTEMPT_WINDOW_MS),
  };
}
