import type { SniffedFormat } from '../domain/sniffed-format.js';

// Readers accept a PDF header anywhere in the first 1,024 bytes (some scanners prepend junk).
const PDF_HEADER_WINDOW = 1024;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const HTML_PREFIXES = ['<!doctype html', '<html', '<head', '<body', '<meta', '<title', '<script'];

/** Sniffs the format from magic bytes only; never parses the whole file. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) return 'empty';
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, PDF_HEADER_WINDOW).indexOf(PDF_MAGIC) >= 0) return 'pdf';
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buffer, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buffer, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  if (ascii(buffer, 0, 4) === 'GIF8') return 'gif';
  if (ascii(buffer, 0, 2) === 'BM' && buffer.length >= 14 && buffer.readUInt32LE(2) === buffer.length)
    return 'bmp';
  if (ascii(buffer, 0, 4) === 'RIFF' && ascii(buffer, 8, 12) === 'WEBP') return 'webp';
  if (ascii(buffer, 4, 8) === 'ftyp' && /^(heic|heix|hevc|mif1|msf1|avif)$/.test(ascii(buffer, 8, 12)))
    return 'heic';
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buffer, [0x50, 0x4b, 0x05, 0x06])) {
    return sniffZipFlavour(buffer);
  }
  if (ascii(buffer, 0, 6) === 'Rar!\u001a\u0007') return 'rar';
  if (startsWith(buffer, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (looksLikeHtml(buffer)) return 'html';
  return 'unknown';
}

// Office documents are ZIPs; their member names sit in plain text in the local headers, so a byte
// search is enough to tell them apart without opening the archive.
function sniffZipFlavour(buffer: Buffer): SniffedFormat {
  if (buffer.indexOf('mimetypeapplication/vnd.oasis.opendocument', 0, 'latin1') >= 0) return 'odf';
  if (buffer.indexOf('[Content_Types].xml', 0, 'latin1') >= 0) {
    if (buffer.indexOf('word/', 0, 'latin1') >= 0) return 'docx';
    if (buffer.indexOf('xl/', 0, 'latin1') >= 0) return 'xlsx';
    if (buffer.indexOf('ppt/', 0, 'latin1') >= 0) return 'pptx';
  }
  return 'zip';
}

function looksLikeHtml(buffer: Buffer): boolean {
  // Skip a UTF-8 byte-order mark and leading whitespace, then look at the first tag.
  let text = buffer.subarray(0, 512).toString('latin1');
  text = text
    .replace(/^\u00ef\u00bb\u00bf/, '')
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<?xml')) return /<html[\s>]/.test(text);
  return HTML_PREFIXES.some((prefix) => text.startsWith(prefix));
}

function startsWith(buffer: Buffer, magic: readonly number[]): boolean {
  return buffer.length >= magic.length && magic.every((byte, index) => buffer[index] === byte);
}

function ascii(buffer: Buffer, start: number, end: number): string {
  return buffer.length >= end ? buffer.toString('latin1', start, end) : '';
}
