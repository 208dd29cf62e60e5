import { startEmbeddedPostgres } from '@cip/platform';

/**
 * Benchmarks run against DATABASE_URL when it is set, and against the embedded PostgreSQL otherwise
 * (the way `npm test` does, in a data directory and port of its own so a test run beside it is unaffected).
 * Returns the function that stops what it started.
 */
export async function ensureDatabase(): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) return async () => undefined;
  const embedded = await startEmbeddedPostgres({
    dataDir: '.data/bench',
    port: Number(process.env.EMBEDDED_PG_BENCH_PORT ?? 54331),
    database: 'postgres',
  });
  process.env.DATABASE_URL = embedded.url;
  return async () => {
    await embedded.stop();
    delete process.env.DATABASE_URL;
  };
}
