import { describe, expect, it } from 'vitest';
import { GUIDE_WEB_ADDRESS, guideText } from '../../src/demo/guide-images.js';

describe('the guide pictures’ texts', () => {
  it('show the province’s kind of web address instead of the demo’s loopback port', () => {
    expect(guideText('Xem chi tiết: http://127.0.0.1:35395/d/1?ngay=2025-03-03 (lần đầu mở …)')).toBe(
      `Xem chi tiết: ${GUIDE_WEB_ADDRESS}/d/1?ngay=2025-03-03 (lần đầu mở …)`,
    );
    expect(guideText('/baocao sổ 12 quét 1540')).toBe('/baocao sổ 12 quét 1540');
  });
});
