import { Redis } from 'ioredis';

/** Short-lived shared state (hot caches, counters): Redis when configured, this process's memory otherwise. */
export interface KeyValueStore {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Adds `by` and returns the new value; the key expires `ttlSeconds` after it was created. */
  increment(key: string, ttlSeconds: number, by?: number): Promise<number>;
  close(): Promise<void>;
}

export function createMemoryStore(): KeyValueStore {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    kind: 'memory',
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlSeconds) {
      entries.set(key, { value, expiresAt: ttlSeconds ? Date.now() + ttlSeconds * 1000 : Infinity });
    },
    async delete(key) {
      entries.delete(key);
    },
    async increment(key, ttlSeconds, by = 1) {
      const entry = live(key);
      const value = Number(entry?.value ?? 0) + by;
      entries.set(key, { value: String(value), expiresAt: entry?.expiresAt ?? Date.now() + ttlSeconds * 1000 });
      return value;
    },
    async close() {
      entries.clear();
    },
  };
}

export function createRedisStore(url: string, namespace: string): KeyValueStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 3, keyPrefix: `${namespace}:kv:` });
  return {
    kind: 'redis',
    get: (key) => redis.get(key),
    async set(key, value, ttlSeconds) {
      if (ttlSeconds) await redis.set(key, value, 'EX', ttlSeconds);
      else await redis.set(key, value);
    },
    async delete(key) {
      await redis.del(key);
    },
    async increment(key, ttlSeconds, by = 1) {
      const [[, value]] = (await redis.multi().incrby(key, by).expire(key, ttlSeconds, 'NX').exec()) as [[null, number], unknown];
      return value;
    },
    async close() {
      redis.disconnect();
    },
  };
}
