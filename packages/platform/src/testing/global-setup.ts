import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded';
import { freePort } from './ports';

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

/**
 * Tests run against DATABASE_URL when it is set (CI points it at the machine's PostgreSQL), and
 * otherwise against an embedded server of their own (fresh directory, free port), so `npm test`
 * needs nothing installed beyond `npm ci` and two runs never share a server.
 */
export async function setup() {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'silent';
  if (process.env.DATABASE_URL) return;
  dataDir = await mkdtemp(join(tmpdir(), 'cip-test-pg-'));
  await chmod(dataDir, 0o755);
  embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
  process.env.DATABASE_URL = embedded.url;
}

export async function teardown() {
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
