import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCampaignJson } from '../../src/config/campaign-folder.js';
import type { CampaignFile } from '../../src/domain/campaign-file.js';
import { parseReportText, type ParseProblem } from '../../src/domain/report-parser.js';
import { describeParseProblem } from '../../src/messages/report-problem-messages.js';

const CAMPAIGN_JSON = join(import.meta.dirname, '..', '..', 'campaigns', 'quang-tri-2025', 'campaign.json');
const metrics = parseCampaignJson(readFileSync(CAMPAIGN_JSON, 'utf8'), 'campaign.json').metrics;
const parse = (text: string) => parseReportText(text, metrics);
const FULL = { books: 12, scanned: 1540, entered: 1320, attached: 1100 };

describe('parseReportText: accepted forms', () => {
  it.each([
    ['so 12 scan 1540 nhap 1320 dinhkem 1100'],
    ['/baocao so 12 scan 1540 nhap 1320 dinhkem 1100'],
    ['/baocao@SohoaBot so 12 scan 1540 nhap 1320 dinhkem 1100'],
    ['/BAOCAO so=12 scan=1540 nhap=1320 dinhkem=1100'],
    ['sổ: 12; quét: 1540; nhập: 1320; đính kèm: 1100'],
    ['sổ 12, quét 1540, nhập 1320, đính kèm 1100'],
    ['sổ 12, quét 1540, nhập 1320, đính kèm 1100'.normalize('NFD')],
    ['Sổ: 12\nQuét: 1.540\nNhập: 1.320\nĐính kèm: 1.100'],
    ['/baocao\r\nso = 12\r\nscan = 1,540\r\nnhap = 1,320\r\ndinh kem = 1,100\r\n'],
    ['SO 12 SCAN 1540 NHAP 1320 DINHKEM 1100'],
    ['sosach 12 scanned 1540 nhập liệu 1320 dinh kem 1100'],
    ['books 12 quet 1 540 nhaplieu 1\u00A0320 attached 1 100'],
    ['sổ 12 quyển, quét 1540 hồ sơ, nhập 1320 trường hợp, đính kèm 1100 th'],
    ['Số sổ: 12\nSố trường hợp đã quét: 1.540\nSố trường hợp đã nhập là 1.320\nĐã đính kèm được 1.100'],
    ['1. Sổ: 12\n2. Quét: 1540\n3. Nhập: 1320\n4. Đính kèm: 1100'],
    ['- so 12\n- scan 1540\n+ nhap 1320\n• dinhkem 1100'],
    ['so12 scan1540 nhap1320 dinhkem1100'],
    ['  đính kèm 1100 nhập 1320 quét 1540 sổ 12  '],
    ['ĐÍNH KÈM 1100 NHẬP LIỆU 1320 QUÉT 1540 SỔ 12'],
    ['Ðính kèm 1100 nhập 1320 quét 1540 sổ 12'], // Đ sent as the look-alike eth (U+00D0)
    ['so 12 scan 1540 nhap 1320 dinh-kem 1100'],
  ])('%j', (text) => {
    expect(parse(text)).toEqual({ figures: FULL, problems: [], empty: false });
  });

  it('reads some figures without complaining about the others', () => {
    expect(parse('quét 1600')).toEqual({ figures: { scanned: 1600 }, problems: [], empty: false });
  });

  it.each([
    ['1.540', 1540],
    ['1,540', 1540],
    ['1 540', 1540],
    ['1.234.567', 1_234_567],
    ['1 234 567', 1_234_567],
    ['0', 0],
    ['007', 7],
    ['10.000.000', 10_000_000],
  ])('reads %j as %i', (number, value) => {
    expect(parse(`quét ${number}`).figures).toEqual({ scanned: value });
  });

  it('reads the report date with or without a year, with or without the label', () => {
    expect(parse('ngày 10/03 so 12').date).toEqual({ day: 10, month: 3 });
    expect(parse('Ngày: 9/3/2025 so 12').date).toEqual({ day: 9, month: 3, year: 2025 });
    expect(parse('ngay 09.03.25 so 12').date).toEqual({ day: 9, month: 3, year: 2025 });
    expect(parse('10/03/2025\nso 12').date).toEqual({ day: 10, month: 3, year: 2025 });
    expect(parse('ngày 29/02 so 12').date).toEqual({ day: 29, month: 2 });
  });

  it('reads a commune code for coordinators', () => {
    for (const text of ['xã 19510 so 12', 'xa: 19510 so 12', 'mã 19510 so 12', 'Mã xã 19510, so 12']) {
      expect(parse(text)).toMatchObject({ unitCode: '19510', figures: { books: 12 }, problems: [] });
    }
  });

  it('accepts accented input when a campaign lists its aliases only without diacritics', () => {
    const plain: CampaignFile['metrics'][number][] = metrics.map((m) => ({
      ...m,
      aliases: [m.code],
      short: m.code,
    }));
    plain[0] = { code: 'books', label: 'Sổ', short: 'books', aliases: ['so'] };
    expect(parseReportText('sổ 12', plain).figures).toEqual({ books: 12 });
  });
});

describe('parseReportText: mistakes are data', () => {
  const problemsOf = (text: string): ParseProblem[] => parse(text).problems;

  it('names an unknown label exactly as typed and keeps the other figures', () => {
    expect(parse('so 12 Scam 1540 nhap 1320')).toEqual({
      figures: { books: 12, entered: 1320 },
      problems: [{ code: 'unknown_label', text: 'Scam', value: '1540' }],
      empty: false,
    });
  });

  it('joins the words of an unknown label', () => {
    expect(problemsOf('so 12 Tổng  cộng 1540\nxong')).toEqual([
      { code: 'unknown_label', text: 'Tổng  cộng', value: '1540' },
      { code: 'unknown_label', text: 'xong' },
    ]);
  });

  it('does not take "số" (number) for "sổ" (book)', () => {
    expect(problemsOf('số 12')).toEqual([{ code: 'number_without_label', text: '12' }]);
  });

  it.each<[string, ParseProblem[]]>([
    ['quét: abc', [{ code: 'missing_value', field: 'scanned', label: 'quét', found: 'abc' }]],
    ['quét', [{ code: 'missing_value', field: 'scanned', label: 'quét' }]],
    ['sổ quét 1540', [{ code: 'missing_value', field: 'books', label: 'sổ' }]],
    ['1540', [{ code: 'number_without_label', text: '1540' }]],
    ['so 12 1540', [{ code: 'number_without_label', text: '1540' }]],
    ['nhập -5', [{ code: 'negative_number', metric: 'entered', label: 'nhập', text: '-5' }]],
    ['nhap=-5', [{ code: 'negative_number', metric: 'entered', label: 'nhap', text: '-5' }]],
    ['quét 12,5', [{ code: 'not_whole_number', metric: 'scanned', label: 'quét', text: '12,5' }]],
    ['quét 1.5', [{ code: 'not_whole_number', metric: 'scanned', label: 'quét', text: '1.5' }]],
    ['quét 1.540,5', [{ code: 'not_whole_number', metric: 'scanned', label: 'quét', text: '1.540,5' }]],
    ['quét 80%', [{ code: 'not_a_number', metric: 'scanned', label: 'quét', text: '80%' }]],
    ['sổ 12/15', [{ code: 'not_a_number', metric: 'books', label: 'sổ', text: '12/15' }]],
    ['quét 1.54.0', [{ code: 'not_a_number', metric: 'scanned', label: 'quét', text: '1.54.0' }]],
    [
      'quét 10.000.001',
      [{ code: 'too_large', metric: 'scanned', label: 'quét', value: 10_000_001, limit: 10_000_000 }],
    ],
    ['sổ 12 sổ 13', [{ code: 'duplicate_metric', metric: 'books', values: [12, 13] }]],
    ['so 12 so 13 sổ 12 so 14', [{ code: 'duplicate_metric', metric: 'books', values: [12, 13, 14] }]],
    ['ngày 31/02 so 12', [{ code: 'invalid_value', field: 'date', label: 'ngày', text: '31/02' }]],
    ['ngay 10 so 12', [{ code: 'invalid_value', field: 'date', label: 'ngay', text: '10' }]],
    ['ngày 10/03 ngày 11/03', [{ code: 'duplicate_value', field: 'date', values: ['10/03', '11/03'] }]],
    ['xã Hải Lăng so 12', [{ code: 'missing_value', field: 'unit', label: 'xã', found: 'Hải Lăng' }]],
    ['xã 195.10', [{ code: 'invalid_value', field: 'unit', label: 'xã', text: '195.10' }]],
    ['xa 19510 xa 19513', [{ code: 'duplicate_value', field: 'unit', values: ['19510', '19513'] }]],
  ])('%j', (text, problems) => {
    expect(problemsOf(text)).toEqual(problems);
  });

  it('drops a metric given two different values, keeps one given the same value twice', () => {
    expect(parse('sổ 12 sổ 13 quét 1540').figures).toEqual({ scanned: 1540 });
    expect(parse('sổ 12 sổ 12')).toMatchObject({ figures: { books: 12 }, problems: [] });
    expect(parse('ngày 10/03 ngày 10/3').date).toEqual({ day: 10, month: 3 });
    expect(parse('ngày 10/03 ngày 11/03').date).toBeUndefined();
  });

  it('keeps every valid figure when others are invalid', () => {
    expect(parse('so 12 scan -5 nhap 12,5 dinhkem 1100 abc')).toMatchObject({
      figures: { books: 12, attached: 1100 },
      problems: [
        { code: 'negative_number' },
        { code: 'not_whole_number' },
        { code: 'unknown_label', text: 'abc' },
      ],
    });
  });

  it.each(['', '   ', '/baocao', '/baocao@SohoaBot  ', ' , ; \n'])('%j is empty', (text) => {
    expect(parse(text)).toEqual({ figures: {}, problems: [], empty: true });
  });

  it('is not empty when something unreadable follows', () => {
    expect(parse('/baocao ???? abc').empty).toBe(false);
  });
});

describe('describeParseProblem', () => {
  const say = (text: string): string[] => parse(text).problems.map((p) => describeParseProblem(p, metrics));

  it('names the label back and lists the known ones', () => {
    expect(say('scam 12')).toEqual([
      'Không hiểu mục «scam» (12). Các mục báo cáo: sổ, quét, nhập và đính kèm.',
    ]);
  });

  it('writes numbers Vietnamese style', () => {
    expect(say('sổ 1200 sổ 1300')).toEqual([
      'Số sổ được ghi nhiều lần, khác nhau: 1.200 và 1.300. Chỉ ghi một số cho mỗi mục.',
    ]);
    expect(say('quét 20000000')[0]).toContain('(20.000.000, tối đa 10.000.000)');
  });

  it('says what was found where a number was expected', () => {
    expect(say('quét: abc')).toEqual(['Sau «quét» cần con số quét, nhưng lại là «abc».']);
  });

  it('has a full sentence for every kind of problem', () => {
    const every: ParseProblem[] = [
      { code: 'unknown_label', text: 'scam' },
      { code: 'missing_value', field: 'books', label: 'sổ' },
      { code: 'missing_value', field: 'date', label: 'ngày', found: 'mai' },
      { code: 'missing_value', field: 'unit', label: 'xã' },
      { code: 'number_without_label', text: '1540' },
      { code: 'negative_number', metric: 'entered', label: 'nhập', text: '-5' },
      { code: 'not_whole_number', metric: 'scanned', label: 'quét', text: '12,5' },
      { code: 'not_a_number', metric: 'scanned', label: 'quét', text: '80%' },
      { code: 'too_large', metric: 'scanned', label: 'quét', value: 20_000_000, limit: 10_000_000 },
      { code: 'duplicate_metric', metric: 'books', values: [12, 13] },
      { code: 'invalid_value', field: 'date', label: 'ngày', text: '31/02' },
      { code: 'invalid_value', field: 'unit', label: 'xã', text: '1.2' },
      { code: 'duplicate_value', field: 'date', values: ['10/03', '11/03'] },
    ];
    for (const problem of every) {
      expect(describeParseProblem(problem, metrics)).toMatch(/^\p{Lu}[^]*[.?]$/u);
      expect(describeParseProblem(problem, metrics)).not.toMatch(/undefined|NaN/);
    }
    expect(
      describeParseProblem(
        { code: 'negative_number', metric: 'entered', label: 'nhập', text: '-5' },
        metrics,
      ),
    ).toBe('Số của mục «nhập» không được âm («-5»).');
    expect(say('ngày 10/03 ngày 11/03 xã 1 xã 2')).toEqual([
      'Ngày được ghi nhiều lần, khác nhau: 10/03 và 11/03.',
      'Mã xã được ghi nhiều lần, khác nhau: 1 và 2.',
    ]);
  });
});
