import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger';
import { closeRedis, redisClient } from './redis-client';

/** Short-lived shared state (hot caches, counters): Redis when configured, this process's memory otherwise. */
export interface KeyValueStore {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Reads and deletes the key in one step: of callers racing for one value, exactly one gets it. */
  take(key: string): Promise<string | null>;
  /** Adds `by` and returns the new value; the key expires `ttlSeconds` after it was created. */
  increment(key: string, ttlSeconds: number, by?: number): Promise<number>;
  /** Whether the shared store answers right now (for readiness); memory always does. */
  healthy(): Promise<boolean>;
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
    async take(key) {
      const value = live(key)?.value ?? null;
      entries.delete(key);
      return value;
    },
    async increment(key, ttlSeconds, by = 1) {
      const entry = live(key);
      const value = Number(entry?.value ?? 0) + by;
      entries.set(key, { value: String(value), expiresAt: entry?.expiresAt ?? Date.now() + ttlSeconds * 1000 });
      return value;
    },
    async healthy() {
      return true;
    },
    async close() {
      entries.clear();
    },
  };
}

/**
 * Redis shared by every replica, with this process's memory standing in while Redis does not answer (down,
 * restarting, paused): a command that fails or exceeds `commandTimeoutMs` switches the store to memory
 * for `retryAfterMs`, so a stalled Redis costs at most one timeout, not one per request. Caches then miss
 * or hit locally (fail open), and counters (quotas, rate limits) keep counting locally rather than
 * letting everything through (fail closed), until Redis answers again.
 */
export function createRedisStore(url: string, namespace: string, options: { logger: Logger; commandTimeoutMs?: number; retryAfterMs?: number }): KeyValueStore {
  const commandTimeoutMs = options.commandTimeoutMs ?? 500;
  const redis = redisClient({ url, logger: options.logger, name: 'store', keyPrefix: `${namespace}:kv:`, commandTimeoutMs });
  let firstConnection: Promise<unknown> | null = redis
    .connect()
    .catch(() => undefined)
    .finally(() => (firstConnection = null));
  const local = createMemoryStore();
  const retryAfterMs = options.retryAfterMs ?? 1_000;
  let unavailableUntil = 0;

  const attempt = async <T>(remote: () => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    if (Date.now() < unavailableUntil) return fallback();
    // A store still making its first connection waits for it (as long as one command may take) rather than
    // counting in memory while replicas that already connected count in Redis.
    if (firstConnection) await Promise.race([firstConnection, sleep(commandTimeoutMs, undefined, { ref: false })]);
    try {
      return await remote();
    } catch (error) {
      if (Date.now() >= unavailableUntil) options.logger.warn('redis store unavailable; using local memory for now', { error: (error as Error).message });
      unavailableUntil = Date.now() + retryAfterMs;
      return fallback();
    }
  };

  return {
    kind: 'redis',
    get: (key) => attempt(() => redis.get(key), () => local.get(key)),
    set: (key, value, ttlSeconds) =>
      attempt(
        async () => void (ttlSeconds ? await redis.set(key, value, { expiration: { type: 'EX', value: ttlSeconds } }) : await redis.set(key, value)),
        () => local.set(key, value, ttlSeconds),
      ),
    delete: (key) => attempt(async () => void (await redis.del(key)), () => local.delete(key)),
    take: (key) => attempt(() => redis.getDel(key), () => local.take(key)),
    increment: (key, ttlSeconds, by = 1) =>
      attempt(
        async () => {
          const [value] = await redis.multi().incrBy(key, by).expire(key, ttlSeconds, 'NX').exec();
          return Number(value);
        },
        () => local.increment(key, ttlSeconds, by),
      ),
    async healthy() {
      return (await redis.ping().catch(() => '')) === 'PONG';
    },
    async close() {
      await closeRedis(redis);
      await local.close();
    },
  };
}
