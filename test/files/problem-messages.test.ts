import { describe, expect, it } from 'vitest';
import type { SniffedFormat } from '../../src/domain/sniffed-format.js';
import { PROBLEM_CODES } from '../../src/domain/problem-codes.js';
import { formatKilobytes, formatPageList, problemFor } from '../../src/messages/file-problem-messages.js';
import type { Problem } from '../../src/domain/file-verdict.js';
import { DEFAULT_FILE_RULES } from '../../src/files/file-rules.js';
import type { ZipFault } from '../../src/domain/zip-fault.js';

const formats: Exclude<SniffedFormat, 'pdf'>[] = [
  'empty',
  'jpeg',
  'png',
  'tiff',
  'gif',
  'bmp',
  'webp',
  'heic',
  'doc',
  'docx',
  'xlsx',
  'pptx',
  'odf',
  'zip',
  'rar',
  '7z',
  'html',
  'unknown',
];
const zipFaults: ZipFault[] = [
  'damaged',
  'encrypted',
  'unsupported',
  'unsafe_path',
  'too_large',
  'too_many_entries',
];

const everyProblem: Problem[] = [
  problemFor.nameExtension('a.jpg', 'KS.2010.01.001.pdf'),
  problemFor.namePattern('a.pdf', 'KS.2010.01.001.pdf'),
  problemFor.nameTypeUnknown('XX', DEFAULT_FILE_RULES.typeCodes, 'KS.2010.01.001.pdf'),
  problemFor.nameYearFormat('10', 'KS.2010.01.001.pdf'),
  problemFor.nameYearFuture(2030, 2025, 'KS.2025.01.001.pdf'),
  problemFor.nameYearTooOld(1800, 1900, 'KS.2025.01.001.pdf'),
  problemFor.nameBookFormat('1', 'KS.2010.01.001.pdf'),
  problemFor.nameNumberFormat('1', 'KS.2010.01.001.pdf'),
  problemFor.sizeTooLarge(250_000, 102_400),
  ...formats.map((format) => problemFor.format(format)),
  problemFor.pdfTruncated(),
  problemFor.pdfDamaged(),
  problemFor.pdfEncrypted(),
  problemFor.pdfTooComplex('time'),
  problemFor.pdfRepaired(['header', 'xref', 'trailer', 'filter_names', 'end_marker']),
  problemFor.contentNoPages(),
  problemFor.contentMultiPage(3),
  problemFor.contentNoImage([1]),
  problemFor.contentLowDpi(72.5, 100, [1]),
  problemFor.contentBlankScan([2]),
  ...zipFaults.map((fault) => problemFor.zip(fault, 10, 5)),
];

describe('problem messages', () => {
  it('cover every problem code', () => {
    expect(new Set(everyProblem.map((problem) => problem.code))).toEqual(new Set(PROBLEM_CODES));
  });

  it.each(everyProblem.map((problem) => [problem.code, problem] as const))(
    '%s says what is wrong and how to fix it, in Vietnamese',
    (_code, problem) => {
      expect(problem.message).toBe(problem.message.normalize('NFC'));
      expect(problem.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      expect(problem.message).toMatch(/\b[Hh]ãy\b|hãy/);
      expect(problem.message.trim()).toMatch(/\.$/);
    },
  );

  it('shows sizes as a file manager does: KB, rounded up, decimal comma', () => {
    expect(formatKilobytes(102_400)).toBe('100,0');
    expect(formatKilobytes(102_401)).toBe('100,1');
    expect(formatKilobytes(1_536)).toBe('1,5');
    expect(formatKilobytes(5_000_000)).toBe('4.882,9');
    expect(problemFor.sizeTooLarge(250_000, 102_400).message).toContain('244,2 KB (250.000 byte)');
  });

  it('lists pages naturally', () => {
    expect(formatPageList([1])).toBe('trang 1');
    expect(formatPageList([2, 3])).toBe('các trang 2 và 3');
    expect(formatPageList([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toBe(
      'các trang 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 và 2 trang khác',
    );
  });
});
