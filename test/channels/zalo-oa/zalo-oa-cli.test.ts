import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { parseEnvConfig } from '../../../src/config/env-config.js';
import { ManualClock } from '../../../src/domain/clock.js';
import { QUANG_TRI_DIR } from '../../support/campaign-fixture.js';
import { captureIo } from '../../support/capture-io.js';
import { closeAfterEach } from '../../support/close-after-each.js';
import { startFakeZaloOa } from '../../support/fake-zalo-oa/fake-zalo-oa.js';
import { migratedDataDir } from '../../support/pglite-template.js';

describe('sohoa zalo-oa and its configuration', () => {
  const closing = closeAfterEach();

  it('is all or nothing: one OA variable without the others names the first missing one', () => {
    expect(() => parseEnvConfig({ ZALO_OA_APP_ID: '123' })).toThrow(/ZALO_OA_APP_SECRET/);
    expect(() =>
      parseEnvConfig({
        ZALO_OA_APP_ID: '1',
        ZALO_OA_APP_SECRET: 's',
        ZALO_OA_SECRET_KEY: 'k',
        ZALO_OA_TOKEN_KEY: 'short',
      }),
    ).toThrow(/ZALO_OA_TOKEN_KEY/);
    const config = parseEnvConfig({});
    expect(config.ZALO_OA_APP_ID).toBeUndefined();
    expect(config.ZALO_OA_API_ROOT).toBe('https://openapi.zalo.me');
  });

  it('stores a pasted refresh token by exchanging it, and registers a GMF group by its id', async () => {
    const oa = closing(await startFakeZaloOa(new ManualClock(new Date())));
    const config = oa.config('a-long-enough-token-key');
    const env = {
      DATA_DIR: await migratedDataDir('sohoa-oa-cli-'),
      LOG_LEVEL: 'silent',
      ZALO_OA_APP_ID: config.appId,
      ZALO_OA_APP_SECRET: config.appSecret,
      ZALO_OA_SECRET_KEY: config.secretKey,
      ZALO_OA_TOKEN_KEY: config.tokenKey,
      ZALO_OA_API_ROOT: config.apiRoot,
      ZALO_OAUTH_ROOT: config.oauthRoot,
    };
    expect(await main(['campaign', 'load', QUANG_TRI_DIR], captureIo(), env)).toBe(0);
    const pasted = oa.state.issueTokens();
    const io = captureIo();
    expect(await main(['zalo-oa', 'token', 'set', '--refresh-token', pasted.refreshToken], io, env)).toBe(0);
    expect(io.stdout()).toContain('Đã lưu mã Zalo OA (đã đổi mã làm mới lấy cặp mã mới)');
    expect(oa.state.spentRefreshTokens.has(pasted.refreshToken)).toBe(true);
    // The same refresh token again: Zalo refuses it, nothing changes, exit 1 with what to do.
    const again = captureIo();
    expect(await main(['zalo-oa', 'token', 'set', '--refresh-token', pasted.refreshToken], again, env)).toBe(
      1,
    );
    expect(again.stderr()).toContain('Zalo từ chối mã làm mới');
    const group = captureIo();
    expect(await main(['zalo-oa', 'group', 'add', 'grp-9', '--scope', '45'], group, env)).toBe(0);
    expect(group.stdout()).toContain('Đã đăng ký nhóm Zalo grp-9 nhận báo cáo của Tỉnh Quảng Trị');
    const unknown = captureIo();
    expect(await main(['zalo-oa', 'group', 'add', 'grp-9', '--scope', '99999'], unknown, env)).toBe(1);
    expect(await main(['zalo-oa', 'token'], captureIo(), env)).toBe(2);
  });
});
