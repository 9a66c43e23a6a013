import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/run-demo.js';
import type { DemoRun } from '../../src/demo/run-demo.js';

const QUANG_TRI_2026 = join(import.meta.dirname, '..', '..', 'campaigns', 'quang-tri-2026');
// "huyện" as a word ("trò chuyện" is not one), and the level's code leaking into a text.
const DISTRICT_WORD = /(?<!\p{L})[Hh]uyện(?!\p{L})|district/u;

async function textFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(md|txt)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

// The two-level campaign played end to end, shortened: 20 of its 78 communes, three days. Every word it
// leaves behind — chats, transcript, summary, the Excel sheets — must be free of districts.
describe('sohoa demo --campaign campaigns/quang-tri-2026 (3 days, 20 communes)', () => {
  let out = '';
  let result: DemoRun;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'sohoa-demo-2026-'));
    result = await runDemo({
      days: 3,
      communes: 20,
      seed: '2026',
      speed: 0,
      outDir: out,
      dataDir: 'memory',
      campaignDir: QUANG_TRI_2026,
      logLevel: 'silent',
    });
  }, 300_000);

  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('plays the campaign with the province coordinating its communes directly', () => {
    expect(result.mismatches).toEqual([]);
    expect(result.summary.tally.anomalies).toEqual([]);
    expect(result.days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(result.cast.coordinators.map((c) => [c.unitCode, c.coordinatesCommunes])).toEqual([['44', true]]);
    expect(result.cast.groups.map((g) => g.unitCode)).toEqual(['44']);
    expect(result.summary.groups.every((g) => g.evenings === 3 && g.doubled === 0)).toBe(true);
    // The silent commune escalates to the province, whose coordinator fills its missed day.
    expect(result.summary.tally.scenarios.past_date_by_coordinator).toBe(1);
  });

  it('leaves no district in any chat, the transcript, the summary or the Excel sheets', async () => {
    const files = await textFiles(out);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const line = text.split('\n').find((l) => DISTRICT_WORD.test(l));
      expect(line, file).toBeUndefined();
    }
    expect(result.summaryText).not.toMatch(DISTRICT_WORD);
    const xlsx = (await readdir(out)).find((name) => name.endsWith('.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, xlsx ?? ''));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tỉnh', 'Xã']);
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => expect(JSON.stringify(row.values)).not.toMatch(DISTRICT_WORD));
    }
  });
});
