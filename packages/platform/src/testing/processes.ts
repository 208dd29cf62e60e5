import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { generateSigningKeyPem } from '../auth/keys';
import { subgraphNames, type ServiceName, type SubgraphName } from '../config';
import { subgraphRegistry } from '../registry';
import { freePort } from './ports';
import { testPoolMax } from './subgraph';

/** One parsed JSON log line of a service process (anything unparsable is kept as `{ msg }`). */
export type LogLine = { level?: string; msg?: string; trace_id?: string; span_id?: string; service?: string } & Record<string, any>;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A service (the gateway or a subgraph) running as its own process, as deploy/ runs it. */
export interface ServiceProcess {
  name: ServiceName;
  child: ChildProcess;
  /** `http://127.0.0.1:<port>`; the GraphQL endpoint is `${origin}/graphql`. */
  origin: string;
  /** Every log line written so far, in order. */
  logs: LogLine[];
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves when the process has exited; rejects after `timeoutMs`. */
  exited(timeoutMs?: number): Promise<Exit>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<Exit>;
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const entries: Record<ServiceName, string> = {
  gateway: 'gateway/src/main.ts',
  ...(Object.fromEntries(subgraphRegistry.map((entry) => [entry.name, entry.main])) as Record<SubgraphName, string>),
};

/** Starts one service's `main.ts` with `env` (on top of this process's environment) and waits for its "listening" line. */
export async function startServiceProcess(name: ServiceName, env: Record<string, string>, options: { readyTimeoutMs?: number } = {}): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entries[name]], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ msg: line });
      }
    }
    for (const wake of waiters) wake();
  });
  let exit: Exit | null = null;
  const exitPromise = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      for (const wake of waiters) wake();
      resolve(exit);
    }),
  );

  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = 60_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = logs.find(match);
        if (found) return done(() => resolve(found));
        if (exit) return done(() => reject(new Error(`${name} exited (${JSON.stringify(exit)}) before the expected log line; last lines:\n${tail(logs)}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`${name}: no such log line within ${timeoutMs} ms; last lines:\n${tail(logs)}`))), timeoutMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });

  const exited = (timeoutMs = 30_000) =>
    Promise.race([
      exitPromise,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${name} did not exit within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);

  const listening = await waitForLog((line) => /listening/.test(line.msg ?? '') && typeof line.url === 'string', options.readyTimeoutMs ?? 90_000).catch(
    (error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    },
  );
  return {
    name,
    child,
    origin: new URL(listening.url as string).origin,
    logs,
    waitForLog,
    exited,
    async stop(graceMs = 15_000) {
      if (exit) return exit;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exitPromise;
      clearTimeout(timer);
      return result;
    },
  };
}

const tail = (logs: LogLine[]) =>
  logs
    .slice(-10)
    .map((line) => JSON.stringify(line))
    .join('\n');

export interface PlatformProcesses {
  gateway: ServiceProcess;
  subgraphs: Partial<Record<SubgraphName, ServiceProcess>>;
  /** The environment every process was started with (database, bus namespace, keys, URLs). */
  env: Record<string, string>;
  /** Every process, the gateway first. */
  all(): ServiceProcess[];
  stop(): Promise<void>;
}

/**
 * Subgraphs and a gateway as separate processes on loopback ports, sharing one database (each subgraph in
 * its own schema) and one signing key and gateway secret, like a deployment. Redis is used when REDIS_URL
 * is set, under a namespace of the run's own.
 */
export async function startPlatformProcesses(options: {
  databaseUrl: string;
  subgraphs: SubgraphName[];
  env?: Record<string, string>;
}): Promise<PlatformProcesses> {
  const ports = Object.fromEntries(await Promise.all(['gateway', ...options.subgraphs].map(async (name) => [name, await freePort()]))) as Record<string, number>;
  const urls = Object.fromEntries(subgraphNames.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name] ?? ports.gateway}/graphql`]));
  const env: Record<string, string> = {
    // As deployed, not as tests configure themselves: libraries that behave differently under `test` (Apollo
    // Server's own signal handlers) behave as they would in production.
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATABASE_URL: options.databaseUrl,
    BUS_NAMESPACE: `t${randomBytes(4).toString('hex')}`,
    DATABASE_POOL_MAX: String(testPoolMax),
    AUTH_PRIVATE_KEY: await generateSigningKeyPem(),
    GATEWAY_SECRET: randomBytes(24).toString('hex'),
    SEED_DEMO: 'false',
    // A loaded test machine can stall a process past production's 10 s budget for one subgraph call, and past
    // its 500 ms for one Redis command; tests of those timeouts set their own.
    SUBGRAPH_TIMEOUT_MS: '120000',
    REDIS_COMMAND_TIMEOUT_MS: '5000',
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...urls,
    ...options.env,
  };
  const subgraphs: Partial<Record<SubgraphName, ServiceProcess>> = {};
  const started: ServiceProcess[] = [];
  const stopAll = async () => {
    await Promise.all(started.map((service) => service.stop(5_000)));
  };
  try {
    // One at a time: each applies its migrations at start-up.
    for (const name of options.subgraphs) {
      const service = await startServiceProcess(name, { ...env, PORT: String(ports[name]) });
      subgraphs[name] = service;
      started.push(service);
    }
    const gateway = await startServiceProcess('gateway', { ...env, PORT: String(ports.gateway) });
    started.unshift(gateway);
    return { gateway, subgraphs, env, all: () => [...started], stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
