import type { PDFFont } from 'pdf-lib';

// pdf-lib writes a font subset through fontkit's `subset.encodeStream()`: a browser-style readable
// stream whose chunks and end arrive on fontkit's own nextTick shim, i.e. one setTimeout (≥ 1 ms)
// after another, twice per document; and fontkit decodes every glyph's whole outline again, per
// document, only to learn whether it is a composite. Here the same `subset.encode` writes into a plain
// growing buffer at once, and each glyph's bytes and metrics are read from the font once per process.
// The bytes are those fontkit writes: the evening PDFs came out byte for byte the same with and without.

/** The part of a fontkit glyph this module reads. */
interface FontkitGlyph {
  advanceWidth: number;
  _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
  _getMetrics(): { leftBearing: number };
}

/** The part of a fontkit TrueType font this module reads. */
interface FontkitFont {
  getGlyph(id: number): FontkitGlyph;
  loca?: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  _variationProcessor?: unknown;
}

/** The fields of fontkit's TTFSubset that its `encode` and `_addGlyph` use. */
interface TtfSubset {
  font: FontkitFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(glyph: number): number;
  encode(stream: SubsetSink): void;
  _addGlyph(gid: number): number;
}

/** One glyph as the subset copies it: its glyf bytes, its composite parts and its metrics. */
interface GlyphEntry {
  bytes: Uint8Array;
  components: readonly { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

const glyphEntries = new WeakMap<FontkitFont, Map<number, GlyphEntry>>();

function glyphEntry(font: FontkitFont, gid: number): GlyphEntry | null {
  let entries = glyphEntries.get(font);
  if (!entries) {
    entries = new Map();
    glyphEntries.set(font, entries);
  }
  let entry = entries.get(gid);
  if (entry) return entry;
  const offsets = font.loca?.offsets;
  if (!offsets) return null;
  const glyph = font.getGlyph(gid);
  const glyf = glyph._decode();
  // A variable font re-encodes its outlines per instance: fontkit's own path.
  if (glyf && font._variationProcessor) return null;
  const stream = font._getTableStream('glyf');
  stream.pos += offsets[gid] ?? 0;
  const bytes = stream.readBuffer((offsets[gid + 1] ?? 0) - (offsets[gid] ?? 0));
  entry = {
    bytes: Uint8Array.from(bytes),
    components:
      glyf && glyf.numberOfContours < 0
        ? (glyf.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos }))
        : null,
    advance: glyph.advanceWidth,
    bearing: glyph._getMetrics().leftBearing,
  };
  entries.set(gid, entry);
  return entry;
}

/** TTFSubset._addGlyph from cached glyph entries; the original's steps, in its order. */
function addCachedGlyph(subset: TtfSubset, original: (gid: number) => number, gid: number): number {
  const entry = glyphEntry(subset.font, gid);
  if (!entry) return original.call(subset, gid);
  let bytes = entry.bytes;
  if (entry.components) {
    const copy = Buffer.from(bytes);
    for (const component of entry.components) {
      copy.writeUInt16BE(subset.includeGlyph(component.glyphID), component.pos);
    }
    bytes = copy;
  }
  subset.glyf.push(bytes);
  subset.loca.offsets.push(subset.offset);
  subset.hmtx.metrics.push({ advance: entry.advance, bearing: entry.bearing });
  subset.offset += bytes.length;
  return subset.glyf.length - 1;
}

type Writer = (this: SubsetSink, value: number) => number;

/** The writing side of restructure's EncodeStream, into one growing buffer and without a stream. */
class SubsetSink {
  buffer = Buffer.alloc(1 << 16);
  pos = 0;

  ensure(bytes: number): void {
    if (this.pos + bytes <= this.buffer.length) return;
    const grown = Buffer.alloc(Math.max(this.buffer.length * 2, this.pos + bytes));
    this.buffer.copy(grown, 0, 0, this.pos);
    this.buffer = grown;
  }

  writeBuffer(bytes: Uint8Array): number {
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.pos);
    return (this.pos += bytes.length);
  }

  writeString(text: string, encoding = 'ascii'): number {
    if (encoding === 'utf16be') {
      const bytes = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < bytes.length; i += 2) {
        const byte = bytes[i] ?? 0;
        bytes[i] = bytes[i + 1] ?? 0;
        bytes[i + 1] = byte;
      }
      return this.writeBuffer(bytes);
    }
    if (!['utf16le', 'ucs2', 'utf8', 'ascii'].includes(encoding)) {
      throw new Error(`Font subset: no string encoding ${encoding}`);
    }
    return this.writeBuffer(Buffer.from(text, encoding as BufferEncoding));
  }

  fill(value: number, length: number): number {
    this.ensure(length);
    this.buffer.fill(value, this.pos, this.pos + length);
    return (this.pos += length);
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.pos);
  }
}

const writers = SubsetSink.prototype as unknown as Record<string, Writer>;

// Every fixed-size write restructure's number types call (`write${type}${endian}`), as EncodeStream has them.
const SIZES: Record<string, number> = {
  UInt8: 1,
  UInt16: 2,
  UInt32: 4,
  Int8: 1,
  Int16: 2,
  Int32: 4,
  Float: 4,
  Double: 8,
};
for (const [type, size] of Object.entries(SIZES)) {
  for (const endian of size === 1 ? [''] : ['BE', 'LE']) {
    const name = `write${type}${endian}` as const;
    const write = Buffer.prototype[name as keyof Buffer] as (value: number, offset: number) => number;
    writers[name] = function (this: SubsetSink, value: number) {
      this.ensure(size);
      write.call(this.buffer, value, this.pos);
      return (this.pos += size);
    };
  }
}
for (const signed of [false, true]) {
  for (const endian of ['BE', 'LE']) {
    writers[`write${signed ? 'Int' : 'UInt'}24${endian}`] = function (this: SubsetSink, value) {
      const v = signed && value < 0 ? value + 0xffffff + 1 : value;
      const bytes = [(v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
      return this.writeBuffer(Uint8Array.from(endian === 'BE' ? bytes : bytes.reverse()));
    };
  }
}

/** The fields of pdf-lib's CustomFontSubsetEmbedder this module replaces. */
interface SubsetEmbedder {
  subset?: Partial<TtfSubset>;
  serializeFont?: () => Promise<Uint8Array>;
}

/**
 * Makes a subset-embedded TrueType PDFFont serialize its subset synchronously from cached glyphs.
 * Leaves any other font (not a pdf-lib subset, a CFF font) as pdf-lib made it.
 */
export function useFastSubset(font: PDFFont): void {
  const embedder = (font as unknown as { embedder?: SubsetEmbedder }).embedder;
  const subset = embedder?.subset;
  if (
    !embedder ||
    !subset ||
    typeof subset.encode !== 'function' ||
    typeof subset._addGlyph !== 'function' ||
    !subset.font?.loca
  ) {
    return;
  }
  const ttf = subset as TtfSubset;
  const original = ttf._addGlyph;
  ttf._addGlyph = (gid: number) => addCachedGlyph(ttf, original, gid);
  embedder.serializeFont = () => {
    const sink = new SubsetSink();
    ttf.encode(sink);
    return Promise.resolve(sink.bytes());
  };
}
