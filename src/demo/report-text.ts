import type { Figures } from '../domain/progress.js';
import type { ReportStyle } from './commune-profile.js';

/** 1540 → "1.540", the way Vietnamese staff often type large numbers. */
function dotted(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * A `/baocao` message in one of the ways people write it: one line without diacritics, with diacritics
 * and colons, or one figure per line. (The step-by-step style starts with `/baocao` alone; see the actor.)
 */
export function reportText(figures: Figures, style: Exclude<ReportStyle, 'wizard'>): string {
  const { books, scanned, entered, attached } = figures;
  switch (style) {
    case 'line':
      return `/baocao so ${books} scan ${scanned} nhap ${entered} dinhkem ${attached}`;
    case 'diacritics':
      return `/baocao sổ: ${books}, quét: ${scanned}, nhập: ${entered}, đính kèm: ${attached}`;
    case 'multiline':
      return [
        '/baocao',
        `Sổ = ${books}`,
        `Quét = ${dotted(scanned)}`,
        `Nhập = ${dotted(entered)}`,
        `Đính kèm = ${dotted(attached)}`,
      ].join('\n');
  }
}

/** The scanned figure with a zero typed too many (or more, until it is past the target). */
export function typoOf(value: number, targetCases: number): number {
  let typo = Math.max(1, value) * 10;
  while (typo <= targetCases) typo *= 10;
  return typo;
}
