import pg from 'pg';
import { closeRedis, connectRedis, createLogger } from '@cip/platform';

export interface BusFootprint {
  /** Connections the bus of every process on this namespace (or database) holds on the server right now. */
  connections(): Promise<number>;
  close(): Promise<void>;
}

/** Counts bus connections as the server sees them: Redis clients named after the namespace, or PostgreSQL backends of the bus. */
export async function busFootprint(kind: 'postgres' | 'redis', namespace: string, databaseUrl: string): Promise<BusFootprint> {
  if (kind === 'redis') {
    const redis = await connectRedis({ url: process.env.REDIS_URL!, logger: createLogger('error', { service: 'bench' }), name: 'bench-footprint' });
    return {
      connections: async () => (await redis.clientList()).filter((client) => client.name.includes(`:${namespace}`)).length,
      close: () => closeRedis(redis),
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    async connections() {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'event-bus%'`,
      );
      return rows[0]!.n;
    },
    close: () => client.end(),
  };
}
