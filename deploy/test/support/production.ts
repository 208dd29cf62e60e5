import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKeyPem, subgraphNames } from '@cip/platform';
import { freePort } from '@cip/platform/testing';
import { render, repoRoot, serviceWorkloads } from './manifests';

/** The image's ENTRYPOINT from deploy/Dockerfile, e.g. ["/nodejs/bin/node", "--conditions=compiled", "scripts/start-prod.mjs"]. */
export function imageEntrypoint(): string[] {
  const line = readFileSync(`${repoRoot}deploy/Dockerfile`, 'utf8').match(/^ENTRYPOINT (\[.*\])$/m);
  if (!line) throw new Error('deploy/Dockerfile has no exec-form ENTRYPOINT');
  return JSON.parse(line[1]);
}

/** What the image's build stage lays out (scripts/stage-prod.mjs), in a fresh temporary directory. */
export function stageProductionTree(): string {
  const target = join(mkdtempSync(join(tmpdir(), 'cip-prod-')), 'app');
  execFileSync(process.execPath, [`${repoRoot}scripts/stage-prod.mjs`, target], { stdio: 'inherit', timeout: 600_000 });
  return target;
}

/** The MFA secret key the cluster injects into the migration Job and shops alike (it seals authenticator secrets). */
const mfaSecretKey = randomBytes(32).toString('base64');

/** Runs the pre-sync migration Job's container command (entry point + the Job's args) to completion. */
export async function runMigrationJob(appDir: string, databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const [, ...entryArgs] = imageEntrypoint();
  const job = render('base').find((object) => object.kind === 'Job' && object.metadata.name === 'cip-migrate');
  if (!job) throw new Error('the base renders no cip-migrate Job');
  const child = spawn(process.execPath, [...entryArgs, ...job.spec.template.spec.containers[0].args], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', NODE_ENV: 'production', LOG_LEVEL: 'info', DATABASE_URL: databaseUrl, MFA_SECRET_KEY: mfaSecretKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

export interface ProductionService {
  name: string;
  url: string;
  process: ChildProcess;
  exit: { code: number | null; signal: string | null } | null;
}

/**
 * Starts every workload of the rendered base the way its container does: the image's entry point with the
 * workload's args, from `appDir`, in production mode with the secrets the cluster would inject (and `extraEnv`, e.g. the media bucket).
 */
export async function startProductionServices(appDir: string, databaseUrl: string, logDir: string, extraEnv: Record<string, string> = {}): Promise<{ services: ProductionService[]; gatewayUrl: string; stop(): Promise<void> }> {
  const [binary, ...entryArgs] = imageEntrypoint();
  if (!binary.endsWith('/node')) throw new Error(`the entry point runs ${binary}, not node`);
  const workloads = serviceWorkloads(render('base')).map((workload) => {
    const container = workload.spec.template.spec.containers[0];
    return { name: workload.metadata.name as string, args: container.args as string[] };
  });
  const ports = Object.fromEntries(await Promise.all(workloads.map(async (w) => [w.name, await freePort()] as const)));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    AUTH_PRIVATE_KEY: await generateSigningKeyPem(),
    GATEWAY_SECRET: randomBytes(24).toString('hex'),
    MFA_SECRET_KEY: mfaSecretKey,
    BUS_NAMESPACE: `prod_${randomBytes(4).toString('hex')}`,
    DATA_DIR: logDir,
    SEED_DEMO: 'false',
    SHUTDOWN_TIMEOUT_MS: '2000',
    ...Object.fromEntries(subgraphNames.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`])),
    ...extraEnv,
  };
  const launch = (workload: { name: string; args: string[] }): ProductionService => {
    const child = spawn(process.execPath, [...entryArgs, ...workload.args], { cwd: appDir, env: { ...env, PORT: String(ports[workload.name]) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(join(logDir, `${workload.name}.log`));
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    const service: ProductionService = { name: workload.name, url: `http://127.0.0.1:${ports[workload.name]}`, process: child, exit: null };
    child.once('exit', (code, signal) => (service.exit = { code, signal }));
    return service;
  };
  const subgraphs = workloads.filter((w) => w.name !== 'gateway').map(launch);
  await Promise.all(subgraphs.map((service) => untilReady(service, logDir)));
  const gateway = launch(workloads.find((w) => w.name === 'gateway')!);
  await untilReady(gateway, logDir);
  const services = [...subgraphs, gateway];
  return {
    services,
    gatewayUrl: `${gateway.url}/graphql`,
    async stop() {
      for (const service of services) if (!service.exit) service.process.kill('SIGTERM');
      await Promise.all(services.map((service) => (service.exit ? undefined : new Promise((resolve) => service.process.once('exit', resolve)))));
    },
  };
}

async function untilReady(service: ProductionService, logDir: string) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (service.exit) throw new Error(`${service.name} exited (${JSON.stringify(service.exit)}): ${readFileSync(join(logDir, `${service.name}.log`), 'utf8').slice(-2000)}`);
    const ready = await fetch(`${service.url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} was not ready within 5 minutes`);
}
