import { verdictStatus, type FileVerdict } from '../../domain/file-verdict.js';
import { inspectFile } from '../file-inspector.js';
import { sniffFormat } from '../format-sniffer.js';
import { convertedName } from './convert-name.js';
import type { ConvertOutcome, ConvertRefusal } from '../../domain/convert-outcome.js';
import type { ConvertRules } from './convert-rules.js';
import { decodeImage } from './image-decoder.js';
import { searchEncoding } from './encoding-search.js';
import { prepareScan, scanTooSmall } from './scan-preparer.js';
import { readPdfPageImages } from './pdf-page-images.js';

export type { ConvertOutcome, ConvertRefusal } from '../../domain/convert-outcome.js';
export type { ConvertRules } from './convert-rules.js';

/** One file to convert: what it was called, its bytes, and what the person wrote with it. */
export interface ConvertInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** A chat caption ("Khai sinh 2010 q1 so 15"), read for the name before the file name is. */
  readonly caption?: string;
}

const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'tiff', 'gif', 'bmp', 'heic']);
/** Resolution never gone under, whatever the campaign's own minimum: below it letters stop being letters. */
export const LEGIBILITY_FLOOR_DPI = 100;

/**
 * Turns a photo (JPEG, PNG, WebP; HEIC when the image library decodes it) or a PDF of scanned pages into
 * one compliant PDF: upright, margins cut, grey, paper whitened, at the best resolution and quality that
 * fit the size limit, never under the legibility floor. A PDF the inspector already accepts comes back
 * as it is. Expected failures are refusals, never exceptions.
 */
export async function convertFile(
  input: ConvertInput,
  rules: ConvertRules,
  now: Date = new Date(),
): Promise<ConvertOutcome> {
  const sizeBefore = input.bytes.length;
  const refuse = (refusal: ConvertRefusal): ConvertOutcome => ({
    kind: 'refused',
    originalName: input.name,
    sizeBefore,
    refusal,
  });
  const format = sniffFormat(input.bytes);
  const name = convertedName(input.name, input.caption, rules, now);
  // Until the person names an incomplete case, the verdict speaks of the content only: the missing
  // parts are reported by the name itself (`name.missing`), not as a rejection of the file.
  const inspect = async (bytes: Uint8Array): Promise<FileVerdict> => {
    const verdict = await inspectFile({ name: name.name, bytes }, rules, now);
    if (name.kind === 'rule') return verdict;
    const problems = verdict.problems.filter((problem) => !problem.code.startsWith('name.'));
    return { ...verdict, problems, status: verdictStatus(problems) };
  };
  if (format === 'empty') return refuse({ code: 'unreadable', format });
  if (format !== 'pdf' && !IMAGE_FORMATS.has(format)) return refuse({ code: 'unsupported', format });
  const floorDpi = Math.max(rules.minDpi, LEGIBILITY_FLOOR_DPI);
  const prepared = [];
  if (format === 'pdf') {
    const original = await inspect(input.bytes);
    if (original.status !== 'rejected') {
      return {
        kind: 'already_compliant',
        name,
        pdf: Buffer.from(input.bytes),
        size: sizeBefore,
        verdict: original,
      };
    }
    const images = await readPdfPageImages(input.bytes);
    if (!images.ok)
      return refuse({ code: images.reason === 'too_many_pages' ? 'unsupported' : 'unreadable', format });
    for (const image of images.pages) {
      const steps = { ...rules.steps, orientation: false };
      const decoded =
        image.kind === 'encoded'
          ? await decodeImage(image.bytes, steps, floorDpi)
          : await decodeImage(image.bytes, steps, floorDpi, image);
      if (!decoded.ok) return refuse({ code: 'unreadable', format });
      const small = scanTooSmall({ width: decoded.sourceWidth, height: decoded.sourceHeight });
      if (small) return refuse(small);
      prepared.push(await prepareScan(decoded.page, decoded.geometry, rules.steps));
    }
  } else {
    const decoded = await decodeImage(input.bytes, rules.steps, floorDpi);
    // The prebuilt image library reads AVIF but not the HEVC inside most iPhone HEIC photos.
    if (!decoded.ok) return refuse({ code: format === 'heic' ? 'unsupported' : 'unreadable', format });
    const small = scanTooSmall({ width: decoded.sourceWidth, height: decoded.sourceHeight });
    if (small) return refuse(small);
    prepared.push(await prepareScan(decoded.page, decoded.geometry, rules.steps));
  }
  const encoded = await searchEncoding(prepared, rules.maxBytes, floorDpi);
  if (!encoded.fits) {
    return refuse({
      code: 'limit_unreachable',
      smallestBytes: encoded.smallestBytes,
      maxBytes: rules.maxBytes,
    });
  }
  return {
    kind: 'converted',
    name,
    pdf: encoded.pdf,
    sizeBefore,
    sizeAfter: encoded.pdf.length,
    verdict: await inspect(encoded.pdf),
    encoding: {
      pages: prepared.length,
      dpi: encoded.dpi,
      quality: encoded.quality,
      grayscale: rules.steps.grayscale,
    },
  };
}
