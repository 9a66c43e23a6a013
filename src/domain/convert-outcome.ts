import type { CaseNamePart, CaseNameParts } from './case-file-name.js';
import type { FileVerdict } from './file-verdict.js';
import type { SniffedFormat } from './sniffed-format.js';

/** How the converted file is named: by the rule, or what the sender still has to say. */
export type ConvertedName =
  | { readonly kind: 'rule'; readonly name: string }
  /** Some parts are missing; `name` is a stand-in (the original's stem + .pdf) until they are given. */
  | {
      readonly kind: 'incomplete';
      readonly name: string;
      readonly known: CaseNameParts;
      readonly missing: readonly CaseNamePart[];
    };

/** The encoding the converter settled on, for the reply and the bench. */
export interface ConvertedEncoding {
  readonly pages: number;
  /** Effective resolution of the page images, dots per inch. */
  readonly dpi: number;
  /** JPEG quality, 1–100. */
  readonly quality: number;
  readonly grayscale: boolean;
}

/** Why a file could not be made compliant; the data the messages need. */
export type ConvertRefusal =
  /** The picture has too few pixels for its text to be read, whatever is done to it. */
  | {
      readonly code: 'too_small';
      readonly width: number;
      readonly height: number;
      readonly minWidth: number;
      readonly minHeight: number;
    }
  /** The bytes do not decode (a damaged photo, an unreadable PDF, a PDF page without a scanned image). */
  | { readonly code: 'unreadable'; readonly format: SniffedFormat }
  /** A kind of file the converter does not take (HEIC the image library cannot decode, a Word file…). */
  | { readonly code: 'unsupported'; readonly format: SniffedFormat }
  /** Even at the legibility floor the file is larger than the limit: crop to the case's entry. */
  | { readonly code: 'limit_unreachable'; readonly smallestBytes: number; readonly maxBytes: number };

/** What converting one file gave. */
export type ConvertOutcome =
  | {
      readonly kind: 'converted';
      readonly name: ConvertedName;
      readonly pdf: Buffer;
      readonly sizeBefore: number;
      readonly sizeAfter: number;
      /** The inspector's verdict on the result (under the final name when it is known). */
      readonly verdict: FileVerdict;
      readonly encoding: ConvertedEncoding;
    }
  /** The file already met the rules: it is returned unchanged (a PDF that needs nothing). */
  | {
      readonly kind: 'already_compliant';
      readonly name: ConvertedName;
      readonly pdf: Buffer;
      readonly size: number;
      readonly verdict: FileVerdict;
    }
  | {
      readonly kind: 'refused';
      readonly originalName: string;
      readonly sizeBefore: number;
      readonly refusal: ConvertRefusal;
    };
