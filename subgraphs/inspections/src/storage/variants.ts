import sharp from 'sharp';

/** The longer side, in pixels, of each web-sized copy of a photo. */
export const variantEdges = { THUMBNAIL: 320, DISPLAY: 1600 } as const;
export type VariantSize = keyof typeof variantEdges;

/** A web-sized copy of a photo, as recorded with the media. */
export interface MediaVariant {
  size: VariantSize;
  contentType: 'image/webp';
  width: number;
  height: number;
  byteSize: number;
}

/** A 50-megapixel limit: a phone's largest photo passes, a decompression bomb does not. */
const maxInputPixels = 50_000_000;

/** Where a variant of `storageKey` is stored. */
export const variantKey = (storageKey: string, size: VariantSize) => `${storageKey}.${size.toLowerCase()}`;

/**
 * The web-sized copies of a photo: turned upright by its EXIF orientation, no larger than each edge (never
 * enlarged), WebP, and without any of the original's metadata — no location, camera or owner reaches a customer.
 * Rejects when the bytes do not decode as an image.
 */
export async function photoVariants(bytes: Uint8Array): Promise<{ variant: MediaVariant; bytes: Buffer }[]> {
  return Promise.all(
    (Object.entries(variantEdges) as [VariantSize, number][]).map(async ([size, edge]) => {
      const { data, info } = await sharp(bytes, { limitInputPixels: maxInputPixels })
        .rotate()
        .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      return { variant: { size, contentType: 'image/webp' as const, width: info.width, height: info.height, byteSize: data.length }, bytes: data };
    }),
  );
}
