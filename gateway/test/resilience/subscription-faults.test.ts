import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformBehindProxy, type FaultyProxy } from '../support/faulty-proxy';
import type { TestPlatform } from '../support/platform';
import { addCustomer, must, signUp, type SeededOrg } from '../support/seed';
import { clients, collect, completed, connect } from '../support/subscriptions';

/** Issue 13.4: opening a subscription goes through the same per-subgraph timeout and circuit breaker as a query. */
let platform: TestPlatform;
let org: SeededOrg;
let customerId: string;
let vehicleId: string;
let proxy: FaultyProxy;
const breakerVolume = 3;

const metrics = `subscription($shopId: ID!) { shopMetricsUpdated(shopId: $shopId) { totals { itemsRed } } }`;
const inspectionUpdates = `subscription($shopId: ID!) { inspectionUpdated(shopId: $shopId) { id status } }`;

beforeAll(async () => {
  ({ platform, proxy } = await startPlatformBehindProxy('analytics', {
    only: ['shops', 'inspections', 'vehicles', 'analytics'],
    configOverrides: {
      // One budget for every subgraph's calls, the healthy inspections subgraph's too: long enough for a loaded
      // machine's slowest answer (a mutation took over 10 s at load 15), while the hung analytics one runs out of it.
      SUBGRAPH_TIMEOUT_MS: '60000',
      SUBGRAPH_RETRIES: '0',
      SUBGRAPH_BREAKER_VOLUME: String(breakerVolume),
      SUBGRAPH_BREAKER_ERROR_PERCENT: '50',
      SUBGRAPH_BREAKER_RESET_MS: '5000',
    },
  }));
  org = await signUp(platform, 'Stalled Streams');
  customerId = await addCustomer(platform, org.ownerToken, org.shopId, 'Casey');
  vehicleId = must(
    await platform.execute(
      `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: 42000) { id } }`,
      { shopId: org.shopId, customerId, vin: '1FTMW1T88MFA00001' },
      { token: org.ownerToken },
    ),
  ).addVehicle.id;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
  await proxy?.close();
});

const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;

/**
 * Starts inspections until `stream` delivers an update for one of them: the stream is open and live. One started
 * before the stream was subscribed upstream is never delivered, hence more than one; one delivered late still counts.
 */
async function startInspectionSeenBy(stream: ReturnType<typeof collect>) {
  const started = new Set<string>();
  for (let i = 0; i < 30; i++) {
    started.add(
      must(
        await platform.execute(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { shopId: org.shopId, vehicleId, customerId } }, { token: org.ownerToken }),
      ).startInspection.id as string,
    );
    const seen = await stream.next((r) => started.has(r.data?.inspectionUpdated.id), 1_000);
    if (seen) return seen;
  }
  return null;
}

describe('subscriptions to a faulty subgraph', () => {
  it('ends a subscription the subgraph accepted and never answered with SUBGRAPH_TIMEOUT, frees its socket, and keeps the connection’s other streams running', { timeout: 600_000 }, async () => {
    const client = connect(platform.gatewayUrl, org.ownerToken);
    const inspections = collect(client, inspectionUpdates, { shopId: org.shopId });
    expect(await startInspectionSeenBy(inspections), 'the inspections stream is live').not.toBeNull();

    proxy.set('hang');
    const stalled = collect(client, metrics, { shopId: org.shopId });
    const ended = await stalled.next((r) => r.errors !== undefined, 300_000);
    expect(ended, 'the stalled subscription ends').not.toBeNull();
    expect(ended!.result.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/analytics service did not answer in time/), extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'analytics' } })]);
    expect(proxy.stats.requests).toBe(1);
    await expect.poll(() => proxy.open(), { timeout: 10_000 }).toBe(0);

    expect(await startInspectionSeenBy(inspections), 'the inspections stream still delivers').not.toBeNull();
    expect(inspections.error).toBeUndefined();
  });

  it('stops re-subscribes from reaching a failing subgraph once its breaker opens, and lets them through again once it recovers', async () => {
    const client = connect(platform.gatewayUrl, org.ownerToken);
    proxy.set('down');
    const refusals: string[] = [];
    for (let i = 0; i < 2 * breakerVolume && !refusals.some((m) => /paused/.test(m)); i++) {
      const attempt = await collect(client, metrics, { shopId: org.shopId }).next((r) => r.errors !== undefined, 20_000);
      expect(codeOf(attempt!.result)).toBe('SUBGRAPH_UNAVAILABLE');
      expect(attempt!.result.errors![0].extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'analytics' });
      refusals.push(attempt!.result.errors![0].message);
    }
    expect(refusals.at(-1)).toMatch(/analytics service is failing; calls to it are paused/);

    const reached = proxy.stats.connections;
    for (let i = 0; i < 5; i++) {
      const refused = await collect(client, metrics, { shopId: org.shopId }).next((r) => r.errors !== undefined, 20_000);
      expect(refused!.result.errors![0]).toMatchObject({ message: expect.stringMatching(/paused/), extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'analytics' } });
    }
    expect(proxy.stats.connections, 'refused re-subscribes never reached the subgraph').toBe(reached);

    proxy.set('pass');
    let live = null;
    for (let i = 0; i < 60 && !live; i++) {
      const stream = collect(client, metrics, { shopId: org.shopId });
      for (let j = 0; j < 8 && !live && !stream.results.some((r) => r.result.errors); j++) {
        await platform.bus.publish([completed(org, 1)]);
        live = await stream.next((r) => r.data?.shopMetricsUpdated !== undefined, 250);
      }
    }
    expect(live, 'a subscription opened after the subgraph recovered delivers updates').not.toBeNull();
    expect(live!.result.errors).toBeUndefined();
  });
});
