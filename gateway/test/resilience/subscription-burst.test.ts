import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformBehindProxy, type FaultyProxy } from '../support/faulty-proxy';
import type { TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';
import { clients, collect, completed, connect, metricsSubscription } from '../support/subscriptions';

/**
 * Every dashboard reconnecting at once (after a deploy, a network blip) opens its streams in one burst, more
 * than the bulkhead's slots: each opening waits for a slot instead of being refused.
 */
let platform: TestPlatform;
let org: SeededOrg;
let proxy: FaultyProxy;
const slots = 2;
const dashboards = 12;

beforeAll(async () => {
  ({ platform, proxy } = await startPlatformBehindProxy('analytics', {
    only: ['shops', 'analytics'],
    configOverrides: { SUBGRAPH_MAX_CONCURRENCY: String(slots), SUBGRAPH_TIMEOUT_MS: '120000' },
  }));
  org = await signUp(platform, 'Reconnect Storm');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
  await proxy?.close();
});

describe('a burst of subscriptions beyond the bulkhead', () => {
  it(`opens all ${dashboards} streams, ${slots} at a time, and every one delivers`, async () => {
    // Each opening holds its slot for 300 ms, so the burst overlaps whatever the machine's speed.
    proxy.delay(300);
    const streams = Array.from({ length: dashboards }, () => collect(connect(platform.gatewayUrl, org.ownerToken), metricsSubscription, { shopId: org.shopId }));
    const delivered = (stream: (typeof streams)[number]) => stream.results.some((r) => r.result.data?.shopMetricsUpdated);
    // A stream opened after an event misses it: publish until every stream has had one.
    for (let round = 0; round < 120 && !streams.every((s) => delivered(s) || s.error || s.results.some((r) => r.result.errors)); round++) {
      await platform.bus.publish([completed(org, 1)]);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(streams.flatMap((s) => s.results.flatMap((r) => r.result.errors ?? []))).toEqual([]);
    expect(streams.map((s) => s.error)).toEqual(Array(dashboards).fill(undefined));
    expect(streams.filter(delivered)).toHaveLength(dashboards);
  });
});
