import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { freePort } from '@cip/platform/testing';
import type { RunningServices } from './services';

const root = fileURLToPath(new URL('../../', import.meta.url));
const compiled = `${root}.data/peers/`;

/**
 * The peers' entry files as plain JavaScript in `.data/peers/` (two levels below the root, as `bench/peers/`
 * is), so each peer runs on `node` alone, as our gateway does: a TypeScript loader would add its own memory
 * and start-up work to the peer's figures.
 */
let peersCompiled = false;
function compilePeers() {
  if (peersCompiled) return;
  peersCompiled = true;
  mkdirSync(compiled, { recursive: true });
  for (const file of readdirSync(`${root}bench/peers`).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(`${root}bench/peers/${file}`, 'utf8').replace(/from '(\.\/[\w-]+)'/g, "from '$1.mjs'");
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(`${compiled}${file.replace(/\.ts$/, '.mjs')}`, outputText);
  }
}

export interface PeerGateway {
  /** e.g. "Hive Gateway, Rust query planner" */
  label: string;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * A peer gateway (`bench/peers/<entry>.ts`, compiled) in a process of its own, on the same supergraph and the same
 * subgraph processes as ours, with the gateway credential the subgraphs require; returns once it answers.
 */
export async function startPeer(services: RunningServices, label: string, entry: string, env: Record<string, string> = {}): Promise<PeerGateway> {
  compilePeers();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const child = spawn(process.execPath, [`${compiled}${entry}.mjs`], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      GATEWAY_SECRET: services.gatewaySecret,
      ...Object.fromEntries(Object.entries(services.subgraphUrls).map(([name, subgraphUrl]) => [`${name.toUpperCase()}_URL`, subgraphUrl!])),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited with code ${child.exitCode}:\n${output}`);
    const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then((r) => r.ok, () => false);
    if (ok) return { label, url, child, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`${label} did not answer within 180 s:\n${output}`);
}

/** Starts a process's peak resident set size (VmHWM) again from its size now, so the next peak read is of what follows. */
export function resetPeakResident(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Without /proc (or the right to write it) the peak stays the process's lifetime peak.
  }
}

/** Resident set size of a process now and at its peak so far (VmRSS, VmHWM), in MiB; null where /proc is unavailable. */
export function residentMiB(pid: number): { now: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}
