import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphNames } from '@cip/platform';
import { createTestDatabase, freePort, type TestDatabase } from '@cip/platform/testing';
import { demoLogin } from '../demo-seed';

const root = fileURLToPath(new URL('../../', import.meta.url));
let database: TestDatabase;
let child: ChildProcess;
let stdout = '';
let gateway: string;

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string }[] };
}

beforeAll(async () => {
  database = await createTestDatabase('start');
  const ports = await Promise.all(['gateway', ...subgraphNames].map(() => freePort()));
  gateway = `http://127.0.0.1:${ports[0]}/graphql`;
  // `npm start` without its web-app build step: the process the command runs.
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      BUS_NAMESPACE: `t${randomBytes(4).toString('hex')}`,
      PORT: String(ports[0]),
      ...Object.fromEntries(subgraphNames.map((name, i) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[i + 1]}/graphql`])),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'error',
      // A bound on liveness, not speed: six services and the embedded database drain in about 4 s on a quiet
      // machine, and a loaded one (the suite runs files side by side, with coverage) may take longer than the default 10 s.
      SHUTDOWN_TIMEOUT_MS: '120000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const running = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (stdout.includes('Press Ctrl-C')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before it was running:\n${stdout}`)));
  });
  await running;
});

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await database?.drop();
});

describe('npm start on an empty database', () => {
  it('prints the gateway and the demo login, which works for the demo organization seeded through the API', async () => {
    expect(stdout).toContain(`GraphQL gateway:  ${gateway}`);
    expect(stdout).toContain(`Demo login:       ${demoLogin.email} / ${demoLogin.password}`);
    const login = await graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: demoLogin.email, p: demoLogin.password });
    expect(login.errors).toBeUndefined();
    const { data, errors } = await graphql(
      '{ shops { name inspections(first: 10) { nodes { repairOrderNumber vehicle { vin } customer { name } } } } }',
      {},
      login.data.login.accessToken,
    );
    expect(errors).toBeUndefined();
    const shops = [...data.shops].sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name));
    expect(shops.map((shop: { name: string }) => shop.name)).toEqual(['Demo Auto Downtown', 'Demo Auto Northside']);
    // Three customers per shop, each with a vehicle and an inspection (RO-1001.. in the first shop, RO-1011.. in the second).
    const orders = shops.map((shop: any) => shop.inspections.nodes.map((node: { repairOrderNumber: string }) => node.repairOrderNumber).sort());
    expect(orders).toEqual([
      ['RO-1001', 'RO-1002', 'RO-1003'],
      ['RO-1011', 'RO-1012', 'RO-1013'],
    ]);
    expect(shops[0].inspections.nodes.every((node: any) => node.vehicle.vin.length === 17 && node.customer.name)).toBe(true);
  });

  it('stops every part on Ctrl-C (SIGINT) and exits 0', async () => {
    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    await expect(fetch(gateway)).rejects.toThrow();
  });
});
