import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
});

describe('subscriptions through the gateway', () => {
  it('delivers live shop metrics in order, completed with fields the shops subgraph owns, and nothing to another organization', async () => {
    const alpha = collect(connect(platform.gatewayUrl, orgA.ownerToken), metricsSubscription, { shopId: orgA.shopId });
    const bravo = collect(connect(platform.gatewayUrl, orgB.ownerToken), metricsSubscription, { shopId: orgB.shopId });
    const redOf = (r: { data?: any }) => r.data?.shopMetricsUpdated.totals.itemsRed as number | undefined;
    // The upstream stream opens asynchronously; publish until the first update arrives, counting what was sent.
    let publishedRed = 0;
    let warm = null;
    for (let i = 0; i < 80 && !warm; i++) {
      await platform.bus.publish([completed(orgA, 1)]);
      publishedRed += 1;
      warm = await alpha.next(() => true, 250);
    }
    expect(warm?.result.errors).toBeUndefined();

    await platform.bus.publish([completed(orgA, 5)]);
    const update = await alpha.next((r) => redOf(r) === publishedRed + 5, 20_000);
    expect(update, 'an update counting every red item published').not.toBeNull();
    expect(update!.result.errors).toBeUndefined();
    expect(update!.result.data.shopMetricsUpdated.shop).toEqual({ id: orgA.shopId, name: 'Alpha Auto Downtown' });
    const reds = alpha.results.map((r) => redOf(r.result)!);
    expect(reds, 'totals only grow').toEqual([...reds].sort((a, b) => a - b));

    // Bravo's own event, published after all of Alpha's, arrives after them: what Bravo saw before it is all it will see of them.
    let bravoMarker = null;
    for (let i = 0; i < 80 && !bravoMarker; i++) {
      await platform.bus.publish([completed(orgB, 1)]);
      bravoMarker = await bravo.next((r) => (redOf(r) ?? 0) > 0, 250);
    }
    expect(bravoMarker, "Bravo receives its own shop's update").not.toBeNull();
    const seenByBravo = bravo.results.map((r) => r.result.data?.shopMetricsUpdated);
    expect(seenByBravo.filter((m) => m.shop.id !== orgB.shopId)).toEqual([]);
  });

  it("refuses a subscription to another organization's shop as NOT_FOUND, before forwarding it", async () => {
    const spy = collect(connect(platform.gatewayUrl, orgB.ownerToken), metricsSubscription, { shopId: orgA.shopId });
    const witness = collect(connect(platform.gatewayUrl, orgA.ownerToken), metricsSubscription, { shopId: orgA.shopId });
    const refused = await spy.next(() => true, 20_000);
    const errors = (spy.error as { message: string; extensions?: { code?: string } }[] | undefined) ?? refused?.result.errors;
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Alpha's own subscriber receiving the event shows it was fanned out; the refused one got none of it.
    let seen = null;
    for (let i = 0; i < 80 && !seen; i++) {
      await platform.bus.publish([completed(orgA, 2)]);
      seen = await witness.next(() => true, 250);
    }
    expect(seen).not.toBeNull();
    expect(spy.results.filter((r) => r.result.data)).toEqual([]);
  });

  it("closes the subgraph stream as soon as the client leaves, without waiting for the shop's next event", async () => {
    const analyticsServer = platform.subgraphs.analytics!.server.server;
    const openStreams = () => new Promise<number>((resolve, reject) => analyticsServer.getConnections((error, count) => (error ? reject(error) : resolve(count))));
    const idle = await openStreams();
    const client = connect(platform.gatewayUrl, orgB.ownerToken);
    const live = collect(client, `subscription($shopId: ID!) { shopMetricsUpdated(shopId: $shopId) { totals { itemsRed } } }`, { shopId: orgB.shopId });
    let warm = null;
    for (let i = 0; i < 80 && !warm; i++) {
      await platform.bus.publish([completed(orgB, 1)]);
      warm = await live.next(() => true, 250);
    }
    expect(await openStreams()).toBeGreaterThan(idle);
    live.stop();
    // No event is published from here on, so only the client leaving can close the upstream stream.
    await vi.waitFor(async () => expect(await openStreams()).toBe(idle), { timeout: 20_000, interval: 100 });
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
    const code = await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve('still open'), 30_000))]);
    expect(code).toBe(4401);
  });
});
