import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../support/capture-io.js';

// Refused before anything starts: a wrong option is told in Vietnamese with the usage, exit 2.
describe('sohoa demo, wrong options', () => {
  const env = { LOG_LEVEL: 'silent' };
  const out = () => join(mkdtempSync(join(tmpdir(), 'sohoa-demo-opt-')), 'out');

  it('refuses an OA unit that has no communes under it, naming some that do', async () => {
    const io = captureIo();
    expect(await main(['demo', '--days', '1', '--zalo-oa', '999', '--out', out()], io, env)).toBe(2);
    expect(io.stderr()).toContain(
      '--zalo-oa cần mã một đơn vị có xã trực thuộc, ví dụ: 461 (Thành phố Đông Hà)',
    );
    expect(io.stderr()).toContain('[--telegram-only] [--zalo-oa <mã đơn vị>]');
  });

  it('refuses a commune as the OA unit and a day count outside the campaign', async () => {
    const commune = captureIo();
    expect(await main(['demo', '--zalo-oa', '19333', '--out', out()], commune, env)).toBe(2);
    expect(commune.stderr()).toContain('--zalo-oa cần mã một đơn vị có xã trực thuộc');
    const days = captureIo();
    expect(await main(['demo', '--days', '21', '--out', out()], days, env)).toBe(2);
    expect(days.stderr()).toContain('--days phải là số nguyên từ 1 đến 20');
  });
});
