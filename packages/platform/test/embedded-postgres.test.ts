import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { freePort } from '../src/testing/ports';

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit'] as const;
const listenerCounts = () => signals.map((signal) => process.listenerCount(signal));

describe('embedded PostgreSQL', () => {
  let dataDir: string;
  let squatter: Server;
  let port: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cip-embedded-'));
    // As root the server runs as the `postgres` user, which must reach the data directory.
    await chmod(dataDir, 0o755);
    port = await freePort();
    squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => squatter.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('names the taken port when it cannot start, and leaves no exit hooks of its own behind', async () => {
    const before = listenerCounts();
    const attempt = startEmbeddedPostgres({ dataDir, port });
    await expect(attempt).rejects.toThrow(new RegExp(`could not start on port ${port}: .*port ${port} is taken by another process: set EMBEDDED_PG_PORT`));
    expect(listenerCounts()).toEqual(before);
  }, 120_000);
});
