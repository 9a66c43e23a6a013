import type { Logger } from '../../config/logger.js';
import type { Campaign } from '../../domain/campaign.js';
import type { Clock } from '../../domain/clock.js';
import type { Db } from '../../db/database.js';
import type { UploadLimits } from '../../services/upload-check.service.js';
import type { WebSession } from '../web-session.js';

/** The CSRF tokens of the page's POST: one the page embeds, checked against the session on the way back. */
export interface UploadCsrf {
  tokenFor(session: WebSession): string;
  verify(session: WebSession, token: string): boolean;
}

/** What the upload routes need from the process. */
export interface UploadRouteDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The loaded campaign a session belongs to; undefined when the process does not run it. */
  readonly campaignFor: (campaignId: number) => Campaign | undefined | Promise<Campaign | undefined>;
  readonly csrf: UploadCsrf;
  /** Per file and per upload; default 20 MB and 200 MB (tests make them small). */
  readonly limits?: UploadLimits;
  /** Most files in one request (the form without JavaScript sends them all at once); default 1,000. */
  readonly maxFiles?: number;
  /** Where parts are streamed while a request is received; default the system's temp folder. */
  readonly tempDir?: string;
}
