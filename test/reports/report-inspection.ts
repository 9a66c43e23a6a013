import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG');
  if (png.toString('ascii', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** What a decoded image contains: how much of it is not white, and how much is near given colours. */
export interface InkStats {
  width: number;
  height: number;
  nonWhiteShare: number;
  /** Pixels within a small distance of each requested '#rrggbb' colour. */
  colorCounts: Record<string, number>;
}

/** Decodes a PNG with the canvas library, draws it, and counts its pixels. */
export async function inkStats(png: Buffer, colors: readonly string[] = []): Promise<InkStats> {
  const image = await loadImage(png);
  const { width, height } = image;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, width, height).data;
  const targets = colors.map((hex) => {
    const value = Number.parseInt(hex.slice(1), 16);
    return { hex, r: value >> 16, g: (value >> 8) & 0xff, b: value & 0xff };
  });
  const colorCounts: Record<string, number> = Object.fromEntries(colors.map((hex) => [hex, 0]));
  let nonWhite = 0;
  for (let index = 0; index < data.length; index += 4) {
    const r = data[index] ?? 0;
    const g = data[index + 1] ?? 0;
    const b = data[index + 2] ?? 0;
    if (r < 245 || g < 245 || b < 245) nonWhite += 1;
    for (const target of targets) {
      if (Math.abs(r - target.r) + Math.abs(g - target.g) + Math.abs(b - target.b) < 24) {
        colorCounts[target.hex] = (colorCounts[target.hex] ?? 0) + 1;
      }
    }
  }
  return { width, height, nonWhiteShare: nonWhite / (width * height), colorCounts };
}

/** True when poppler's command-line tools are installed. */
export function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The text of each page (pdftotext -layout), or null when pdftotext is not installed. */
export function pdfPageTexts(pdf: Uint8Array): string[] | null {
  if (!hasPoppler()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    // pdftotext ends every page with a form feed.
    return text.split('\f').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PNG's pixels as RGB (alpha dropped), decoded by the canvas library — not by the code under test. */
export async function decodePngPixels(
  png: Buffer,
): Promise<{ width: number; height: number; rgb: Uint8Array }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const rgba = context.getImageData(0, 0, image.width, image.height).data;
  const rgb = new Uint8Array(image.width * image.height * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4) {
    rgb[o++] = rgba[i] ?? 0;
    rgb[o++] = rgba[i + 1] ?? 0;
    rgb[o++] = rgba[i + 2] ?? 0;
  }
  return { width: image.width, height: image.height, rgb };
}
