// pdf-lib asks fontkit for a full OpenType layout of every string it measures or draws (about 0.2 ms
// each with DejaVu Sans), yet keeps only the glyphs of the run: positions, and so kerning, are dropped.
// For NFC text the glyphs are those of each code point, except where the font substitutes: DejaVu's
// f-ligatures (ff, fi, fl, ffi, ffl) and combining marks. Strings free of those take one cmap lookup
// per character; any other string keeps fontkit's layout. test/reports/pdf-glyph-layout.test.ts checks
// that both give the same glyphs for every unit name of the official lists.

/** The part of a fontkit font this module uses. */
interface LayoutFont {
  layout(text: string, ...rest: unknown[]): { glyphs: unknown[] };
  glyphForCodePoint(codePoint: number): unknown;
}

// Where shaping may change the glyphs: an 'f' (ligatures), combining marks, surrogates (outside the BMP).
function shapes(code: number): boolean {
  return (
    code === 0x66 ||
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f) ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

const patched = new WeakSet<object>();

/** True when `text` takes the per-character path (exported for the equivalence test). */
export function layoutNeedsShaping(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (shapes(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Makes `font.layout` answer plain strings from a per-code-point glyph cache; idempotent. Only pdf-lib
 * calls layout on the report fonts, and only reads the run's glyphs.
 */
export function useCmapLayout<T extends object>(font: T): T {
  const target = font as unknown as LayoutFont;
  if (patched.has(font) || typeof target.layout !== 'function') return font;
  patched.add(font);
  const shaped = target.layout.bind(target);
  const glyphs = new Map<number, unknown>();
  target.layout = (text: string, ...rest: unknown[]) => {
    if (rest.some((arg) => arg !== undefined) || layoutNeedsShaping(text)) return shaped(text, ...rest);
    const run: unknown[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let glyph = glyphs.get(code);
      if (glyph === undefined) {
        glyph = target.glyphForCodePoint(code);
        glyphs.set(code, glyph);
      }
      run.push(glyph);
    }
    return { glyphs: run };
  };
  return font;
}
