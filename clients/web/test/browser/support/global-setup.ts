import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '@cip/platform/testing';

const repo = new URL('../../../../../', import.meta.url).pathname;
let child: ChildProcess | undefined;
let dataDir: string | undefined;
let database: { admin: string; name: string } | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    allowedOriginPort: number;
    foreignOriginPort: number;
    accessTokenTtlSeconds: number;
    /** A platform operator's bearer token, minted as operators get one (`npm run operator:token`). */
    operatorToken: string;
    /** The platform's database, for reading what it would have e-mailed (invitation links). */
    databaseUrl: string;
  }
}

/** Access tokens live this long in the suite, so sessions renew (without a reload) while it runs. */
const accessTokenTtlSeconds = 45;

/**
 * Builds the web app for production, then starts `npm start`'s entry point on free ports: the machine's
 * PostgreSQL in a database of its own when DATABASE_URL is set, the embedded server otherwise.
 */
export async function setup(project: TestProject) {
  // The test runner sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: join(repo, 'clients/web'), stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  dataDir = mkdtempSync(join(tmpdir(), 'cip-browser-'));
  chmodSync(dataDir, 0o755);
  const [gateway, shops, inspections, vehicles, partners, analytics, pg, allowedOriginPort, foreignOriginPort] = await Promise.all(
    Array.from({ length: 9 }, () => freePort()),
  );
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(gateway),
    SHOPS_URL: `http://127.0.0.1:${shops}/graphql`,
    INSPECTIONS_URL: `http://127.0.0.1:${inspections}/graphql`,
    VEHICLES_URL: `http://127.0.0.1:${vehicles}/graphql`,
    PARTNERS_URL: `http://127.0.0.1:${partners}/graphql`,
    ANALYTICS_URL: `http://127.0.0.1:${analytics}/graphql`,
    EMBEDDED_PG_PORT: String(pg),
    DATA_DIR: dataDir,
    PUBLIC_URL: `http://127.0.0.1:${gateway}`,
    CORS_ORIGINS: `http://127.0.0.1:${allowedOriginPort}`,
    ACCESS_TOKEN_TTL_SECONDS: String(accessTokenTtlSeconds),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  };
  delete env.REDIS_URL;
  if (process.env.DATABASE_URL) {
    const name = `cip_browser_${process.pid}_${Date.now()}`;
    database = { admin: process.env.DATABASE_URL, name };
    execFileSync('psql', [process.env.DATABASE_URL, '-qc', `CREATE DATABASE ${name}`]);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
  }

  // The platform's own log goes to a file beside its data, named when the suite fails to start it.
  const log = join(dataDir, 'platform.log');
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: repo, env, detached: true, stdio: ['ignore', 'pipe', openSync(log, 'a')] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  const deadline = Date.now() + 240_000;
  while (!output.includes('GraphQL gateway:')) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}\nlog: ${log}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up within 240 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  project.provide('baseUrl', `http://127.0.0.1:${gateway}`);
  project.provide('allowedOriginPort', allowedOriginPort);
  project.provide('foreignOriginPort', foreignOriginPort);
  project.provide('accessTokenTtlSeconds', accessTokenTtlSeconds);
  project.provide('databaseUrl', env.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${pg}/cip`);
  const operatorToken = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/operator-token.ts', 'browser-suite'], { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  project.provide('operatorToken', operatorToken.trim());
}

export async function teardown() {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    process.kill(-child.pid, 'SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  }
  if (database) execFileSync('psql', [database.admin, '-qc', `DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`]);
  if (dataDir && !process.env.KEEP_BROWSER_DATA) rmSync(dataDir, { recursive: true, force: true });
}
