/** One page's pixels, uncompressed: 1 channel (grey) or 3 (RGB), row after row. */
export interface RawPage {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly data: Buffer;
}
