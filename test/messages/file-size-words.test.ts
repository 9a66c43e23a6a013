import { describe, expect, it } from 'vitest';
import { formatKilobytes } from '../../src/messages/file-problem-messages.js';

describe('file sizes as a file manager shows them', () => {
  it('says 0,0 KB for an empty file, never a negative zero', () => {
    expect(formatKilobytes(0)).toBe('0,0');
  });

  it('rounds up, so one byte over the limit never reads as the limit', () => {
    expect(formatKilobytes(102_400)).toBe('100,0');
    expect(formatKilobytes(102_401)).toBe('100,1');
    expect(formatKilobytes(176_538)).toBe('172,5');
  });
});
