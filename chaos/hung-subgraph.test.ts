import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, startRedis, type ChaosPostgres, type ChaosRedis } from './support/servers';
import { startPlatform, type Platform, type RunningService } from './support/services';
import { addCustomer, must, signUp } from '../subgraphs/shops/test/seed';

/** Issue 13.4 with real processes: a subgraph frozen by SIGSTOP while the gateway is under load. */
const timeoutMs = 2_000;
/**
 * Every subgraph's bulkhead: callers of the healthy subgraphs stay within it, callers of vehicles go well beyond it while it is
 * frozen, and those finding it full are refused at once (no queue time), so their answers show what a request costs without waiting.
 */
const maxConcurrency = 6;
const calm = { touching: maxConcurrency / 2, others: maxConcurrency / 2 };
const crowd = { touching: 2 * maxConcurrency, others: maxConcurrency / 2 };
/** Each caller's pause between its answer and its next request: load, without refused calls spinning on two cores. */
const thinkMs = 100;

let postgres: ChaosPostgres;
let redis: ChaosRedis;
let platform: Platform;
let token: string;
let vehicleId: string;

type Answer = { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; serviceName?: string } }[] };

async function graphql(document: string, variables: Record<string, unknown> = {}, bearer = token): Promise<Answer> {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query: document, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  return response.json() as never;
}

const service = (name: string) => platform.services.find((s) => s.name === name)!;
const exits = () => platform.services.filter((s) => s.exit).map((s) => `${s.name} ${JSON.stringify(s.exit)}`);

/** The gateway's open TCP sockets whose peer is `port` (their inodes), read from its file descriptors and the kernel's socket table. */
function socketsTo(gateway: RunningService, port: number | null): Set<string> {
  const pid = gateway.process.pid!;
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (socket) inodes.add(socket[1]);
    } catch {
      // closed while listing
    }
  }
  const peer = port === null ? null : `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const open = new Set<string>();
  for (const table of ['tcp', 'tcp6']) {
    for (const line of readFileSync(`/proc/${pid}/net/${table}`, 'utf8').split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns.length > 9 && inodes.has(columns[9]) && (peer === null || columns[2].endsWith(peer))) open.add(columns[9]);
    }
  }
  return open;
}

// Each its own document: identical requests in flight would be coalesced into one by the response cache.
let sequence = 0;
const touchingVehicles = () => graphql(`query($id: ID!) { vehicle(id: $id) { id n${sequence++}: __typename make model } }`, { id: vehicleId });
const notTouchingVehicles = () => graphql(`{ me { id n${sequence++}: __typename } shops { id name } }`);

type Outcome = { touching: boolean; ms: number; answer: Answer };

/** Callers looping on each kind of request, started a little apart, until `until` resolves; every answer with how long it took. */
async function underLoad(callers: { touching: number; others: number }, until: Promise<unknown>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let running = true;
  void until.then(() => (running = false));
  const loop = async (touching: boolean, startAfterMs: number) => {
    await sleep(startAfterMs);
    while (running) {
      const started = performance.now();
      const answer = await (touching ? touchingVehicles() : notTouchingVehicles());
      outcomes.push({ touching, ms: performance.now() - started, answer });
      await sleep(thinkMs);
    }
  };
  const stagger = thinkMs / (callers.touching + callers.others);
  await Promise.all([
    ...Array.from({ length: callers.touching }, (_, i) => loop(true, 2 * i * stagger)),
    ...Array.from({ length: callers.others }, (_, i) => loop(false, (2 * i + 1) * stagger)),
  ]);
  return outcomes;
}

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  platform = await startPlatform({
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    extraEnv: { SUBGRAPH_TIMEOUT_MS: String(timeoutMs), SUBGRAPH_MAX_CONCURRENCY: String(maxConcurrency), SUBGRAPH_QUEUE_MS: '0', SUBGRAPH_BREAKER_RESET_MS: '1000', LOG_LEVEL: 'warn', VPIC_BASE_URL: 'http://127.0.0.1:9/api' },
  });
  const executor = { database: { url: postgres.url }, execute: (document: string, variables = {}, options: { token?: string } = {}) => graphql(document, variables, options.token ?? '') };
  const org = await signUp(executor, 'Frozen Fleet');
  token = org.ownerToken;
  const customerId = await addCustomer(executor, token, org.shopId);
  vehicleId = must(
    await graphql(`mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: 42000) { id } }`, {
      shopId: org.shopId,
      customerId,
      vin: '1FTMW1T88MFA00001',
    }),
  ).addVehicle.id;
});

afterAll(async () => {
  if (platform) service('vehicles').process.kill('SIGCONT');
  await platform?.stop();
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

describe('a subgraph process frozen under load', () => {
  it('costs requests touching it at most its timeout with a coded error, the others nothing, holds no more sockets than its bulkhead, and recovers once it runs again', async () => {
    const vehicles = service('vehicles');
    const gateway = service('gateway');
    const vehiclesPort = Number(new URL(vehicles.url).port);
    const healthy = await underLoad(calm, sleep(1_000));
    expect(healthy.flatMap((o) => o.answer.errors ?? [])).toEqual([]);

    vehicles.process.kill('SIGSTOP');
    let peakSockets = 0;
    let peakAllSockets = 0;
    let sampling = true;
    // A socket counts as held when two samples 50 ms apart both see it: one a timed-out call is closing
    // while the next call opens its own is gone by the next sample, and is no socket the bulkhead lets pile up.
    let previous = new Set<string>();
    const sampler = (async () => {
      while (sampling) {
        const current = socketsTo(gateway, vehiclesPort);
        peakSockets = Math.max(peakSockets, [...current].filter((inode) => previous.has(inode)).length);
        previous = current;
        peakAllSockets = Math.max(peakAllSockets, socketsTo(gateway, null).size);
        await sleep(50);
      }
    })();
    const frozen = await underLoad(crowd, sleep(3 * timeoutMs));
    sampling = false;
    await sampler;

    const touching = frozen.filter((o) => o.touching);
    const others = frozen.filter((o) => !o.touching);
    const slowestOther = Math.max(...others.map((o) => o.ms));
    // What a request costs here without waiting for vehicles: the others, and the calls to vehicles refused at once (bulkhead full or breaker open).
    const refusedAtOnce = touching.filter((o) => o.answer.errors?.some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE'));
    const slowestUnblocked = Math.max(slowestOther, ...refusedAtOnce.map((o) => o.ms));
    const codes = new Set(touching.flatMap((o) => o.answer.errors?.map((e) => e.extensions?.code) ?? ['none']));
    console.info(
      `frozen vehicles: ${touching.length} requests touching it (codes ${[...codes].join(', ')}, slowest ${Math.round(Math.max(...touching.map((o) => o.ms)))} ms),`,
      `${others.length} others (slowest ${Math.round(slowestOther)} ms), slowest without waiting for vehicles ${Math.round(slowestUnblocked)} ms; gateway sockets to vehicles at most ${peakSockets}, all sockets at most ${peakAllSockets}`,
    );
    // Every request touching the frozen subgraph answered, with a coded error naming it.
    for (const outcome of touching) {
      expect(outcome.answer.errors).toEqual([expect.objectContaining({ path: ['vehicle'], extensions: { code: expect.stringMatching(/^SUBGRAPH_(TIMEOUT|UNAVAILABLE)$/), serviceName: 'vehicles' } })]);
    }
    expect(codes.has('SUBGRAPH_TIMEOUT'), 'calls that reached the frozen process timed out').toBe(true);
    // At most its timeout beyond what any request costs on this machine right now; the others never waited for it.
    expect(Math.max(...touching.map((o) => o.ms))).toBeLessThanOrEqual(timeoutMs + slowestUnblocked);
    expect(others.flatMap((o) => o.answer.errors ?? [])).toEqual([]);
    expect(slowestOther).toBeLessThan(timeoutMs);
    // The gateway's readiness check asks the subgraph's /readyz on a connection of its own, outside the bulkhead,
    // which stays open (kept alive) for a few seconds after the check that found the platform ready.
    expect(peakSockets).toBeLessThanOrEqual(maxConcurrency + 1);

    vehicles.process.kill('SIGCONT');
    let recovered: Answer | null = null;
    for (let i = 0; i < 100 && !recovered; i++) {
      const answer = await touchingVehicles();
      if (answer.errors === undefined) recovered = answer;
      else await sleep(200);
    }
    expect(recovered?.data?.vehicle.make, 'vehicles answer again').toMatch(/ford/i);
    const after = await underLoad(calm, sleep(1_000));
    expect(after.flatMap((o) => o.answer.errors ?? [])).toEqual([]);
    expect(exits()).toEqual([]);
  });
});
