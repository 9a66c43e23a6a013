import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { QUANG_TRI_DIR, copyCampaign } from '../support/campaign-fixture.js';
import { captureIo } from '../support/capture-io.js';
import { migratedDataDir } from '../support/pglite-template.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'sohoa.js');

const freshEnv = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'sohoa-cli-')), LOG_LEVEL: 'silent' });
// A data folder already migrated (from the test template), where migrating is not what a test is about:
// PGlite's initdb costs seconds on a busy machine.
const migratedEnv = async () => ({ DATA_DIR: await migratedDataDir('sohoa-cli-'), LOG_LEVEL: 'silent' });

describe('the sohoa command', () => {
  it('loads a campaign, reloads it without change, and creates invites', async () => {
    const env = await migratedEnv();
    const first = captureIo();
    expect(await main(['campaign', 'load', QUANG_TRI_DIR], first, env)).toBe(0);
    expect(first.stdout()).toContain('1 tỉnh, 9 huyện, 119 xã; chỉ tiêu 2.088 sổ, 203.540 hồ sơ');
    expect(first.stdout()).toContain('Đã nạp lần đầu');

    const second = captureIo();
    expect(await main(['campaign', 'load', QUANG_TRI_DIR], second, env)).toBe(0);
    expect(second.stdout()).toContain('Không có thay đổi');

    const plain = captureIo();
    expect(
      await main(['invite', 'create', '--unit', '19333', '--role', 'reporter', '--uses', '3'], plain, env),
    ).toBe(0);
    expect(plain.stdout()).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}\n$/);
    expect(plain.stderr()).toContain('Phường 1 (19333)');

    const json = captureIo();
    expect(await main(['invite', 'create', '--unit', '45', '--role', 'leader', '--json'], json, env)).toBe(0);
    expect(JSON.parse(json.stdout())).toMatchObject({
      unit: { code: '45', level: 'province' },
      role: 'leader',
      uses: 1,
    });
  });

  it.each([
    [['invite', 'create', '--unit', '19333', '--role', 'boss'], 2, 'Vai trò "boss" không hợp lệ'],
    [['invite', 'create', '--role', 'reporter'], 2, 'Thiếu tùy chọn --unit'],
    [
      ['invite', 'create', '--unit', '19333', '--role', 'reporter', '--uses', '0'],
      2,
      '--uses phải là số nguyên dương',
    ],
    [['campaign', 'load'], 2, 'Cách dùng: sohoa campaign load'],
    [['frobnicate'], 2, 'Không có lệnh "frobnicate"'],
  ])('refuses %j with exit %i', async (argv, code, message) => {
    const io = captureIo();
    expect(await main(argv, io, freshEnv())).toBe(code);
    expect(io.stderr()).toContain(message);
  });

  it('refuses an invite for an unknown unit, and before any campaign is loaded', async () => {
    const env = await migratedEnv();
    const none = captureIo();
    expect(await main(['invite', 'create', '--unit', '19333', '--role', 'reporter'], none, env)).toBe(1);
    expect(none.stderr()).toContain('Chưa nạp chiến dịch nào');
    await main(['campaign', 'load', QUANG_TRI_DIR], captureIo(), env);
    const unknown = captureIo();
    expect(await main(['invite', 'create', '--unit', '12345', '--role', 'reporter'], unknown, env)).toBe(1);
    expect(unknown.stderr()).toBe('Không có đơn vị mã 12345 trong chiến dịch.\n');
  });

  it('refuses a bad campaign folder without touching the database', async () => {
    const env = await migratedEnv();
    const dir = await copyCampaign(({ csv }) => ({
      csv: csv.replace('19333,Phường 1,Phường,commune,461', '19333,Phường 1,Phường,commune,4610'),
    }));
    const io = captureIo();
    expect(await main(['campaign', 'load', dir], io, env)).toBe(1);
    expect(io.stderr()).toMatch(/units\.csv dòng 5, cột parent_code: không tìm thấy đơn vị cha "4610"/);
    const after = captureIo();
    expect(await main(['invite', 'create', '--unit', '45', '--role', 'leader'], after, env)).toBe(1);
    expect(after.stderr()).toContain('Chưa nạp chiến dịch nào');
  });

  it('start without a token migrates the embedded database, then exits non-zero saying what to set', () => {
    const env = {
      ...process.env,
      ...freshEnv(),
      TELEGRAM_BOT_TOKEN: '',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    };
    const child = spawnSync(process.execPath, [BIN, 'start'], { env, encoding: 'utf8', timeout: 90_000 });
    expect(child.status).toBe(1);
    const lines = child.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Chưa đặt TELEGRAM_BOT_TOKEN');
    expect(lines[0]).toContain('npm run demo');
  });
});
