import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadFontBytes } from '../../src/reports/font-files.js';
import { useFastSubset } from '../../src/reports/pdf-font-subset.js';

// The fast subset writer reaches into pdf-lib's and fontkit's internals (pinned versions): it must write
// exactly the bytes their own path writes, for Vietnamese text, composite glyphs and both faces, so a
// library change that breaks the assumption shows here rather than as a damaged report.

const TEXTS = [
  'Tỉnh Quảng Trị — Phường Đông Lễ, Xã Hướng Lập, Thị trấn Khe Sanh',
  'Số hóa sổ hộ tịch: ĐÃ ĐÍNH KÈM 1.234/5.919 (20,8%) · ứ ữ ự ỳ ỷ ỹ ỵ Ỵ Ễ ẫ',
  'fi fl ffi — “ngoặc” ‘đơn’ → ✓ ✗ € ½',
];

async function render(fast: boolean): Promise<Uint8Array> {
  const fonts = await loadFontBytes();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true, customName: 'SOHOAR+DejaVuSans' });
  const bold = await doc.embedFont(fonts.bold, { subset: true, customName: 'SOHOAB+DejaVuSans-Bold' });
  if (fast) {
    useFastSubset(regular);
    useFastSubset(bold);
    // Engaged, not passed over by its guards (which would make the comparison below vacuous).
    for (const font of [regular, bold])
      expect(Object.hasOwn((font as unknown as { embedder: object }).embedder, 'serializeFont')).toBe(true);
  }
  const page = doc.addPage([595, 842]);
  TEXTS.forEach((text, i) => {
    page.drawText(text, { x: 40, y: 780 - i * 40, size: 12, font: regular });
    page.drawText(text, { x: 40, y: 600 - i * 40, size: 12, font: bold });
  });
  return doc.save({ useObjectStreams: false });
}

describe('the fast font subset writer', () => {
  it('writes the same PDF bytes as pdf-lib’s own subset path, twice in a row (glyph cache warm)', async () => {
    const reference = Buffer.from(await render(false));
    expect(Buffer.from(await render(true)).equals(reference)).toBe(true);
    expect(Buffer.from(await render(true)).equals(reference)).toBe(true);
  });
});
