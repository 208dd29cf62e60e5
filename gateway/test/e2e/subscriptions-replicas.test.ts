import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBus, createLogger, serveSubgraph, type EventBus, type ServedSubgraph, type SubgraphName } from '@cip/platform';
import { testSigningKey } from '@cip/platform/testing';
import { standardFeatures } from '../../src/features/standard';
import { localAuth, startGateway, type RunningGateway } from '../../src/server';
import { loadSubgraphDefinition, startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addVehicle, signUp, type SeededOrg } from '../support/seed';
import { clients, collect, completed, connect } from '../support/subscriptions';

let platform: TestPlatform;
let secondBus: EventBus;
let secondAnalytics: ServedSubgraph;
let secondGateway: RunningGateway;
let org: SeededOrg;

/**
 * A second replica of the gateway and of the analytics subgraph, in the same deployment (same database,
 * same Redis namespace) but with their own bus connections, as another pod would have.
 */
beforeAll(async () => {
  platform = await startTestPlatform();
  const logger = createLogger(platform.config.logLevel, { service: 'replica' });
  secondBus = await createBus(platform.config, platform.database.url, logger);
  const signingKey = await testSigningKey();
  secondAnalytics = await serveSubgraph((await loadSubgraphDefinition('analytics'))!, platform.config, {
    databaseUrl: platform.database.url,
    signingKey,
    bus: secondBus,
    store: platform.store,
    relayPollMs: 200,
    host: '127.0.0.1',
    port: 0,
  });
  const subgraphUrls = Object.fromEntries(Object.entries(platform.subgraphs).map(([name, s]) => [name, s!.url])) as Record<SubgraphName, string>;
  secondGateway = await startGateway({
    config: platform.config,
    logger,
    ...localAuth(signingKey, platform.config, platform.store),
    bus: secondBus,
    store: platform.store,
    databaseUrl: platform.database.url,
    subgraphUrls: { ...subgraphUrls, analytics: secondAnalytics.url },
    supergraphSdl: platform.supergraphSdl,
    features: standardFeatures(),
    host: '127.0.0.1',
    port: 0,
  });
  org = await signUp(platform, 'Replica Repairs');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await secondGateway?.close();
  await secondAnalytics?.close();
  await secondBus?.close();
  await platform?.close();
});

async function startInspectionThrough(gatewayUrl: string) {
  const customerId = await addCustomer(platform, org.ownerToken, org.shopId);
  const vehicleId = await addVehicle(platform, org.ownerToken, org.shopId, customerId);
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${org.ownerToken}` },
    body: JSON.stringify({
      query: `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`,
      variables: { input: { shopId: org.shopId, vehicleId, customerId } },
    }),
  });
  const body = (await response.json()) as { data?: { startInspection: { id: string } }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
}

const startedSubscription = `subscription($shopId: ID!) {
  shopMetricsUpdated(shopId: $shopId) { totals { inspectionsStarted } shop { name } }
}`;

describe('subscriptions across gateway replicas', () => {
  it('delivers to a client on one gateway the events caused through the other', async () => {
    const onSecond = collect(connect(secondGateway.url, org.ownerToken), startedSubscription, { shopId: org.shopId });
    const onFirst = collect(connect(platform.gatewayUrl, org.ownerToken), startedSubscription, { shopId: org.shopId });
    let warm = null;
    for (let i = 0; i < 40 && !warm; i++) {
      await platform.bus.publish([completed(org, 1)]);
      warm = (await onSecond.next(() => true, 250)) && (await onFirst.next(() => true, 250));
    }
    expect(warm).not.toBeNull();
    // Warm-up events complete inspections and start none, so the count read here is final whatever is still in flight.
    const startedBefore = onSecond.results.at(-1)!.result.data.shopMetricsUpdated.totals.inspectionsStarted as number;

    await startInspectionThrough(platform.gatewayUrl);
    const viaFirst = await onSecond.next((r) => r.data?.shopMetricsUpdated.totals.inspectionsStarted === startedBefore + 1, 20_000);
    expect(viaFirst?.result.data.shopMetricsUpdated.shop.name, 'the second gateway hears of a start through the first').toBe('Replica Repairs Downtown');

    await startInspectionThrough(secondGateway.url);
    const viaSecond = await onFirst.next((r) => r.data?.shopMetricsUpdated.totals.inspectionsStarted === startedBefore + 2, 20_000);
    expect(viaSecond, 'the first gateway hears of a start through the second').not.toBeNull();
  });
});
