import type { Migration } from 'kysely';
import * as initialSchema from './2026-11-29-0001-initial-schema.js';
import * as reminders from './2026-11-29-0002-reminders.js';
import * as sampleFileHash from './2026-11-29-0003-sample-file-hash.js';
import * as outboxAlbumMenu from './2026-11-30-0001-outbox-album-menu.js';
import * as retentionAndInviteBudget from './2026-11-30-0201-retention-and-invite-budget.js';

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
};
