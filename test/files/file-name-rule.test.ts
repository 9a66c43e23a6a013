import { describe, expect, it } from 'vitest';
import {
  campaignYear,
  checkFileName,
  parseCaseFileName,
  suggestFileName,
} from '../../src/files/file-name-rule.js';
import { DEFAULT_FILE_RULES, type FileRules } from '../../src/files/file-rules.js';

const now = new Date('2025-03-10T03:00:00Z');
const codes = (name: string, rules: FileRules = DEFAULT_FILE_RULES) =>
  checkFileName(name, rules, now).map((problem) => problem.code);

describe('file name rule', () => {
  it.each([
    'KS.2010.01.001.pdf',
    'KT.1990.12.1234.pdf',
    'TDHT.2025.001.00001.pdf',
    'KS.2010.01.001.PDF',
    'KH.1900.10.100.Pdf',
  ])('accepts %s', (name) => {
    expect(codes(name)).toEqual([]);
  });

  it.each([
    ['XX.2010.01.001.pdf', ['name.type_unknown']],
    ['ks.2010.01.001.pdf', ['name.type_unknown']],
    ['KS.2026.01.001.pdf', ['name.year_future']],
    ['KS.1899.01.001.pdf', ['name.year_too_old']],
    ['KS.10.01.001.pdf', ['name.year_format']],
    ['KS.2010.1.001.pdf', ['name.book_format']],
    ['KS.2010.01.01.pdf', ['name.number_format']],
    ['KS.2010.1.1.pdf', ['name.book_format', 'name.number_format']],
    ['KS-2010-01-001.pdf', ['name.pattern']],
    ['KS_2010_01_001.pdf', ['name.pattern']],
    ['KS 2010 01 001.pdf', ['name.pattern']],
    ['KS.2010.01.001.1.pdf', ['name.pattern']],
    ['KS.2010..001.pdf', ['name.pattern']],
    ['KS.2010.01.001', ['name.extension']],
    ['KS.2010.01.001.jpg', ['name.extension']],
    ['KS.2010.01.001.pdf.docx', ['name.extension', 'name.pattern']],
    ['XX.2030.1.1.pdf', ['name.type_unknown', 'name.year_future', 'name.book_format', 'name.number_format']],
  ])('rejects %s with %j', (name, expected) => {
    expect(codes(name)).toEqual(expected);
  });

  it('checks only the base name of a path or ZIP entry', () => {
    expect(codes('scans/2010/KS.2010.01.001.pdf')).toEqual([]);
    expect(codes('C:\\Quét\\KS.2010.01.001.pdf')).toEqual([]);
  });

  it('judges the year in Vietnam time, not UTC', () => {
    // 2025-12-31T18:00Z is already 1 January 2026 in Hà Nội.
    const newYear = new Date('2025-12-31T18:00:00Z');
    expect(campaignYear(newYear)).toBe(2026);
    expect(checkFileName('KS.2026.01.001.pdf', DEFAULT_FILE_RULES, newYear)).toEqual([]);
  });

  it('uses the campaign type codes and oldest year', () => {
    const rules: FileRules = { ...DEFAULT_FILE_RULES, typeCodes: { KS: 'Khai sinh' }, minYear: 1975 };
    expect(codes('KT.2010.01.001.pdf', rules)).toEqual(['name.type_unknown']);
    expect(codes('KS.1974.01.001.pdf', rules)).toEqual(['name.year_too_old']);
    expect(codes('KS.1975.01.001.pdf', rules)).toEqual([]);
  });

  it('does not treat inherited object keys as type codes', () => {
    expect(codes('constructor.2010.01.001.pdf')).toEqual(['name.type_unknown']);
  });

  it('suggests a corrected name built from what was sent', () => {
    expect(suggestFileName('ks_2010-1-1.PDF', DEFAULT_FILE_RULES, now)).toBe('KS.2010.01.001.pdf');
    expect(suggestFileName('KT 1998 3 45.docx', DEFAULT_FILE_RULES, now)).toBe('KT.1998.03.045.pdf');
    expect(suggestFileName('scan0001.pdf', DEFAULT_FILE_RULES, now)).toBe('<loại>.<năm>.<quyển>.0001.pdf');
    const [problem] = checkFileName('KS-2010-01-001.pdf', DEFAULT_FILE_RULES, now);
    expect(problem?.message).toContain('KS.2010.01.001.pdf');
    expect(problem?.message).toContain('LOẠI.NĂM.QUYỂN.SỐ.pdf');
  });

  it('keeps what a free-form name says and names only the missing parts', () => {
    // The campaign's type list as the database returns it (jsonb orders keys): GH first.
    const stored: FileRules = {
      ...DEFAULT_FILE_RULES,
      typeCodes: Object.fromEntries(Object.entries(DEFAULT_FILE_RULES.typeCodes).sort()),
    };
    expect(suggestFileName('Khai tu 241 (2009).pdf', stored, now)).toBe('KT.2009.<quyển>.241.pdf');
    expect(suggestFileName('Khai sinh 2010 q1 so 15.pdf', stored, now)).toBe('KS.2010.01.015.pdf');
    const [problem] = checkFileName('Khai tu 241 (2009).pdf', stored, now);
    expect(problem?.code).toBe('name.pattern');
    expect(problem?.message).toContain(
      'ví dụ KT.2009.<quyển>.241.pdf (tên tệp chưa có số quyển: điền vào chỗ <quyển> theo sổ).',
    );
    expect(problem?.message).not.toContain('GH.');
  });

  it('parses a valid name into its parts', () => {
    expect(parseCaseFileName('KH.2001.02.0345.PDF', DEFAULT_FILE_RULES, now)).toEqual({
      type: 'KH',
      year: 2001,
      book: '02',
      number: '0345',
    });
    expect(parseCaseFileName('KH.2001.2.0345.pdf', DEFAULT_FILE_RULES, now)).toBeUndefined();
  });
});
