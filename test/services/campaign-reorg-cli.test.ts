import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { copyCampaign } from '../support/campaign-fixture.js';
import { captureIo } from '../support/capture-io.js';
import { migratedDataDir } from '../support/pglite-template.js';
import { oldQuangTriFolder } from './campaign-reorg-fixture.js';

describe('sohoa campaign load <folder> --mapping <csv> --from <date>', () => {
  it('refuses with every reason, applies once, then reports that it was already applied', async () => {
    // The service's clock starts on the change date (a rehearsal clock), so the load is not in the future.
    const env = {
      DATA_DIR: await migratedDataDir('sohoa-reorg-cli-'),
      LOG_LEVEL: 'silent',
      SOHOA_NOW: '2025-07-01T08:00:00+07:00',
    };
    expect(await main(['campaign', 'load', await oldQuangTriFolder()], captureIo(), env)).toBe(0);
    const dir = await copyCampaign(({ json, csv }) => ({
      json: { ...json, endDate: '2025-12-31' },
      csv:
        csv
          .replace('19330,Phường Đông Giang,Phường,commune,461,40,5919\n', '')
          .replace('19333,Phường 1,Phường,commune,461,40,5919\n', '') +
        '19998,Phường Bắc Đông Hà,Phường,commune,461,40,5919\n19999,Phường Nam Đông Hà,Phường,commune,461,40,5919\n',
    }));
    const mapping = join(dir, 'doi-chieu.csv');
    const load = (from = '2025-07-01') => ['campaign', 'load', dir, '--mapping', mapping, '--from', from];

    await writeFile(mapping, 'old_code,new_code\n19330,19998\n19330,19999\n19333,19999\n');
    const refused = captureIo();
    expect(await main(load(), refused, env)).toBe(1);
    expect(refused.stderr()).toBe(
      'Không thể sắp xếp lại đơn vị — 1 lỗi trong tệp đối chiếu:\n' +
        '  - Phường Đông Giang (mã 19330) được nhập một phần vào 19998, 19999 nhưng thiếu tỉ lệ (cột share) ' +
        'ở từng dòng: không thể chia số liệu của đơn vị này.\n',
    );

    const badDate = captureIo();
    expect(await main(load('01/07/2025'), badDate, env)).toBe(2);
    expect(badDate.stderr()).toContain('không đúng dạng YYYY-MM-DD');
    const noFrom = captureIo();
    expect(await main(['campaign', 'load', dir, '--mapping', mapping], noFrom, env)).toBe(2);
    expect(noFrom.stderr()).toContain('Thiếu tùy chọn --from');

    await writeFile(mapping, 'old_code,new_code,share\n19330,19998,0.5\n19330,19999,0.5\n19333,19999,\n');
    const applied = captureIo();
    expect(await main(load(), applied, env)).toBe(0);
    expect(applied.stdout()).toContain(
      'Đã sắp xếp lại đơn vị từ ngày 01/07/2025: 2 đơn vị cũ thôi hoạt động từ ngày trước đó, 2 đơn vị mới, 127 đơn vị giữ nguyên.',
    );

    const again = captureIo();
    expect(await main(load(), again, env)).toBe(0);
    expect(again.stdout()).toBe(
      'Sắp xếp lại từ ngày 01/07/2025 đã được nạp trước đó với cùng tệp đối chiếu.\n' +
        'Không có thay đổi: cơ sở dữ liệu đã khớp với tệp.\n',
    );
  });
});
