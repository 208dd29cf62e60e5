import sharp from 'sharp';

/** A real JPEG, as a phone's camera would send (without its metadata). */
export async function jpegPhoto(width = 64, height = 48): Promise<Buffer<ArrayBuffer>> {
  return Buffer.from(await sharp({ create: { width, height, channels: 3, background: '#b33a2a' } }).jpeg().toBuffer());
}

/** A real PNG: an image, but not the JPEG a test registers it as. */
export async function pngImage(): Promise<Buffer<ArrayBuffer>> {
  return Buffer.from(await sharp({ create: { width: 16, height: 16, channels: 4, background: '#2a6fb3' } }).png().toBuffer());
}
