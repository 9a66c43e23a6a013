import sharp from 'sharp';

/** Zalo's limit for an uploaded image. */
export const ZALO_OA_IMAGE_LIMIT = 1_000_000;

/**
 * An image small enough for the OA's upload: as it is when it fits; else the PNG recompressed (palette,
 * highest compression), then a high-quality JPEG, then that JPEG scaled down step by step. Charts are
 * flat colours and text, so the palette PNG usually fits and stays sharp.
 */
export async function fitZaloOaImage(
  fileName: string,
  bytes: Buffer,
  limit = ZALO_OA_IMAGE_LIMIT,
): Promise<{ fileName: string; bytes: Buffer }> {
  if (bytes.length <= limit) return { fileName, bytes };
  const base = fileName.replace(/\.[^.]+$/, '');
  const png = await sharp(bytes).png({ palette: true, compressionLevel: 9 }).toBuffer();
  if (png.length <= limit) return { fileName: `${base}.png`, bytes: png };
  const { width = 2000 } = await sharp(bytes).metadata();
  for (let scale = 1; scale >= 0.25; scale -= 0.25) {
    const jpeg = await sharp(bytes)
      .flatten({ background: '#ffffff' })
      .resize({ width: Math.round(width * scale) })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer();
    if (jpeg.length <= limit) return { fileName: `${base}.jpg`, bytes: jpeg };
  }
  throw new Error(`image ${fileName} cannot be made smaller than ${limit} bytes`);
}
