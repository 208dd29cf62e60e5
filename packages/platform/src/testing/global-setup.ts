import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded';

let embedded: EmbeddedDatabase | undefined;

/**
 * Tests run against DATABASE_URL when it is set (CI points it at the machine's PostgreSQL), and against
 * the embedded server otherwise, so `npm test` needs nothing installed beyond `npm ci`.
 */
export async function setup() {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'silent';
  if (process.env.DATABASE_URL) return;
  embedded = await startEmbeddedPostgres({ dataDir: '.data/test', port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54330), database: 'postgres' });
  process.env.DATABASE_URL = embedded.url;
}

export async function teardown() {
  await embedded?.stop();
}
