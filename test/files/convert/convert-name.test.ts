import { describe, expect, it } from 'vitest';
import { convertedName } from '../../../src/files/convert/convert-name.js';
import { DEFAULT_FILE_RULES } from '../../../src/files/file-rules.js';

const now = new Date('2025-03-10T03:00:00Z');

describe('convertedName', () => {
  it('names by the rule from the caption, then from the file name', () => {
    expect(convertedName('anh.jpg', 'Khai sinh 2010 q1 so 15', DEFAULT_FILE_RULES, now)).toEqual({
      kind: 'rule',
      name: 'KS.2010.01.015.pdf',
    });
    expect(convertedName('ks_2010-1-1.png', undefined, DEFAULT_FILE_RULES, now)).toEqual({
      kind: 'rule',
      name: 'KS.2010.01.001.pdf',
    });
    // The caption gives the type; the file name the rest.
    expect(convertedName('2011 q2 so 7.jpg', 'khai tử', DEFAULT_FILE_RULES, now)).toEqual({
      kind: 'rule',
      name: 'KT.2011.02.007.pdf',
    });
  });

  it('ignores a camera’s own numbering and lists what is missing', () => {
    expect(convertedName('IMG_2041.jpg', 'Khai sinh 2010 q1', DEFAULT_FILE_RULES, now)).toEqual({
      kind: 'incomplete',
      name: 'IMG_2041.pdf',
      known: { type: 'KS', year: 2010, book: '01' },
      missing: ['number'],
    });
    expect(convertedName('PXL_20250310_081500.jpg', undefined, DEFAULT_FILE_RULES, now)).toMatchObject({
      kind: 'incomplete',
      missing: ['type', 'year', 'book', 'number'],
    });
  });
});
