import { DeleteObjectsCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { MediaStore } from './store';

export interface S3StoreOptions {
  bucket: string;
  /** The bucket's region; the AWS SDK's default (AWS_REGION, the profile) when absent. */
  region?: string;
  /** An S3-compatible server other than AWS (MinIO, Ceph, a local test server). */
  endpoint?: string;
  /** Address the bucket in the path (`<endpoint>/<bucket>/<key>`) rather than the host name, as most S3-compatible servers need. */
  forcePathStyle: boolean;
}

/**
 * Media in an S3-compatible bucket, shared by every replica. Credentials come from the AWS SDK's default
 * chain (environment, web identity / IRSA, instance profile). The bucket stays private: browsers reach the
 * bytes through the gateway's media route, never the bucket's address.
 */
export function s3Store(options: S3StoreOptions): MediaStore {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    // Checksums only where S3 requires them: S3-compatible servers do not all accept the SDK's default trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = options.bucket;
  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!object.Body) return null;
        return { body: object.Body.transformToWebStream() as ReadableStream<Uint8Array>, byteSize: Number(object.ContentLength) };
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
    async delete(keys) {
      if (keys.length === 0) return;
      const result = await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }));
      if (result.Errors?.length) throw new Error(`S3 kept ${result.Errors.map((e) => `${e.Key} (${e.Code})`).join(', ')}`);
    },
    async close() {
      client.destroy();
    },
  };
}
