import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { generateSigningKeyPem, subgraphNames, type ServiceName, type SubgraphName } from '@cip/platform';
import { registeredSubgraph, subgraphRegistry } from '@cip/platform/registry';
import { createTestDatabase, freePort, type TestDatabase } from '@cip/platform/testing';

const root = fileURLToPath(new URL('../../', import.meta.url));

let fromCompiledBuild = false;
let built = false;

/**
 * From here on, services start as production starts them (deploy/Dockerfile's entry point): compiled
 * JavaScript from each package's `dist/` under the `compiled` export condition, no tsx. The first
 * `startServices` builds the platform, the subgraphs and the gateway. Without it (the chaos suite) they
 * run from TypeScript.
 */
export function useCompiledBuild(): void {
  fromCompiledBuild = true;
}

function buildOnce(): void {
  if (built) return;
  execFileSync('npx', ['lerna', 'run', 'build', '--ignore', '@cip/web', '--ignore', '@cip/sdk'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  built = true;
}

export interface ServiceProcess {
  name: ServiceName;
  /** `http://127.0.0.1:<port>/graphql` */
  url: string;
  child: ChildProcess;
  /** The last lines the process wrote, for reporting a crash. */
  output(): string;
}

export interface RunningServices {
  gatewayUrl: string;
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  services: ServiceProcess[];
  database: TestDatabase;
  /** The credential the gateway sends (`gateway-authorization`): subgraphs in production serve nothing without it. */
  gatewaySecret: string;
  /** SIGTERMs every process (so a `--cpu-prof` profile is written), waits for them, drops the database. */
  close(): Promise<void>;
}

export interface StartServicesOptions {
  /** Subgraphs to run; every registered one by default. */
  subgraphs?: SubgraphName[];
  /** Extra environment for every process (e.g. `{ DATABASE_POOL_MAX: '20' }`). */
  env?: Record<string, string>;
  /** Extra `node` flags per service, e.g. `{ gateway: ['--cpu-prof', '--cpu-prof-dir=.data/profiles'] }`. */
  nodeArgs?: Partial<Record<ServiceName, string[]>>;
}

/**
 * The platform as it runs in production: each subgraph and the gateway in a process of its own, started
 * from its real `main.ts` (or its compiled `dist/main.js` after `useCompiledBuild`) with `NODE_ENV=production`, on free ports, against a throwaway database on
 * DATABASE_URL. The gateway serves the committed supergraph and verifies tokens with the shops JWKS.
 */
export async function startServices(options: StartServicesOptions = {}): Promise<RunningServices> {
  if (fromCompiledBuild) buildOnce();
  const database = await createTestDatabase('bench');
  const subgraphs = options.subgraphs ?? subgraphRegistry.map((entry) => entry.name);
  const ports = Object.fromEntries(await Promise.all(['gateway', ...subgraphNames].map(async (name) => [name, await freePort()]))) as Record<ServiceName, number>;
  const urlOf = (name: ServiceName) => `http://127.0.0.1:${ports[name]}/graphql`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    BUS_NAMESPACE: `bench${randomBytes(3).toString('hex')}`,
    AUTH_PRIVATE_KEY: await generateSigningKeyPem(),
    GATEWAY_SECRET: randomBytes(24).toString('hex'),
    MFA_SECRET_KEY: randomBytes(32).toString('base64'),
    SEED_DEMO: 'false',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    // One process per service: local disk holds media as well as a bucket would.
    MEDIA_STORE: 'local',
    ...Object.fromEntries(subgraphNames.map((name) => [`${name.toUpperCase()}_URL`, urlOf(name)])),
    ...options.env,
  };
  const services: ServiceProcess[] = [];
  const close = async () => {
    await Promise.all(services.map((service) => stop(service.child)));
    await database.drop();
  };
  try {
    for (const name of subgraphs) services.push(spawnService(name, registeredSubgraph(name).main, { ...env, PORT: String(ports[name]) }, options.nodeArgs?.[name], urlOf(name)));
    await Promise.all(services.map((service) => waitUntilHealthy(service)));
    const gateway = spawnService('gateway', 'gateway/src/main.ts', { ...env, PORT: String(ports.gateway) }, options.nodeArgs?.gateway, urlOf('gateway'));
    services.push(gateway);
    await waitUntilHealthy(gateway);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    gatewayUrl: urlOf('gateway'),
    subgraphUrls: Object.fromEntries(subgraphs.map((name) => [name, urlOf(name)])),
    services,
    database,
    gatewaySecret: env.GATEWAY_SECRET,
    close,
  };
}

/** The process id of a running service, for CPU and memory readings. */
export function pidOf(services: RunningServices, name: ServiceName): number {
  const pid = services.services.find((s) => s.name === name)?.child.pid;
  if (!pid) throw new Error(`${name} is not running`);
  return pid;
}

function spawnService(name: ServiceName, source: string, env: Record<string, string>, nodeArgs: string[] = [], url: string): ServiceProcess {
  const args = fromCompiledBuild ? [...nodeArgs, '--conditions=compiled', 'scripts/start-prod.mjs', name] : [...nodeArgs, '--import', 'tsx', source];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { name, url, child, output: () => lines.join('\n') };
}

async function waitUntilHealthy(service: ServiceProcess, timeoutMs = 180_000): Promise<void> {
  const healthz = new URL('/healthz', service.url).toString();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited with code ${service.child.exitCode}:\n${service.output()}`);
    const ok = await fetch(healthz).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} did not become healthy within ${timeoutMs} ms:\n${service.output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
