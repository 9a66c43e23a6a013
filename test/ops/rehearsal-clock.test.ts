import { expect, it } from 'vitest';
import { clockFromConfig } from '../../src/cli/cli-runtime.js';
import { parseEnvConfig } from '../../src/config/env-config.js';
import { insertInboxUpdate } from '../../src/db/inbox.repository.js';
import { enqueueOutbox, nextOutboxDueAt } from '../../src/db/outbox.repository.js';
import { describeEachDatabase } from '../support/test-database.js';

const SOHOA_NOW = '2025-03-10T09:00:00+07:00';
const config = (now: string) => parseEnvConfig({ SOHOA_NOW: now });
// Real time stands still in these tests: the clock's start is what is checked, exactly.
const frozen = () => 1_000_000;

describeEachDatabase('the rehearsal clock (SOHOA_NOW) across restarts', (database) => {
  it('starts at SOHOA_NOW on a fresh database', async () => {
    const clock = await clockFromConfig(config(SOHOA_NOW), database().db, frozen);
    expect(clock.now().toISOString()).toBe(new Date(SOHOA_NOW).toISOString());
  });

  it('resumes from the latest instant the database recorded, so nothing enqueued before is in the future', async () => {
    const { db } = database();
    // A first run went on for two hours of rehearsal time, then crashed with a reply still to send.
    const crashedAt = new Date(Date.parse(SOHOA_NOW) + 2 * 3_600_000);
    await insertInboxUpdate(db, {
      platform: 'telegram',
      update_id: 1,
      payload: { update_id: 1 },
      received_at: new Date(crashedAt.getTime() - 1000),
    });
    await enqueueOutbox(
      db,
      [{ dedupeKey: 'k', platform: 'telegram', chatId: '1', kind: 'text', payload: { text: 'x' } }],
      crashedAt,
    );
    // The restart is given the same SOHOA_NOW, as a supervisor would.
    const clock = await clockFromConfig(config(SOHOA_NOW), db, frozen);
    expect(clock.now().toISOString()).toBe(crashedAt.toISOString());
    const due = await nextOutboxDueAt(db);
    expect(due && due.getTime() <= clock.now().getTime()).toBe(true);
    // A later SOHOA_NOW (skipping ahead on purpose) still wins over what was recorded.
    const later = '2025-03-12T09:00:00+07:00';
    const ahead = await clockFromConfig(config(later), db, frozen);
    expect(ahead.now().toISOString()).toBe(new Date(later).toISOString());
  });
});
