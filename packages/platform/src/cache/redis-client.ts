import { createRequire } from 'node:module';
import type { createClient as CreateClient } from 'redis';
import type { Logger } from '../logger';

// node-redis is loaded by the first connection: a process on the in-memory store and the PostgreSQL bus (the
// default) never holds it.
const require = createRequire(import.meta.url);
const createClient: typeof CreateClient = (...args) => (require('redis') as typeof import('redis')).createClient(...args);

export type RedisConnection = ReturnType<typeof redisClient>;

export interface RedisConnectionOptions {
  url: string;
  logger: Logger;
  /** Who the connection is for, in logs and `CLIENT LIST`. */
  name: string;
  /** Every command fails after this long rather than waiting on a stalled server. */
  commandTimeoutMs?: number;
  keyPrefix?: string;
}

/**
 * A node-redis connection that never takes the process down and never waits long: commands fail at once
 * while it is disconnected (no offline queue) and after `commandTimeoutMs` on a server that stopped
 * answering; it reconnects on its own, with backoff up to a second. Errors are logged once per outage.
 */
export async function connectRedis(options: RedisConnectionOptions): Promise<RedisConnection> {
  const client = redisClient(options);
  await client.connect();
  return client;
}

/** The same connection, returned at once while it connects in the background (commands fail until it is ready). */
export function redisClient(options: RedisConnectionOptions) {
  const client = createClient({
    url: options.url,
    name: options.name,
    disableOfflineQueue: true,
    ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}),
    ...(options.commandTimeoutMs ? { commandOptions: { timeout: options.commandTimeoutMs } } : {}),
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(1_000, 50 * 2 ** retries) },
  });
  let failing = false;
  client.on('error', (error: Error) => {
    if (failing) return;
    failing = true;
    options.logger.warn('redis connection failed; reconnecting', { connection: options.name, error: error.message });
  });
  client.on('ready', () => {
    if (failing) options.logger.info('redis connection restored', { connection: options.name });
    failing = false;
  });
  return client;
}

/** Closes a connection whatever state it is in. */
export async function closeRedis(client: RedisConnection): Promise<void> {
  if (!client.isOpen) return;
  await client.close().catch(() => client.destroy());
}
