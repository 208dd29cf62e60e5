import sharp from 'sharp';

/** A real JPEG, as a phone's camera would send (without its metadata). */
export async function jpegPhoto(width = 64, height = 48): Promise<Buffer<ArrayBuffer>> {
  return Buffer.from(await sharp({ create: { width, height, channels: 3, background: '#b33a2a' } }).jpeg().toBuffer());
}

/** A real PNG: an image, but not the JPEG a test registers it as. */
export async function pngImage(): Promise<Buffer<ArrayBuffer>> {
  return Buffer.from(await sharp({ create: { width: 16, height: 16, channels: 4, background: '#2a6fb3' } }).png().toBuffer());
}

/** A marker in the photo's EXIF, standing for what a customer must not receive (the owner, the place). */
export const exifMarker = 'Technician phone 7';

/**
 * A phone's photo: 2000×1000 pixels stored sideways with EXIF orientation 6 (upright it is 1000×2000), and
 * the camera's metadata, its GPS position among it.
 */
export async function phonePhoto(): Promise<Buffer<ArrayBuffer>> {
  const image = sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#5a7d3a' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: exifMarker }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 46/1 30/1', GPSLongitudeRef: 'W', GPSLongitude: '122/1 25/1 10/1' } })
    .withMetadata({ orientation: 6 });
  return Buffer.from(await image.toBuffer());
}
