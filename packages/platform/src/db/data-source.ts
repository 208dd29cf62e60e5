import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { SnakeNamingStrategy } from '../data/naming';
import { observePool } from '../observability/metrics';
import { QueryLog } from './query-log';

export interface DataSourceOptions {
  url: string;
  /** The Postgres schema this service owns; it touches no other. */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  replicaUrls?: string[];
  poolMax?: number;
  applicationName?: string;
}

export interface ServiceDatabase {
  dataSource: DataSource;
  queryLog: QueryLog;
}

/**
 * Opens the service's DataSource, creates its schema if needed and applies pending migrations.
 * An advisory lock keyed on the schema keeps two replicas starting together from racing.
 */
export async function openDatabase(options: DataSourceOptions): Promise<ServiceDatabase> {
  const queryLog = new QueryLog();
  const extra = { max: options.poolMax ?? 10, application_name: options.applicationName ?? options.schema };
  const replicas = options.replicaUrls ?? [];
  const dataSource = new DataSource({
    type: 'postgres',
    ...(replicas.length > 0
      ? { replication: { master: { url: options.url }, slaves: replicas.map((url) => ({ url })) } }
      : { url: options.url }),
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: true,
    logger: queryLog,
    extra,
  });
  await dataSource.initialize();
  const pools = dataSource.driver as unknown as { master: Parameters<typeof observePool>[2]; slaves: Parameters<typeof observePool>[2][] };
  observePool(extra.application_name, 'primary', pools.master);
  pools.slaves.forEach((pool, i) => observePool(extra.application_name, `replica-${i}`, pool));
  const runner = dataSource.createQueryRunner('master');
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${options.schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${options.schema}`]).catch(() => undefined);
    await runner.release();
  }
  return { dataSource, queryLog };
}
