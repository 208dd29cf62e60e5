import { fileTypeFromBuffer } from 'file-type';

/** Largest photo or video a technician may attach; a claim above it is refused before any URL is signed. */
export const maxMediaBytes = 25 * 1024 * 1024;

/** What each kind accepts: types a browser shows and the variant maker reads (HEIC is neither). */
export const mediaContentTypes = {
  PHOTO: ['image/jpeg', 'image/png', 'image/webp'],
  VIDEO: ['video/mp4', 'video/quicktime', 'video/webm'],
} as const;

/** The content type the bytes themselves show (their magic numbers), whatever the client said; null when unknown. */
export async function sniffContentType(bytes: Uint8Array): Promise<string | null> {
  return (await fileTypeFromBuffer(bytes))?.mime ?? null;
}
