import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded';
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
  });
});

describe('embedded PostgreSQL that cannot start on its data directory', () => {
  let dataDir: string;
  let running: EmbeddedDatabase | undefined;
  const databaseDir = () => join(dataDir, 'postgres');

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cip-embedded-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(async () => {
    await running?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('names the running server that holds the data directory', async () => {
    running = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    const holder = Number((await readFile(join(databaseDir(), 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const port = await freePort();
    await expect(startEmbeddedPostgres({ dataDir, port })).rejects.toThrow(
      `(its data directory ${databaseDir()} is in use by another running PostgreSQL, process ${holder}, perhaps an earlier npm start: stop that process, or set DATA_DIR to another directory)`,
    );
    await running.stop();
    running = undefined;
  });

  it('says which PostgreSQL version made a data directory this one cannot read, and what to do', async () => {
    const versionFile = join(databaseDir(), 'PG_VERSION');
    const version = (await readFile(versionFile, 'utf8')).trim();
    await writeFile(versionFile, '9.6\n');
    try {
      await expect(startEmbeddedPostgres({ dataDir, port: await freePort() })).rejects.toThrow(
        new RegExp(`its data directory ${databaseDir()} was created by PostgreSQL 9\\.6 and this is PostgreSQL ${version}[.\\d]*: move .* away, or delete it to start over`),
      );
    } finally {
      await writeFile(versionFile, `${version}\n`);
    }
  });

  it('calls a data directory without its control file damaged, and says how to start over', async () => {
    await rename(join(databaseDir(), 'global', 'pg_control'), join(dataDir, 'pg_control.aside'));
    await expect(startEmbeddedPostgres({ dataDir, port: await freePort() })).rejects.toThrow(
      new RegExp(`could not start on port \\d+: .*pg_control.* \\(its data directory ${databaseDir()} is damaged or incomplete: move .* away, or delete it to start over`),
    );
  });

  it('names the missing PostgreSQL program and how to get it back', async () => {
    const pgCtl = join(dataDir, 'bin', 'pg_ctl');
    await expect(startEmbeddedPostgres({ dataDir, port: await freePort(), binaries: { pg_ctl: pgCtl } })).rejects.toThrow(
      `embedded PostgreSQL could not start: its program ${pgCtl} is missing (reinstall the dependencies with \`npm ci\``,
    );
  });

  it('makes npm start print the cause on one line and exit 1, without a stack trace', async () => {
    const start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', NODE_ENV: 'development', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    start.stdout.on('data', (chunk) => (output += chunk));
    start.stderr.on('data', (chunk) => (output += chunk));
    const [code] = (await once(start, 'exit')) as [number];
    expect(code).toBe(1);
    const failures = output.split('\n').filter((line) => line.includes('could not start'));
    expect(failures).toHaveLength(1);
    expect(JSON.parse(failures[0]).msg).toMatch(new RegExp(`^the platform could not start: embedded PostgreSQL could not start on port \\d+: .* \\(its data directory ${databaseDir()} is damaged or incomplete: `));
    expect(output).not.toMatch(/\n\s+at |"stack"/);
  });
});
