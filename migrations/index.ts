import type { Migration } from 'kysely';
import * as initialSchema from './2026-11-29-0001-initial-schema.js';
import * as reminders from './2026-11-29-0002-reminders.js';
import * as sampleFileHash from './2026-11-29-0003-sample-file-hash.js';
import * as outboxAlbumMenu from './2026-11-30-0001-outbox-album-menu.js';
import * as retentionAndInviteBudget from './2026-11-30-0201-retention-and-invite-budget.js';
import * as convertedFiles from './2026-12-01-0100-converted-files.js';
import * as webLinks from './2026-12-01-0200-web-links.js';
import * as uploadBatches from './2026-12-01-0300-upload-batches.js';
import * as unitLevels from './2026-12-01-0400-unit-levels.js';
import * as unitValidity from './2026-12-01-0500-unit-validity.js';
import * as severalCampaigns from './2026-12-01-0600-several-campaigns.js';
import * as memberLinks from './2026-12-01-0700-member-links.js';
import * as zaloOa from './2026-12-01-0800-zalo-oa.js';

/**
 * Every migration, by name, in order. A static list rather than a folder scan, so that the same
 * code runs under tsx, vitest and any bundler; a new migration is one new file and one line here.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-29-0001-initial-schema': initialSchema,
  '2026-11-29-0002-reminders': reminders,
  '2026-11-29-0003-sample-file-hash': sampleFileHash,
  '2026-11-30-0001-outbox-album-menu': outboxAlbumMenu,
  '2026-11-30-0201-retention-and-invite-budget': retentionAndInviteBudget,
  '2026-12-01-0100-converted-files': convertedFiles,
  '2026-12-01-0200-web-links': webLinks,
  '2026-12-01-0300-upload-batches': uploadBatches,
  '2026-12-01-0400-unit-levels': unitLevels,
  '2026-12-01-0500-unit-validity': unitValidity,
  '2026-12-01-0600-several-campaigns': severalCampaigns,
  '2026-12-01-0700-member-links': memberLinks,
  '2026-12-01-0800-zalo-oa': zaloOa,
};
