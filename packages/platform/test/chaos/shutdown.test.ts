import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SeededOrg } from '../../../../subgraphs/shops/test/seed';
import { createTestDatabase, startPlatformProcesses, type PlatformProcesses, type ServiceProcess, type TestDatabase } from '../../src/testing';

/**
 * SIGTERM under load, as a rolling deploy sends it: the gateway and a subgraph each run as their own process;
 * requests are held in flight by a lock on the table they read (a real database, nothing stubbed), the
 * process is told to stop, the lock is released, and every request that was in flight must complete.
 */
const shopInspections = `query ShopInspections { shops { id inspections(first: 5) { nodes { id } } } }`;
const inFlightCount = 40;

interface Answer {
  status: number;
  body: { data?: any; errors?: any[] };
}

async function post(url: string, body: object, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** A request that failed at the connection is counted as not completed, with its reason kept. */
const failed = (error: Error): Answer => ({ status: 0, body: { errors: [{ message: error.message }] } });

/** Waits until `service` serves at least `count` requests besides the metrics scrape itself. */
async function untilInFlight(service: ServiceProcess, count: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await (await fetch(`${service.origin}/metrics`)).text();
    const value = Number(new RegExp(`cip_http_requests_in_flight\\{service="${service.name}"\\} (\\d+)`).exec(text)?.[1] ?? 0) - 1;
    if (value >= count) return value;
    if (Date.now() > deadline) throw new Error(`${service.name} had ${value} requests in flight, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Holds an exclusive lock on `table` until `release` is called: every read of it waits. */
async function lockTable(databaseUrl: string, table: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

describe('SIGTERM under load', () => {
  let database: TestDatabase;
  let platform: PlatformProcesses;
  let org: SeededOrg;

  beforeAll(async () => {
    database = await createTestDatabase('chaos_shutdown');
    platform = await startPlatformProcesses({ databaseUrl: database.url, subgraphs: ['shops', 'inspections'], env: { SHUTDOWN_TIMEOUT_MS: '30000' } });
    const gatewayUrl = `${platform.gateway.origin}/graphql`;
    org = await signUp({
      execute: async (query, variables, options) =>
        (await post(gatewayUrl, { query, variables }, options?.token ? { authorization: `Bearer ${options.token}` } : {})).body,
      database,
    });
  });

  afterAll(async () => {
    await platform?.stop();
    await database?.drop();
  });

  it('the gateway completes every request in flight, refuses new connections, logs "stopped" and exits 0', async () => {
    const { gateway } = platform;
    const lock = await lockTable(database.url, 'inspections.inspection');
    const requests = Array.from({ length: inFlightCount }, () =>
      post(`${gateway.origin}/graphql`, { query: shopInspections }, { authorization: `Bearer ${org.ownerToken}` }).catch(failed),
    );
    try {
      expect(await untilInFlight(gateway, inFlightCount)).toBe(inFlightCount);
      gateway.child.kill('SIGTERM');
      await gateway.waitForLog((line) => /received SIGTERM/.test(line.msg ?? ''), 10_000);
      const refused = await fetch(`${gateway.origin}/healthz`).then(() => 'accepted', () => 'refused');
      expect(refused).toBe('refused');
    } finally {
      await lock.release();
    }

    const results = await Promise.all(requests);
    expect(results.filter((r) => r.status === 200 && !r.body.errors && r.body.data?.shops?.[0]?.id === org.shopId)).toHaveLength(inFlightCount);
    const exit = await gateway.exited(30_000);
    expect(exit).toEqual({ code: 0, signal: null });
    const stopped = gateway.logs.find((line) => line.msg === 'stopped');
    expect(stopped).toMatchObject({ level: 'info', signal: 'SIGTERM', code: 0 });
    expect(gateway.logs.filter((line) => line.level === 'error' || line.level === 'warn')).toEqual([]);
  });

  it('a subgraph completes every request in flight, logs "stopped" and exits 0', async () => {
    const inspections = platform.subgraphs.inspections!;
    const headers = { authorization: `Bearer ${org.ownerToken}`, 'gateway-authorization': platform.env.GATEWAY_SECRET };
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shop { id inspections(first: 5) { nodes { id } } } } }`;
    const lock = await lockTable(database.url, 'inspections.inspection');
    const requests = Array.from({ length: inFlightCount }, () =>
      post(`${inspections.origin}/graphql`, { query: entities, variables: { r: [{ __typename: 'Shop', id: org.shopId }] } }, headers).catch(failed),
    );
    try {
      expect(await untilInFlight(inspections, inFlightCount)).toBe(inFlightCount);
      inspections.child.kill('SIGTERM');
      await inspections.waitForLog((line) => /received SIGTERM/.test(line.msg ?? ''), 10_000);
    } finally {
      await lock.release();
    }

    const results = await Promise.all(requests);
    expect(results.filter((r) => r.status === 200 && !r.body.errors && r.body.data?._entities?.[0]?.id === org.shopId)).toHaveLength(inFlightCount);
    expect(await inspections.exited(30_000)).toEqual({ code: 0, signal: null });
    expect(inspections.logs.find((line) => line.msg === 'stopped')).toMatchObject({ signal: 'SIGTERM', code: 0 });
    expect(inspections.logs.filter((line) => line.level === 'error' || line.level === 'warn')).toEqual([]);
  });
});
