import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';

/** Largest photo or video a technician may attach; a claim above it is refused before any URL is signed. */
export const maxMediaBytes = 25 * 1024 * 1024;

export const mediaContentTypes = {
  PHOTO: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
  VIDEO: ['video/mp4', 'video/quicktime', 'video/webm'],
} as const;

export interface SignedUpload {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: Date;
}

/**
 * Where media bytes live. The API never carries them: clients PUT to a signed URL and read from one.
 * Local disk is the default; an object store (S3, GCS) implements the same three methods.
 */
export interface MediaStorage {
  signUpload(input: { storageKey: string; contentType: string; byteSize: number; ttlSeconds: number }): Promise<SignedUpload>;
  signDownload(input: { storageKey: string; contentType: string; ttlSeconds: number }): Promise<string>;
  /** Routes the subgraph serves for this storage (local disk only); object stores serve their own URLs. */
  routes(onUploaded: (storageKey: string) => Promise<void>): Record<string, (request: Request) => Promise<Response>>;
}

const uploadPath = '/media/upload';
const downloadPath = '/media/file';
const storageKeyPattern = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/**
 * Media on local disk under `<DATA_DIR>/inspection-media`, behind HMAC-signed URLs the inspections
 * subgraph serves itself. The secret lives in the database, so every replica signs and checks alike.
 */
export function localDiskStorage(options: { dataDir: string; publicBaseUrl: string; secret: string }): MediaStorage {
  const root = resolve(options.dataDir, 'inspection-media');
  const sign = (parts: (string | number)[]) => createHmac('sha256', options.secret).update(parts.join('\n')).digest('base64url');
  const pathOf = (storageKey: string) => join(root, storageKey);
  const url = (path: string, params: Record<string, string | number>) => {
    const target = new URL(path, options.publicBaseUrl);
    for (const [name, value] of Object.entries(params)) target.searchParams.set(name, String(value));
    return target.toString();
  };
  const verified = (given: string | null, parts: (string | number)[], expires: number) => {
    if (!given || !Number.isFinite(expires) || expires * 1000 < Date.now()) return false;
    const expected = Buffer.from(sign(parts));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  };
  const refuse = (status: number, message: string) => Response.json({ error: message }, { status });

  return {
    async signUpload({ storageKey, contentType, byteSize, ttlSeconds }) {
      const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
      const sig = sign(['PUT', storageKey, contentType, byteSize, expires]);
      return {
        url: url(uploadPath, { key: storageKey, type: contentType, size: byteSize, expires, sig }),
        method: 'PUT',
        headers: { 'content-type': contentType, 'content-length': String(byteSize) },
        expiresAt: new Date(expires * 1000),
      };
    },
    async signDownload({ storageKey, contentType, ttlSeconds }) {
      const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
      return url(downloadPath, { key: storageKey, type: contentType, expires, sig: sign(['GET', storageKey, contentType, expires]) });
    },
    routes(onUploaded) {
      return {
        [uploadPath]: async (request) => {
          if (request.method !== 'PUT') return refuse(405, 'Upload with PUT.');
          const params = new URL(request.url).searchParams;
          const key = params.get('key') ?? '';
          const type = params.get('type') ?? '';
          const size = Number(params.get('size'));
          if (!storageKeyPattern.test(key) || !verified(params.get('sig'), ['PUT', key, type, size, Number(params.get('expires'))], Number(params.get('expires')))) {
            return refuse(403, 'The upload URL is not valid or has expired.');
          }
          if (request.headers.get('content-type') !== type) return refuse(400, `Send the content type the URL was signed for (${type}).`);
          const declared = Number(request.headers.get('content-length') ?? size);
          if (declared > size) return refuse(413, `The upload is larger than the ${size} bytes it was signed for.`);
          if (!request.body) return refuse(400, 'The upload has no body.');
          const target = pathOf(key);
          const partial = `${target}.part`;
          await mkdir(dirname(target), { recursive: true });
          const received = await writeLimited(request.body, partial, size);
          if (received === null) {
            await rm(partial, { force: true });
            return refuse(413, `The upload is larger than the ${size} bytes it was signed for.`);
          }
          if (received !== size) {
            await rm(partial, { force: true });
            return refuse(400, `The upload has ${received} bytes; the URL was signed for ${size}.`);
          }
          await rename(partial, target);
          await onUploaded(key);
          return new Response(null, { status: 204 });
        },
        [downloadPath]: async (request) => {
          const params = new URL(request.url).searchParams;
          const key = params.get('key') ?? '';
          const type = params.get('type') ?? '';
          const expires = Number(params.get('expires'));
          if (!storageKeyPattern.test(key) || !verified(params.get('sig'), ['GET', key, type, expires], expires)) {
            return refuse(403, 'The media URL is not valid or has expired.');
          }
          const file = await stat(pathOf(key)).catch(() => null);
          if (!file) return refuse(404, 'The media has not been uploaded.');
          return new Response(Readable.toWeb(createReadStream(pathOf(key))) as ReadableStream, {
            headers: { 'content-type': type, 'content-length': String(file.size), 'cache-control': 'private, max-age=300' },
          });
        },
      };
    },
  };
}

/** Streams a request body to `path`, stopping as soon as it passes `limit` bytes (null then). */
async function writeLimited(body: ReadableStream<Uint8Array>, path: string, limit: number): Promise<number | null> {
  const file = await open(path, 'w');
  const reader = body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return received;
      received += value.byteLength;
      if (received > limit) {
        await reader.cancel();
        return null;
      }
      await file.write(value);
    }
  } finally {
    await file.close();
  }
}
