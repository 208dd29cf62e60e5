import { appError, ErrorCode, isPublicError, type Logger, type Route } from '@cip/platform';
import type { GraphQLError } from 'graphql';
import { downloadPath, uploadPath, type SignedMediaUrls } from './signed-urls';
import type { MediaStore } from './store';

/** What an upload URL allowed, with the bytes that arrived for it. */
export interface ReceivedUpload {
  storageKey: string;
  contentType: string;
  bytes: Buffer;
}

const statusOf: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
};

/** The subgraph's answers in the shape of GraphQL errors, so clients read one `extensions.code` everywhere. */
function refusal(error: GraphQLError): Response {
  const { http, ...extensions } = error.extensions as { code: string; http?: { status: number } };
  return Response.json({ errors: [{ message: error.message, extensions }] }, { status: http?.status ?? statusOf[extensions.code] ?? 400 });
}

const tooLarge = (size: number) => appError(ErrorCode.PAYLOAD_TOO_LARGE, `The upload is larger than the ${size} bytes it was signed for.`, { limit: size });

/**
 * `PUT /media/upload` and `GET /media/file`, behind the URLs `signedMediaUrls` signs. An upload is read
 * up to the size it was signed for (never more) and handed to `receive`, which checks and stores it; a
 * read streams the object from the store.
 */
export function mediaRoutes(options: { urls: SignedMediaUrls; store: MediaStore; receive: (upload: ReceivedUpload) => Promise<void>; logger: Logger }): Record<string, Route> {
  const answer = async (handle: () => Promise<Response>) => {
    try {
      return await handle();
    } catch (error) {
      if (isPublicError(error)) return refusal(error);
      options.logger.error('media request failed', { error: String(error) });
      return refusal(appError(ErrorCode.INTERNAL_SERVER_ERROR, 'The media could not be handled; try again.', { http: { status: 500 } }));
    }
  };
  return {
    [uploadPath]: (request) =>
      answer(async () => {
        if (request.method !== 'PUT') throw appError(ErrorCode.BAD_USER_INPUT, 'Upload with PUT.', { http: { status: 405 } });
        const signed = options.urls.verifyUpload(new URL(request.url).searchParams);
        if (!signed) throw appError(ErrorCode.FORBIDDEN, 'The upload URL is not valid or has expired.');
        if (request.headers.get('content-type') !== signed.contentType) {
          throw appError(ErrorCode.BAD_USER_INPUT, `Send the content type the URL was signed for (${signed.contentType}).`);
        }
        if (Number(request.headers.get('content-length') ?? 0) > signed.byteSize) throw tooLarge(signed.byteSize);
        if (!request.body) throw appError(ErrorCode.BAD_USER_INPUT, 'The upload has no body.');
        const bytes = await readAtMost(request.body, signed.byteSize);
        if (!bytes) throw tooLarge(signed.byteSize);
        if (bytes.length !== signed.byteSize) {
          throw appError(ErrorCode.BAD_USER_INPUT, `The upload has ${bytes.length} bytes; the URL was signed for ${signed.byteSize}.`);
        }
        await options.receive({ storageKey: signed.storageKey, contentType: signed.contentType, bytes });
        return new Response(null, { status: 204 });
      }),
    [downloadPath]: (request) =>
      answer(async () => {
        const signed = options.urls.verifyDownload(new URL(request.url).searchParams);
        if (!signed) throw appError(ErrorCode.FORBIDDEN, 'The media URL is not valid or has expired.');
        const object = await options.store.get(signed.storageKey);
        if (!object) throw appError(ErrorCode.NOT_FOUND, 'The media has not been uploaded.');
        return new Response(object.body, {
          headers: { 'content-type': signed.contentType, 'content-length': String(object.byteSize), 'cache-control': 'private, max-age=300' },
        });
      }),
  };
}

/** The whole body, or null as soon as it passes `limit` bytes (the rest is not read). */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}
