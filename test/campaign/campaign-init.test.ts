import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseCampaignJson, readCampaignFolder } from '../../src/config/campaign-folder.js';
import { parseCsv } from '../../src/config/csv-parser.js';
import { carryBaselineThroughMerge } from '../../src/config/baseline-through-merge.js';
import { parseBaselineCsv } from '../../src/config/units-from-official-list.js';
import { spreadDeadlines } from '../../src/domain/milestone-spread.js';
import { captureIo } from '../support/capture-io.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SHIPPED = join(ROOT, 'campaigns', 'quang-tri-2026');
const BASELINE = join(ROOT, 'reference', 'quang-tri-2025-baseline.csv');

async function init(args: string[]) {
  const out = join(await mkdtemp(join(tmpdir(), 'sohoa-init-')), 'campaign');
  const io = captureIo();
  const code = await main(['campaign', 'init', ...args, '--out', out], io, { LOG_LEVEL: 'silent' });
  return { out, io, code };
}

const NEW_QUANG_TRI = ['--province', '44', '--start', '2026-03-02', '--end', '2026-03-31'];

describe('sohoa campaign init', () => {
  it('scaffolds a two-level campaign from the new official list, targets left to fill', async () => {
    const { out, io, code } = await init(NEW_QUANG_TRI);
    expect(code).toBe(0);
    expect(io.stdout()).toContain('78 đơn vị cấp xã; các cấp: Tỉnh → Xã');
    const json = parseCampaignJson(await readFile(join(out, 'campaign.json'), 'utf8'), 'campaign.json');
    expect(json).toMatchObject({
      code: 'quang-tri-2026',
      province: { code: '44', name: 'Tỉnh Quảng Trị' },
      startDate: '2026-03-02',
      endDate: '2026-03-31',
      requireTargets: true,
    });
    expect(json.levels.map((l) => l.code)).toEqual(['province', 'commune']);
    expect(json.milestones.map((m) => [m.metric, m.deadline])).toEqual([
      ['books', '2026-03-09'],
      ['scanned', '2026-03-19'],
      ['entered', '2026-03-27'],
      ['attached', '2026-03-31'],
    ]);
    const rows = parseCsv(await readFile(join(out, 'units.csv'), 'utf8')).records.map((r) => r.values);
    expect(rows.filter((r) => r.level === 'commune')).toHaveLength(78);
    expect(rows.every((r) => r.target_books === '' && r.target_cases === '')).toBe(true);
    // Loading it before the province filled the targets fails once, naming every unit.
    const error = await readCampaignFolder(out).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).toContain('còn 78 xã chưa có chỉ tiêu');
    expect(error).toContain('19742 Đặc khu Cồn Cỏ');
    expect(error).toContain('18880 Phường Đồng Hới');
    expect((await readFile(join(out, 'README.md'), 'utf8')).toString()).toContain('đang để trống');
  });

  it('loads once the province has filled every target', async () => {
    const { out } = await init(NEW_QUANG_TRI);
    const csv = await readFile(join(out, 'units.csv'), 'utf8');
    await writeFile(join(out, 'units.csv'), csv.replace(/,commune,44,,$/gm, ',commune,44,10,1000'));
    const { units } = await readCampaignFolder(out);
    expect(units.filter((u) => u.target?.cases === 1000)).toHaveLength(78);
  });

  it('scaffolds from the old list with its three levels when asked', async () => {
    const { out, code } = await init([
      '--province',
      '45',
      '--start',
      '2025-03-01',
      '--end',
      '2025-03-20',
      '--list',
      '2025-03-01',
    ]);
    expect(code).toBe(0);
    const json = parseCampaignJson(await readFile(join(out, 'campaign.json'), 'utf8'), 'campaign.json');
    expect(json.levels.map((l) => l.code)).toEqual(['province', 'district', 'commune']);
    const rows = parseCsv(await readFile(join(out, 'units.csv'), 'utf8')).records.map((r) => r.values);
    expect(rows.filter((r) => r.level === 'district')).toHaveLength(9);
    expect(rows.filter((r) => r.level === 'commune')).toHaveLength(119);
  });

  it('refuses an unknown province, bad dates, and an existing folder, writing nothing', async () => {
    const unknown = await init(['--province', '45', '--start', '2026-03-02', '--end', '2026-03-31']);
    expect(unknown.code).toBe(2);
    expect(unknown.io.stderr()).toContain('Không có tỉnh mã "45" trong danh mục 2025-07-01');
    const badDate = await init(['--province', '44', '--start', '2026-02-30', '--end', '2026-03-31']);
    expect(badDate.io.stderr()).toContain('--start phải là ngày dạng YYYY-MM-DD (nhận "2026-02-30")');
    const reversed = await init(['--province', '44', '--start', '2026-03-31', '--end', '2026-03-02']);
    expect(reversed.io.stderr()).toContain('Ngày kết thúc (--end) phải bằng hoặc sau ngày bắt đầu');
    const missing = await init(['--province', '44', '--start', '2026-03-02']);
    expect(missing.io.stderr()).toContain('Thiếu tùy chọn --end');

    const first = await init(NEW_QUANG_TRI);
    const again = captureIo();
    const code = await main(['campaign', 'init', ...NEW_QUANG_TRI, '--out', first.out], again, {});
    expect(code).toBe(2);
    expect(again.stderr()).toContain('không ghi đè');
  });

  it('ships quang-tri-2026 exactly as init makes it from the baseline', async () => {
    const { out, code } = await init([...NEW_QUANG_TRI, '--targets-from-baseline', BASELINE]);
    expect(code).toBe(0);
    expect(await readFile(join(out, 'units.csv'), 'utf8')).toBe(
      await readFile(join(SHIPPED, 'units.csv'), 'utf8'),
    );
    const made = JSON.parse(await readFile(join(out, 'campaign.json'), 'utf8'));
    expect(JSON.parse(await readFile(join(SHIPPED, 'campaign.json'), 'utf8'))).toEqual(made);
  });

  it('carries the old baseline through the merge table: old Quảng Trị totals kept, the rest estimated', async () => {
    const { units } = await readCampaignFolder(SHIPPED);
    const readme = await readFile(join(SHIPPED, 'README.md'), 'utf8');
    const carried = carryBaselineThroughMerge({
      oldListCsv: await readFile(join(ROOT, 'reference', 'vn-units-2025-03-01.csv'), 'utf8'),
      mergeCsv: await readFile(join(ROOT, 'reference', 'vn-merge-2025-07-01.csv'), 'utf8'),
      baselines: parseBaselineCsv(await readFile(BASELINE, 'utf8')),
      provinceCode: '44',
    });
    const estimated = new Set(carried.estimated.map((unit) => unit.slice(0, 5)));
    expect(estimated.size).toBe(41);
    for (const unit of carried.estimated) expect(readme).toContain(unit);
    // Old Quảng Trị's 119 communes and Cồn Cỏ became 37 units; Quảng Bình's old communes the other 41.
    const fromBaseline = units.filter((u) => u.level === 'commune' && !estimated.has(u.code));
    expect(fromBaseline).toHaveLength(37);
    expect(fromBaseline.reduce((s, u) => s + (u.target?.books ?? 0), 0)).toBe(2088);
    expect(fromBaseline.reduce((s, u) => s + (u.target?.cases ?? 0), 0)).toBe(203540);
    expect(units.find((u) => u.code === '19742')?.target).toEqual({ books: 0, cases: 0 });
    expect(readme).toContain('tỉnh thay bằng số kiểm kê thực tế của từng xã');
  });
});

describe('deadlines spread over a campaign', () => {
  it('keeps the steps in order, the last on the end date, also for a one-day campaign', () => {
    expect(spreadDeadlines('2026-03-02', '2026-03-31')).toEqual({
      books: '2026-03-09',
      scanned: '2026-03-19',
      entered: '2026-03-27',
      attached: '2026-03-31',
    });
    expect(Object.values(spreadDeadlines('2026-03-02', '2026-03-02'))).toEqual(Array(4).fill('2026-03-02'));
  });
});
