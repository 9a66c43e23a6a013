import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';

/** What a generated scan shows: lines of dark "glyph" blocks, one flat colour, or random grey noise. */
export type ScanContent = 'text' | 'blank' | 'black' | 'grey' | 'noise';

const BACKGROUND: Record<ScanContent, string> = {
  text: '#ffffff',
  blank: '#ffffff',
  black: '#000000',
  grey: '#9a9a9a',
  noise: '#ffffff',
};

/** A deterministic pseudo-random source, so the corpus is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function paint(width: number, height: number, content: ScanContent, seed: number) {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const random = seededRandom(seed);
  context.fillStyle = BACKGROUND[content];
  context.fillRect(0, 0, width, height);
  if (content === 'text') {
    // Rectangles rather than fillText: no dependency on the fonts installed on the machine.
    context.fillStyle = '#202020';
    const lineHeight = Math.max(6, Math.round(height / 40));
    for (let y = lineHeight; y < height - lineHeight; y += lineHeight * 1.6) {
      for (let x = width * 0.08; x < width * 0.9;) {
        const glyph = Math.max(2, (lineHeight / 2) * (0.4 + random()));
        if (random() > 0.15) context.fillRect(x, y, glyph, lineHeight * (0.6 + random() * 0.4));
        x += glyph + 1 + random() * (lineHeight / 3);
      }
    }
  } else if (content === 'noise') {
    const image = context.getImageData(0, 0, width, height);
    for (let index = 0; index < image.data.length; index += 4) {
      const value = 120 + random() * 135;
      image.data[index] = value;
      image.data[index + 1] = value;
      image.data[index + 2] = value;
    }
    context.putImageData(image, 0, 0);
  }
  return canvas;
}

/** A real JPEG of the given pixel size. */
export async function makeJpeg(
  width: number,
  height: number,
  content: ScanContent = 'text',
  quality = 40,
  seed = 1,
): Promise<Uint8Array> {
  return new Uint8Array(await paint(width, height, content, seed).encode('jpeg', quality));
}

/** A real PNG of the given pixel size. */
export async function makePng(
  width: number,
  height: number,
  content: ScanContent = 'text',
  seed = 1,
): Promise<Uint8Array> {
  return new Uint8Array(await paint(width, height, content, seed).encode('png'));
}

/** One page of a generated PDF: its size in points and the image drawn over it, if any. */
export interface PageSpec {
  readonly widthPt: number;
  readonly heightPt: number;
  readonly image?: { readonly kind: 'jpeg' | 'png'; readonly bytes: Uint8Array };
  /** Typed text instead of (or besides) an image, like a Word export. */
  readonly text?: string;
}

/** A PDF made with pdf-lib, each page carrying its image stretched over the whole page. */
export async function makeScanPdf(
  pages: readonly PageSpec[],
  options: { useObjectStreams?: boolean } = {},
): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (const spec of pages) {
    const page = document.addPage([spec.widthPt, spec.heightPt]);
    if (spec.image) {
      const image =
        spec.image.kind === 'jpeg'
          ? await document.embedJpg(spec.image.bytes)
          : await document.embedPng(spec.image.bytes);
      page.drawImage(image, { x: 0, y: 0, width: spec.widthPt, height: spec.heightPt });
    }
    if (spec.text !== undefined) page.drawText(spec.text, { x: 50, y: spec.heightPt - 80, size: 12 });
  }
  return document.save({ useObjectStreams: options.useObjectStreams ?? false });
}

/** A one-page scan: an image of `widthPx`×`heightPx` over a page of `widthPt`×`heightPt`. */
export async function makeOnePageScan(
  widthPx: number,
  heightPx: number,
  widthPt = 595.28,
  heightPt = 841.89,
  content: ScanContent = 'text',
): Promise<Uint8Array> {
  return makeScanPdf([
    { widthPt, heightPt, image: { kind: 'jpeg', bytes: await makeJpeg(widthPx, heightPx, content) } },
  ]);
}

/**
 * Assembles a PDF from raw object bodies with a correct xref table, for structures pdf-lib will not write
 * (cycles, encryption dictionaries, bombs). Body `i` becomes object `i + 1`; a body may be bytes.
 */
export function rawPdf(bodies: readonly (string | Uint8Array)[], trailer: string): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  bodies.forEach((body, index) => {
    offsets.push(offset);
    const chunk = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : Buffer.from(body),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [
    `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`),
  ].join('');
  chunks.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${bodies.length + 1} ${trailer} >>\nstartxref\n${offset}\n%%EOF\n`,
      'latin1',
    ),
  );
  return new Uint8Array(Buffer.concat(chunks));
}

/** A stream object body: dictionary entries plus data, with /Length filled in. */
export function streamBody(dict: string, data: Uint8Array): Uint8Array {
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
    Buffer.from(data),
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/**
 * Deflates `total` zero bytes without ever holding them: a 1 MiB block of zeros is compressed once into
 * byte-aligned, non-final deflate blocks (a full flush), and copies of those blocks are concatenated. Each
 * copy starts without history, so the concatenation is a valid stream — a 1 GiB bomb costs about 1 MB.
 */
export function deflatedZeros(total: number, format: 'zlib' | 'raw' = 'zlib'): Uint8Array {
  const chunkSize = 1024 * 1024;
  const whole = deflateRawSync(Buffer.alloc(chunkSize), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [];
  for (let written = 0; written + chunkSize <= total; written += chunkSize) parts.push(whole);
  const rest = total % chunkSize;
  if (rest > 0)
    parts.push(deflateRawSync(Buffer.alloc(rest), { level: 9, finishFlush: constants.Z_FULL_FLUSH }));
  parts.push(deflateRawSync(Buffer.alloc(0))); // an empty final block
  if (format === 'raw') return new Uint8Array(Buffer.concat(parts));
  // zlib wrapper: header, then Adler-32 of `total` zeros (a stays 1, b grows by 1 per byte).
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE((((total % 65_521) << 16) | 1) >>> 0);
  return new Uint8Array(Buffer.concat([Buffer.from([0x78, 0xda]), ...parts, trailer]));
}

/** A minimal deflated stream, for tests that need small valid Flate data. */
export function deflate(data: Uint8Array | string): Uint8Array {
  return new Uint8Array(deflateSync(typeof data === 'string' ? Buffer.from(data, 'latin1') : data));
}

/**
 * A one-page scan padded to exactly `target` bytes with a literal string in the catalog. pdf-lib writes
 * fixed-width xref offsets, so the file grows by exactly one byte per padding character.
 */
export async function makeScanOfSize(
  target: number,
  image: Uint8Array,
  widthPt = 720,
  heightPt = 720,
): Promise<Uint8Array> {
  const build = async (padding: number) => {
    const document = await PDFDocument.create();
    const page = document.addPage([widthPt, heightPt]);
    const embedded = await document.embedJpg(image);
    page.drawImage(embedded, { x: 0, y: 0, width: widthPt, height: heightPt });
    document.catalog.set(PDFName.of('Padding'), PDFString.of('x'.repeat(padding)));
    return document.save({ useObjectStreams: false });
  };
  const base = await build(0);
  if (base.length > target) throw new Error(`image too large for a ${target}-byte file`);
  // The startxref offset is not fixed-width and may gain a digit, so converge in a few rounds.
  let padding = target - base.length;
  for (let round = 0; round < 4; round += 1) {
    const padded = await build(padding);
    if (padded.length === target) return padded;
    padding += target - padded.length;
  }
  throw new Error(`could not pad to ${target} bytes`);
}

/**
 * A bilevel page (1 bit per pixel, DeviceGray: 0 black, 1 white) of `width`×`height` pixels: lines of dark
 * "glyph" blocks like a typed text, or nothing ('blank'). Rows are packed as PDF expects.
 */
export function bilevelPage(width: number, height: number, content: 'text' | 'blank', seed = 3): Uint8Array {
  const rowBytes = Math.ceil(width / 8);
  const bytes = new Uint8Array(rowBytes * height).fill(0xff);
  if (content === 'blank') return bytes;
  const random = seededRandom(seed);
  const lineHeight = Math.max(8, Math.round(height / 40));
  for (
    let top = lineHeight * 2;
    top + lineHeight < height - lineHeight;
    top += Math.round(lineHeight * 1.6)
  ) {
    for (let x = Math.round(width * 0.08); x < width * 0.9;) {
      const glyph = Math.max(2, Math.round((lineHeight / 2) * (0.4 + random())));
      if (random() > 0.15)
        for (let y = top; y < top + Math.round(lineHeight * 0.7); y += 1)
          for (let dx = 0; dx < glyph; dx += 1) {
            const at = y * rowBytes + ((x + dx) >> 3);
            bytes[at] = (bytes[at] ?? 0) & ~(0x80 >> ((x + dx) & 7));
          }
      x += glyph + 1 + Math.round(random() * (lineHeight / 3));
    }
  }
  return bytes;
}

/**
 * A page stored as horizontal image strips, as strip scanners and PCLm write it: `height / stripHeight`
 * bilevel Flate images, each drawn at its place with `q w 0 0 h x y cm /Sn Do Q`, at `dpi`.
 */
export function makeStripPdf(
  width: number,
  height: number,
  stripHeight: number,
  dpi: number,
  content: 'text' | 'blank',
): Uint8Array {
  const pixels = bilevelPage(width, height, content);
  const rowBytes = Math.ceil(width / 8);
  const strips = Math.ceil(height / stripHeight);
  const widthPt = (width / dpi) * 72;
  const heightPt = (height / dpi) * 72;
  const firstImage = 5;
  const names: string[] = [];
  const draws: string[] = [];
  const images: Uint8Array[] = [];
  for (let index = 0; index < strips; index += 1) {
    const rows = Math.min(stripHeight, height - index * stripHeight);
    const data = pixels.subarray(index * stripHeight * rowBytes, (index * stripHeight + rows) * rowBytes);
    images.push(
      streamBody(
        `/Type /XObject /Subtype /Image /Width ${width} /Height ${rows} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode`,
        deflate(data),
      ),
    );
    names.push(`/S${index} ${firstImage + index} 0 R`);
    const stripPt = (rows / dpi) * 72;
    const y = heightPt - ((index * stripHeight) / dpi) * 72 - stripPt;
    draws.push(`q ${widthPt.toFixed(4)} 0 0 ${stripPt.toFixed(4)} 0 ${y.toFixed(4)} cm /S${index} Do Q`);
  }
  return rawPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${widthPt.toFixed(4)} ${heightPt.toFixed(4)}] /Contents 4 0 R /Resources << /XObject << ${names.join(' ')} >> >> >>`,
      streamBody('/Filter /FlateDecode', deflate(draws.join('\n'))),
      ...images,
    ],
    '/Root 1 0 R',
  );
}

/** Vertical bars of saturated colours, like a test chart. */
export async function makeColourBars(
  width: number,
  height: number,
  kind: 'png' | 'jpeg',
): Promise<Uint8Array> {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const colours = ['#c0c0c0', '#c0c000', '#00c0c0', '#00c000', '#c000c0', '#c00000', '#0000c0'];
  colours.forEach((colour, index) => {
    context.fillStyle = colour;
    context.fillRect(
      Math.floor((index * width) / colours.length),
      0,
      Math.ceil(width / colours.length),
      height,
    );
  });
  return new Uint8Array(kind === 'png' ? await canvas.encode('png') : await canvas.encode('jpeg', 90));
}
