import { expect, it } from 'vitest';
import { createZaloOaService } from '../../../src/channels/zalo-oa/zalo-oa-service.js';
import { createLogger } from '../../../src/config/logger.js';
import { openDatabase } from '../../../src/db/database.js';
import { setZaloOaTokens } from '../../../src/services/zalo-oa-token.service.js';
import { addTelegramProvinceCoordinator, startOaChat } from '../../support/fake-zalo-oa/oa-chat-fixture.js';
import { closeAfterEach } from '../../support/close-after-each.js';
import { describeEachDatabase } from '../../support/test-database.js';

describeEachDatabase('Zalo OA tokens', (database) => {
  const closing = closeAfterEach();

  it('stores tokens encrypted', async () => {
    const chat = closing(await startOaChat(database().db));
    const row = await chat.db.selectFrom('zalo_oa_tokens').selectAll().executeTakeFirstOrThrow();
    const issued = [...chat.oa.state.accessTokens.keys()];
    expect(issued).toHaveLength(1);
    expect(row.access_token).not.toContain(issued[0]);
    expect(row.access_token).toMatch(/^v1\./);
  });

  it('refreshes an expiring token once, even with two instances checking at the same moment', async () => {
    const { db, target, name } = database();
    const chat = closing(await startOaChat(db));
    await chat.join('u-lan', '19333');
    const spent = [...chat.oa.state.refreshTokens];
    // Mid-day: the hour-long token is about to run out.
    chat.clock.advance(55 * 60_000);
    // A second instance: its own connection pool on the server; PGlite has one connection, so one instance.
    const second = name === 'postgres' ? await openDatabase(target) : undefined;
    try {
      const other = createZaloOaService({
        db: second?.db ?? db,
        clock: chat.clock,
        logger: createLogger('silent'),
        campaignId: chat.campaignId,
        timeZone: 'Asia/Ho_Chi_Minh',
        config: chat.oa.config(),
        onStored: () => undefined,
      });
      const [a, b] = await Promise.all([chat.service.checkToken(), other.checkToken()]);
      expect(a.kind).toBe('ok');
      expect(b.kind).toBe('ok');
      expect(a.kind === 'ok' && b.kind === 'ok' && a.accessToken === b.accessToken).toBe(true);
    } finally {
      await second?.close();
    }
    expect(chat.oa.state.refreshCalls).toBe(1);
    expect(chat.oa.state.spentRefreshTokens).toEqual(new Set(spent));
    // The old access token has expired at the fake; sends go on with the new one.
    chat.clock.advance(10 * 60_000);
    expect(await chat.say('u-lan', 'tiến độ')).toContain('Phường 1');
    expect(chat.oa.state.refreshCalls).toBe(1);
  });

  it('refreshes once on a token error and sends again', async () => {
    const chat = closing(await startOaChat(database().db));
    await chat.join('u-lan', '19333');
    // Zalo revokes the access token early.
    chat.oa.state.accessTokens.clear();
    expect(await chat.say('u-lan', 'tiến độ')).toContain('Phường 1');
    expect(chat.oa.state.refreshCalls).toBe(1);
  });

  it('tells province coordinators on their other channel when the refresh token is refused', async () => {
    const chat = closing(await startOaChat(database().db));
    await addTelegramProvinceCoordinator(chat);
    chat.oa.state.refreshTokens.clear();
    chat.clock.advance(2 * 3_600_000);
    expect((await chat.service.checkToken()).kind).toBe('refused');
    expect((await chat.service.checkToken()).kind).toBe('refused');
    const alerts = await chat.db
      .selectFrom('outbox')
      .select(['platform', 'chat_id', 'payload'])
      .where('platform', '=', 'telegram')
      .execute();
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0]?.payload)).toContain('sohoa zalo-oa token set --refresh-token');
    // Spending a refused refresh token again would not help: one call only.
    expect(chat.oa.state.refreshCalls).toBe(1);
  });

  it('exchanges a pasted refresh token at once (token set with only --refresh-token)', async () => {
    const chat = closing(await startOaChat(database().db));
    const pasted = chat.oa.state.issueTokens();
    const result = await setZaloOaTokens(chat.service.tokens, { refreshToken: pasted.refreshToken });
    expect(result.kind).toBe('stored');
    expect(chat.oa.state.spentRefreshTokens.has(pasted.refreshToken)).toBe(true);
    const again = await setZaloOaTokens(chat.service.tokens, { refreshToken: pasted.refreshToken });
    expect(again.kind).toBe('refused');
  });
});
