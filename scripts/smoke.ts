import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoLogin } from './demo-seed';

/**
 * The newcomer's path, checked end to end: `npm start` on the embedded default, log in as the demo
 * owner, one query through the gateway that touches all five subgraphs, then Ctrl-C (SIGINT to the
 * process group) must leave no process behind. Nothing in the logs may look like a failure: expected offline
 * conditions (no vPIC) are info, and a clean Ctrl-C drains without an error or a lost connection.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'cip-smoke-'));
chmodSync(dataDir, 0o755);
const gateway = `http://127.0.0.1:${process.env.PORT ?? 4000}/graphql`;
const today = new Date().toISOString().slice(0, 10);
const query = `query Smoke($from: String!, $to: String!) {
  shops {
    name
    laborRate { amountCents currency }
    inspections(first: 10) { nodes { status repairOrderNumber vehicle { vin year make model } customer { name } } }
    metrics(range: { from: $from, to: $to }) { totals { inspectionsStarted } }
    programs { program { name } }
  }
}`;

const child = spawn('npm', ['start'], {
  cwd: new URL('../', import.meta.url).pathname,
  env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'info' },
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => {
  output += chunk;
  process.stdout.write(chunk);
});
let logs = '';
child.stderr.on('data', (chunk: Buffer) => {
  logs += chunk;
  process.stderr.write(chunk);
});

function fail(message: string): never {
  console.error(`smoke test failed: ${message}`);
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
  process.exit(1);
}

async function call(body: object, token?: string) {
  const response = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

const deadline = Date.now() + 240_000;
while (!output.includes('GraphQL gateway:')) {
  if (Date.now() > deadline) fail('the platform did not start within 240 s');
  if (child.exitCode !== null) fail(`npm start exited with ${child.exitCode}`);
  await new Promise((resolve) => setTimeout(resolve, 500));
}
if (!output.includes(demoLogin.email)) fail('the demo login was not printed');

const login = await call({ query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, variables: { e: demoLogin.email, p: demoLogin.password } });
const token = login.data?.login?.accessToken;
if (!token) fail(`demo login failed: ${JSON.stringify(login.errors)}`);
const result = await call({ query, variables: { from: today, to: today } }, token);
const shops = result.data?.shops ?? [];
const complete = shops.length === 2 && shops.every((shop: any) => shop.inspections.nodes.length > 0 && shop.inspections.nodes.every((n: any) => n.vehicle?.make && n.customer?.name) && shop.programs.length > 0 && shop.metrics.totals);
if (result.errors || !complete) fail(`federated query did not return data from all five subgraphs: ${JSON.stringify(result)}`);
console.log(`federated query ok: ${JSON.stringify(result.data).slice(0, 400)}…`);

process.kill(-child.pid!, 'SIGINT');
const exited = await Promise.race([
  new Promise<boolean>((resolve) => child.once('exit', () => resolve(true))),
  new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000)),
]);
if (!exited) fail('npm start did not stop within 30 s of Ctrl-C');
await new Promise((resolve) => setTimeout(resolve, 1000));
// What npm start ran shares its process group; the database it started runs in a session of its own, from dataDir.
const leftovers = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' })
  .split('\n')
  .filter((line) => line.includes(dataDir) || line.trim().split(/\s+/)[1] === String(child.pid));
if (leftovers.length > 0) fail(`processes left behind after Ctrl-C:\n${leftovers.join('\n')}`);
const lines = logs.split('\n').filter(Boolean).map((line) => {
  try {
    return JSON.parse(line) as { level?: string; msg?: string };
  } catch {
    return { level: 'unstructured', msg: line };
  }
});
const alarming = lines.filter((line) => line.level !== 'info' || /ended the connection|failed/.test(line.msg ?? ''));
if (alarming.length > 0) fail(`npm start logged lines that look like failures:\n${alarming.map((line) => JSON.stringify(line)).join('\n')}`);
if (!lines.some((line) => line.msg === 'stopped')) fail('npm start did not log "stopped" after Ctrl-C');
rmSync(dataDir, { recursive: true, force: true });
console.log('smoke test passed: started, answered a federated query, stopped cleanly');
