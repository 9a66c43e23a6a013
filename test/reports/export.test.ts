import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/reports/export-columns.js';
import { renderExportCsv } from '../../src/reports/export-csv.js';
import { groupExportSheets, type ExportSheet } from '../../src/reports/export-sheet.js';
import { renderExportXlsx } from '../../src/reports/export-xlsx.js';
import { buildProvinceFixture } from './daily-report-fixture.js';

const data = buildProvinceFixture();
const provinceRow = {
  ...data.groups[0]!,
  unitCode: '45',
  unitName: 'Tỉnh Quảng Trị',
  parentName: null,
  level: 'province' as const,
  rank: null,
};
const sheets: ExportSheet[] = groupExportSheets(
  [...data.communes, provinceRow, ...data.groups],
  data.date,
  data.timeZone,
  data.levels,
);

describe('export sheets', () => {
  it('groups rows by level, province first', () => {
    expect(sheets.map((sheet) => [sheet.name, sheet.rows.length])).toEqual([
      ['Tỉnh', 1],
      ['Huyện', 9],
      ['Xã', 119],
    ]);
  });
});

describe('xlsx export', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    const bytes = await renderExportXlsx(sheets);
    // exceljs types its input as its own Buffer interface; a Node Buffer is what it reads at run time.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  });

  it('has one sheet per level with a bold, frozen header row', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tỉnh', 'Huyện', 'Xã']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const header = sheet.getRow(1);
      expect(header.getCell(1).value).toBe('Ngày');
      expect(header.getCell(4).value).toBe('Trực thuộc');
      expect(header.getCell(1).font?.bold).toBe(true);
      expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(20);
    }
  });

  it('holds plain values, no formulas, one row per unit', () => {
    const communes = workbook.getWorksheet('Xã');
    if (!communes) throw new Error('missing sheet Xã');
    expect(communes.rowCount).toBe(1 + 119);
    const first = data.communes[0]!;
    const row = communes.getRow(2);
    expect(row.getCell(2).value).toBe(first.unitCode);
    expect(row.getCell(3).value).toBe(first.unitName);
    expect(row.getCell(8).value).toBe(first.scanned);
    expect(row.getCell(10).value).toBe(first.attached);
    expect(row.getCell(12).value).toBeCloseTo((first.completion ?? 0) * 100, 6);
    expect(row.getCell(13).value).toBe(first.rank);
    communes.eachRow((sheetRow) =>
      sheetRow.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
    );
  });

  it('writes dates and report times as Vietnam wall-clock values', () => {
    const communes = workbook.getWorksheet('Xã')!;
    const reported = data.communes.findIndex((row) => row.lastReportAt !== null);
    const row = communes.getRow(reported + 2);
    expect(row.getCell(1).value).toEqual(new Date('2025-03-10T00:00:00Z'));
    const at = row.getCell(17).value as Date; // after the new plan column
    const expected = new Date(data.communes[reported]!.lastReportAt!.getTime() + 7 * 3_600_000);
    expect(at.toISOString().slice(0, 16)).toBe(expected.toISOString().slice(0, 16));
  });
});

describe('csv export', () => {
  const csv = renderExportCsv(sheets);

  it('starts with a BOM and a header, one line per unit', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(['Cấp', ...EXPORT_COLUMNS.map((column) => column.header)].join(','));
    expect(lines).toHaveLength(1 + 1 + 9 + 119);
    expect(lines[1]?.startsWith('Tỉnh,2025-03-10,45,Tỉnh Quảng Trị,')).toBe(true);
  });

  it('writes plain numbers and ISO times that any locale parses', () => {
    const first = data.communes[0]!;
    const line = csv.split('\r\n').find((candidate) => candidate.includes(`,${first.unitCode},`)) ?? '';
    expect(line).toContain(`,${first.scanned},`);
    expect(line).toContain(`,${((first.completion ?? 0) * 100).toFixed(1)},`);
    expect(line).toMatch(/,2025-03-(09|10) \d{2}:\d{2}$|,$/);
  });

  it('quotes separators and defuses formulas', () => {
    const odd = { ...data.communes[0]!, unitName: '=HYPERLINK("x"), Xã "Lạ"' };
    const text = renderExportCsv([{ ...sheets[2]!, rows: [odd] }]);
    expect(text).toContain(`"'=HYPERLINK(""x""), Xã ""Lạ"""`);
  });
});
