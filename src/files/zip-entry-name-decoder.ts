import { decodeCp437 } from './cp437-decoder.js';
import { crc32 } from './crc32-checksum.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * An entry name as text: UTF-8 when the entry says so (flag bit 11) or carries an Info-ZIP Unicode Path, else
 * UTF-8 if the bytes are valid UTF-8, else code page 437 (the ZIP default).
 */
export function decodeZipEntryName(raw: Uint8Array, flags: number, extra: Uint8Array): string {
  if ((flags & 0x0800) !== 0) return utf8Or437(raw);
  const unicodePath = findUnicodePath(raw, extra);
  if (unicodePath !== undefined) return unicodePath;
  // Many tools write UTF-8 without setting the flag; valid UTF-8 with non-ASCII bytes is almost never CP437.
  return utf8Or437(raw);
}

function utf8Or437(raw: Uint8Array): string {
  try {
    return utf8.decode(raw);
  } catch {
    return decodeCp437(raw);
  }
}

// Info-ZIP Unicode Path (0x7075): 7-Zip and WinRAR add the UTF-8 name here, tied to the CP437 name by CRC.
function findUnicodePath(raw: Uint8Array, extra: Uint8Array): string | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; at += 4 + view.getUint16(at + 2, true)) {
    const length = view.getUint16(at + 2, true);
    if (view.getUint16(at, true) !== 0x7075 || length < 5 || at + 4 + length > extra.length) continue;
    if (extra[at + 4] !== 1 || view.getUint32(at + 5, true) !== crc32(raw)) continue;
    try {
      return utf8.decode(extra.subarray(at + 9, at + 4 + length));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
