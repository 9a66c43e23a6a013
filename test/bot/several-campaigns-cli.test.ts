import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openDatabase } from '../../src/db/database.js';
import { hashInviteCode } from '../../src/domain/invite-code.js';
import { captureIo } from '../support/capture-io.js';
import { migratedDataDir } from '../support/pglite-template.js';

describe('sohoa invite create --national', () => {
  it('prints a national leader code stored only as a hash, and refuses a unit or role beside it', async () => {
    const env = { DATA_DIR: await migratedDataDir('sohoa-national-'), LOG_LEVEL: 'silent' };
    const plain = captureIo();
    expect(await main(['invite', 'create', '--national', '--uses', '2'], plain, env)).toBe(0);
    expect(plain.stdout()).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}\n$/);
    expect(plain.stderr()).toContain('Mã mời lãnh đạo toàn quốc (xem mọi chiến dịch), dùng được 2 lần');

    const json = captureIo();
    expect(await main(['invite', 'create', '--national', '--days', '3', '--json'], json, env)).toBe(0);
    expect(JSON.parse(json.stdout())).toMatchObject({ national: true, uses: 1 });

    const mixed = captureIo();
    expect(
      await main(['invite', 'create', '--national', '--unit', '45', '--role', 'leader'], mixed, env),
    ).toBe(2);
    expect(mixed.stderr()).toContain('không gắn với đơn vị hay vai trò');

    const handle = await openDatabase({ kind: 'embedded', dataDir: env.DATA_DIR });
    try {
      const rows = await handle.db
        .selectFrom('national_invites')
        .select(['code_hash', 'uses_left'])
        .execute();
      expect(rows.map((r) => r.uses_left).sort()).toEqual([1, 2]);
      // Stored as its hash only: the printed code finds its row, and no column holds the code itself.
      const code = plain.stdout().trim();
      expect(rows.find((r) => r.code_hash === hashInviteCode(code))?.uses_left).toBe(2);
      expect(JSON.stringify(rows)).not.toContain(code.replace('-', ''));
    } finally {
      await handle.close();
    }
  });
});
