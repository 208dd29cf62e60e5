import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateSigningKeyPem, subgraphNames, type ServiceName } from '@cip/platform';
import { freePort } from '@cip/platform/testing';

const root = new URL('../..', import.meta.url).pathname;
const entry = (name: ServiceName) => (name === 'gateway' ? 'gateway/src/main.ts' : `subgraphs/${name}/src/main.ts`);

export interface RunningService {
  name: ServiceName;
  url: string;
  process: ChildProcess;
  /** How the process ended, once it has (null while it runs). */
  exit: { code: number | null; signal: string | null } | null;
}

export interface Platform {
  services: RunningService[];
  gatewayUrl: string;
  env: Record<string, string>;
  logDir: string;
  stop(): Promise<void>;
}

/** Every service as its own process, as deploy/ runs them (`node --import tsx <entry>`), on free ports. */
export async function startPlatform(options: { databaseUrl: string; redisUrl: string; extraEnv?: Record<string, string> }): Promise<Platform> {
  const logDir = mkdtempSync(join(tmpdir(), 'cip-chaos-logs-'));
  const names: ServiceName[] = [...subgraphNames, 'gateway'];
  const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()] as const))) as Record<ServiceName, number>;
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    BUS_NAMESPACE: 'chaos',
    BUS_CLAIM_AFTER_MS: '2000',
    AUTH_PRIVATE_KEY: await generateSigningKeyPem(),
    GATEWAY_SECRET: randomBytes(24).toString('hex'),
    MFA_SECRET_KEY: randomBytes(32).toString('base64'),
    DATA_DIR: logDir,
    SEED_DEMO: 'false',
    SHUTDOWN_TIMEOUT_MS: '2000',
    ...Object.fromEntries(subgraphNames.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`])),
    ...options.extraEnv,
  };
  const launch = (name: ServiceName): RunningService => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry(name)], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env, PORT: String(ports[name]) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.pipe(createWriteStream(join(logDir, `${name}.log`)));
    const service: RunningService = { name, url: `http://127.0.0.1:${ports[name]}`, process: child, exit: null };
    child.once('exit', (code, signal) => (service.exit = { code, signal }));
    return service;
  };
  // Subgraphs first (each migrates its schema), then the gateway, which composes nothing at start.
  const subgraphs = subgraphNames.map(launch);
  await Promise.all(subgraphs.map((service) => untilReady(service, 240_000)));
  const gateway = launch('gateway');
  await untilReady(gateway, 240_000);
  const services = [...subgraphs, gateway];
  return {
    services,
    gatewayUrl: `${gateway.url}/graphql`,
    env,
    logDir,
    async stop() {
      for (const service of services) if (!service.exit) service.process.kill('SIGTERM');
      await Promise.all(services.map((service) => (service.exit ? undefined : new Promise((resolve) => service.process.once('exit', resolve)))));
    },
  };
}

/** Status and body of `/readyz`, or null when the service does not answer. */
export async function readiness(service: RunningService): Promise<{ status: number; body: { status?: string; checks?: Record<string, string> } } | null> {
  try {
    const response = await fetch(`${service.url}/readyz`, { signal: AbortSignal.timeout(1_000) });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as { status?: string } };
  } catch {
    return null;
  }
}

export async function untilReady(service: RunningService, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.exit) throw new Error(`${service.name} exited (${JSON.stringify(service.exit)})`);
    const ready = await readiness(service);
    if (ready?.status === 200 && ready.body.status === 'ready') return;
    await sleep(200);
  }
  throw new Error(`${service.name} was not ready within ${timeoutMs} ms`);
}
