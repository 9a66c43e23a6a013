import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The family name our bundled DejaVu Sans is registered under on the canvas. Deliberately not
 * "DejaVu Sans": a machine with that font installed would otherwise be free to pick its own copy,
 * and one without it would fall back silently — here a missing font fails loudly instead.
 */
export const CANVAS_FONT_FAMILY = 'Sohoa DejaVu Sans';

/** Absolute paths of the bundled TTF files, resolved from this module, never from system fonts. */
export const FONT_FILES = {
  regular: fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url)),
  bold: fileURLToPath(new URL('../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url)),
} as const;

let canvasFontsRegistered = false;

/** Registers the bundled fonts with @napi-rs/canvas once per process. */
export function registerCanvasFonts(): void {
  if (canvasFontsRegistered) return;
  for (const path of [FONT_FILES.regular, FONT_FILES.bold]) {
    if (GlobalFonts.registerFromPath(path, CANVAS_FONT_FAMILY) === null) {
      throw new Error(`Cannot register the report font ${path}`);
    }
  }
  canvasFontsRegistered = true;
}

/** The raw TTF bytes of the bundled fonts, for embedding in PDFs. */
export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

let fontBytes: Promise<FontBytes> | undefined;

/** Reads the bundled TTF files once; later calls share the same bytes. */
export function loadFontBytes(): Promise<FontBytes> {
  fontBytes ??= Promise.all([readFile(FONT_FILES.regular), readFile(FONT_FILES.bold)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      // Do not cache a failure: a later call may find the files (e.g. after a deploy finished).
      fontBytes = undefined;
      throw error;
    },
  );
  return fontBytes;
}
