/** An A4 sheet in inches, the size registry pages are scanned at. */
const A4_SHORT = 8.27;
const A4_LONG = 11.69;

/** A page's physical size and the resolution its pixels have at that size. */
export interface PageGeometry {
  readonly widthInches: number;
  readonly heightInches: number;
  /** Pixels per inch of the (trimmed, working-size) image at that physical size. */
  readonly nativeDpi: number;
}

/**
 * The paper a picture shows: it fills an A4 sheet in its own orientation; a picture too small for that
 * at `floorDpi` makes a smaller sheet, so the resolution never drops under the floor the inspector checks.
 */
export function pageGeometry(width: number, height: number, floorDpi: number): PageGeometry {
  const [sheetWidth, sheetHeight] = height >= width ? [A4_SHORT, A4_LONG] : [A4_LONG, A4_SHORT];
  const fitDpi = Math.max(width / sheetWidth, height / sheetHeight);
  const nativeDpi = Math.max(fitDpi, floorDpi);
  return { widthInches: width / nativeDpi, heightInches: height / nativeDpi, nativeDpi };
}
