import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { NotFoundError } from '../../src/domain/errors.js';
import { normalizeInviteCode } from '../../src/domain/invite-code.js';
import { findMember } from '../../src/db/member.repository.js';
import { MAX_FAILED_ATTEMPTS, createInvite, redeemInvite } from '../../src/services/invite.service.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('invites', (database) => {
  const setup = async (uses = 1, validDays = 7) => {
    const { db } = database();
    const clock = new ManualClock('2025-02-28T09:00:00+07:00');
    const campaignId = await loadQuangTri(db);
    const invite = await createInvite(
      db,
      { campaignId, unitCode: '19333', role: 'reporter', uses, validDays, createdBy: 'test' },
      clock,
    );
    const redeem = (userId: string, code = invite.code) =>
      redeemInvite(
        db,
        { campaignId, platform: 'telegram', platformUserId: userId, displayName: `U${userId}`, code },
        clock,
      );
    return { db, clock, campaignId, invite, redeem };
  };

  it('binds the user to the unit and role, and stores only the hash', async () => {
    const { db, campaignId, invite, redeem } = await setup();
    expect(invite.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const result = await redeem('100', ` ${invite.code.toLowerCase().replace('-', ' ')} `);
    expect(result).toMatchObject({
      ok: true,
      unit: { code: '19333', name: 'Phường 1' },
      member: { role: 'reporter' },
    });
    expect(await findMember(db, campaignId, 'telegram', '100')).toMatchObject({
      active: true,
      display_name: 'U100',
    });
    const stored = await db.selectFrom('invites').select('code_hash').executeTakeFirstOrThrow();
    expect(stored.code_hash).not.toContain(normalizeInviteCode(invite.code));
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts uses and refuses a used-up code', async () => {
    const { redeem } = await setup(2);
    expect((await redeem('1')).ok).toBe(true);
    expect((await redeem('2')).ok).toBe(true);
    expect(await redeem('3')).toEqual({ ok: false, reason: 'used_up' });
  });

  it('refuses an expired code', async () => {
    const { clock, redeem } = await setup(5, 1);
    clock.advance(86_400_000);
    expect(await redeem('1')).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses unknown codes and throttles guessing', async () => {
    const { clock, invite, redeem } = await setup(5);
    expect(await redeem('9', 'AAAAA-AAAAA')).toEqual({ ok: false, reason: 'unknown' });
    expect(await redeem('9', 'hello')).toEqual({ ok: false, reason: 'unknown' });
    for (let i = 2; i < MAX_FAILED_ATTEMPTS; i++) await redeem('9', 'BBBBB-BBBBB');
    // Even the right code waits once the guesses run out; another user is not affected.
    expect(await redeem('9')).toEqual({ ok: false, reason: 'throttled' });
    expect((await redeem('10')).ok).toBe(true);
    clock.advance(16 * 60_000);
    expect((await redeem('9', invite.code)).ok).toBe(true);
  });

  it('refuses an unknown unit when creating', async () => {
    const { db } = database();
    const campaignId = await loadQuangTri(db);
    const clock = new ManualClock('2025-02-28T09:00:00+07:00');
    await expect(
      createInvite(
        db,
        { campaignId, unitCode: '00000', role: 'leader', uses: 1, validDays: 1, createdBy: 't' },
        clock,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.selectFrom('invites').select('id').execute()).toEqual([]);
  });
});
