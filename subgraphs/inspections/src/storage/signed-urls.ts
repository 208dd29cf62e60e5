import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedUpload {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: Date;
}

export const uploadPath = '/media/upload';
export const downloadPath = '/media/file';

/**
 * The URLs clients upload to and read from, under the public origin (the gateway passes `/media/…` to this
 * subgraph). HMAC-SHA256 over method, key, content type, size and expiry; the secret lives in the database,
 * so every replica signs and checks alike.
 */
export function signedMediaUrls(options: { publicBaseUrl: string; secret: string }) {
  const sign = (parts: (string | number)[]) => createHmac('sha256', options.secret).update(parts.join('\n')).digest('base64url');
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
  const expiry = (ttlSeconds: number) => Math.floor(Date.now() / 1000) + ttlSeconds;

  return {
    upload(input: { storageKey: string; contentType: string; byteSize: number; ttlSeconds: number }): SignedUpload {
      const expires = expiry(input.ttlSeconds);
      const sig = sign(['PUT', input.storageKey, input.contentType, input.byteSize, expires]);
      return {
        url: url(uploadPath, { key: input.storageKey, type: input.contentType, size: input.byteSize, expires, sig }),
        method: 'PUT',
        headers: { 'content-type': input.contentType, 'content-length': String(input.byteSize) },
        expiresAt: new Date(expires * 1000),
      };
    },
    download(input: { storageKey: string; contentType: string; ttlSeconds: number }): string {
      const expires = expiry(input.ttlSeconds);
      return url(downloadPath, { key: input.storageKey, type: input.contentType, expires, sig: sign(['GET', input.storageKey, input.contentType, expires]) });
    },
    /** What a signed upload URL allows, or null when it is forged or expired. */
    verifyUpload(params: URLSearchParams): { storageKey: string; contentType: string; byteSize: number } | null {
      const [storageKey, contentType, byteSize, expires] = [params.get('key') ?? '', params.get('type') ?? '', Number(params.get('size')), Number(params.get('expires'))];
      return verified(params.get('sig'), ['PUT', storageKey, contentType, byteSize, expires], expires) ? { storageKey, contentType, byteSize } : null;
    },
    /** What a signed read URL names, or null when it is forged or expired. */
    verifyDownload(params: URLSearchParams): { storageKey: string; contentType: string } | null {
      const [storageKey, contentType, expires] = [params.get('key') ?? '', params.get('type') ?? '', Number(params.get('expires'))];
      return verified(params.get('sig'), ['GET', storageKey, contentType, expires], expires) ? { storageKey, contentType } : null;
    },
  };
}

export type SignedMediaUrls = ReturnType<typeof signedMediaUrls>;
