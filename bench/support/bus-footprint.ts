import pg from 'pg';
import { closeRedis, connectRedis, createLogger, postgresBusConnections } from '@cip/platform';

/** The bus connections of every process on one namespace (or database), as the server sees them. */
export interface BusConnections {
  /** Held for the process's life: PostgreSQL's listeners, Redis's command and consumer-group connections. */
  held: number;
  /** Opened by PostgreSQL buses' pools as publishes and reads need them, and closed when idle. */
  pooled: number;
  /** The most the pools may open: each process's pool bound times the processes (one listener each). */
  pooledBound: number;
}

export interface BusFootprint {
  connections(): Promise<BusConnections>;
  close(): Promise<void>;
}

/**
 * Counts bus connections as the server sees them: Redis clients named after the namespace, or PostgreSQL
 * backends of the bus by role. A pool's count follows how many publishes run at once, not who subscribes,
 * so it is held to its bound rather than compared.
 */
export async function busFootprint(kind: 'postgres' | 'redis', namespace: string, databaseUrl: string): Promise<BusFootprint> {
  if (kind === 'redis') {
    const redis = await connectRedis({ url: process.env.REDIS_URL!, logger: createLogger('error', { service: 'bench' }), name: 'bench-footprint' });
    return {
      connections: async () => ({ held: (await redis.clientList()).filter((client) => client.name.includes(`:${namespace}`)).length, pooled: 0, pooledBound: 0 }),
      close: () => closeRedis(redis),
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    async connections() {
      const { rows } = await client.query<{ held: number; pooled: number }>(
        `SELECT count(*) FILTER (WHERE application_name = $1)::int AS held, count(*) FILTER (WHERE application_name = $2)::int AS pooled
           FROM pg_stat_activity WHERE datname = current_database()`,
        [postgresBusConnections.listenerName, postgresBusConnections.poolName],
      );
      const { held, pooled } = rows[0]!;
      return { held, pooled, pooledBound: held * postgresBusConnections.poolMax };
    },
    close: () => client.end(),
  };
}
