/** An object read back from media storage. */
export interface StoredObject {
  body: ReadableStream<Uint8Array>;
  byteSize: number;
}

/**
 * Where media bytes live: keys (`<shop>/<inspection>/<media>`, and `….<variant>` for web-sized copies)
 * to bytes. Local disk is the embedded default; an S3-compatible bucket in production. The subgraph
 * picks one at start from the configuration and never mixes them.
 */
export interface MediaStore {
  readonly kind: 'local' | 's3';
  /** Stores the bytes under `key`, replacing what was there; once it resolves, `get` returns them. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object under `key`, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the keys; a key with no object is no error. */
  delete(keys: string[]): Promise<void>;
  close(): Promise<void>;
}
