import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSigner } from '@cip/platform/testing';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';
import { clients, collect, completed, connect, metricsSubscription } from '../support/subscriptions';

let platform: TestPlatform;
let orgA: SeededOrg;
let orgB: SeededOrg;

beforeAll(async () => {
  platform = await startTestPlatform();
  orgA = await signUp(platform, 'Alpha Auto');
  orgB = await signUp(platform, 'Bravo Brakes');
}, 60_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
});

describe('subscriptions through the gateway', () => {
  it('delivers live shop metrics within a second, completed with fields the shops subgraph owns, and nothing to another organization', async () => {
    const alpha = collect(connect(platform.gatewayUrl, orgA.ownerToken), metricsSubscription, { shopId: orgA.shopId });
    const bravo = collect(connect(platform.gatewayUrl, orgB.ownerToken), metricsSubscription, { shopId: orgB.shopId });
    // The upstream stream opens asynchronously; publish until the first update arrives.
    let warm = null;
    for (let i = 0; i < 40 && !warm; i++) {
      await platform.bus.publish([completed(orgA, 1)]);
      warm = await alpha.next(() => true, 250);
    }
    expect(warm?.result.errors).toBeUndefined();

    await new Promise((resolve) => setTimeout(resolve, 300));
    const redBefore = alpha.results.at(-1)!.result.data.shopMetricsUpdated.totals.itemsRed as number;
    const publishedAt = Date.now();
    await platform.bus.publish([completed(orgA, 5)]);
    const update = await alpha.next((r) => r.data?.shopMetricsUpdated.totals.itemsRed === redBefore + 5, 2_000);
    expect(update, 'an update after the event').not.toBeNull();
    expect(update!.at - publishedAt).toBeLessThan(1_000);
    expect(update!.result.errors).toBeUndefined();
    expect(update!.result.data.shopMetricsUpdated.shop).toEqual({ id: orgA.shopId, name: 'Alpha Auto Downtown' });

    await new Promise((resolve) => setTimeout(resolve, 300));
    const seenByBravo = bravo.results.map((r) => r.result.data?.shopMetricsUpdated);
    expect(seenByBravo.filter((m) => m.shop.id !== orgB.shopId || m.totals.inspectionsCompleted !== 0)).toEqual([]);
  });

  it("refuses a subscription to another organization's shop as NOT_FOUND, before forwarding it", async () => {
    const spy = collect(connect(platform.gatewayUrl, orgB.ownerToken), metricsSubscription, { shopId: orgA.shopId });
    const refused = await spy.next(() => true, 2_000);
    const errors = (spy.error as { message: string; extensions?: { code?: string } }[] | undefined) ?? refused?.result.errors;
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await platform.bus.publish([completed(orgA, 2)]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(spy.results.filter((r) => r.result.data)).toEqual([]);
  });

  it("closes the subgraph stream as soon as the client leaves, without waiting for the shop's next event", async () => {
    const analyticsServer = platform.subgraphs.analytics!.server.server;
    const openStreams = () => new Promise<number>((resolve, reject) => analyticsServer.getConnections((error, count) => (error ? reject(error) : resolve(count))));
    const idle = await openStreams();
    const client = connect(platform.gatewayUrl, orgB.ownerToken);
    const live = collect(client, `subscription($shopId: ID!) { shopMetricsUpdated(shopId: $shopId) { totals { itemsRed } } }`, { shopId: orgB.shopId });
    let warm = null;
    for (let i = 0; i < 40 && !warm; i++) {
      await platform.bus.publish([completed(orgB, 1)]);
      warm = await live.next(() => true, 250);
    }
    expect(await openStreams()).toBeGreaterThan(idle);
    live.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await openStreams()).toBe(idle);
  });

  it('closes a connection without a valid token in connection_init', async () => {
    const code = await new Promise<number>((resolve) => {
      const client = connect(platform.gatewayUrl, 'not.a.token', resolve);
      collect(client, metricsSubscription, { shopId: orgA.shopId });
    });
    expect(code).toBe(4403);
  });

  it('closes the subscription with 4401 when the token it was opened with expires', async () => {
    const signer = await testSigner();
    const { token } = await signer.sign({ kind: 'staff', userId: orgA.ownerId, orgId: orgA.orgId, roles: { [orgA.shopId]: 'OWNER' } }, 2);
    const closed = new Promise<number>((resolve) => {
      const client = connect(platform.gatewayUrl, token, resolve);
      collect(client, metricsSubscription, { shopId: orgA.shopId });
    });
    const code = await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve('still open'), 5_000))]);
    expect(code).toBe(4401);
  });
});
