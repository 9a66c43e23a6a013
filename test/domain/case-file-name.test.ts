import { describe, expect, it } from 'vitest';
import { readCaseFileName } from '../../src/domain/case-file-name.js';
import { DEFAULT_FILE_RULES } from '../../src/files/file-rules.js';

const rules = { typeCodes: DEFAULT_FILE_RULES.typeCodes, minYear: 1900, maxYear: 2025 };
const read = (name: string) => readCaseFileName(name, rules);

describe('readCaseFileName', () => {
  it('keeps the type words, the year and the case number of a free-form name', () => {
    expect(read('Khai tu 241 (2009).pdf')).toEqual({ type: 'KT', year: 2009, number: '241' });
    expect(read('Khai sinh 2010 q1 so 15')).toEqual({ type: 'KS', year: 2010, book: '01', number: '015' });
    expect(read('KẾT HÔN năm 1998 quyển 3 số 45.PDF')).toEqual({
      type: 'KH',
      year: 1998,
      book: '03',
      number: '045',
    });
    expect(read('nhan cha me con sổ 2 số 7 2001.pdf')).toEqual({
      type: 'CMC',
      year: 2001,
      book: '02',
      number: '007',
    });
    expect(read('khaisinh_2015_4_120.pdf')).toEqual({ type: 'KS', year: 2015, book: '04', number: '120' });
  });

  it('reads type codes in any case and the rule’s own shape', () => {
    expect(read('ks_2010-1-1.PDF')).toEqual({ type: 'KS', year: 2010, book: '01', number: '001' });
    expect(read('KT 1998 3 45.docx')).toEqual({ type: 'KT', year: 1998, book: '03', number: '045' });
    expect(read('kh.2001.02.0345.pdf')).toEqual({ type: 'KH', year: 2001, book: '02', number: '0345' });
  });

  it('leaves out what the name does not say, or says wrongly', () => {
    expect(read('scan.pdf')).toEqual({});
    expect(read('XX.2030.1.1.pdf')).toEqual({ book: '01', number: '001' });
    expect(read('KS.10.01.001.pdf')).toEqual({ type: 'KS', book: '01', number: '001' });
  });
});
