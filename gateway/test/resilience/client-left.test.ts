import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformBehindProxy, type FaultyProxy } from '../support/faulty-proxy';
import type { TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';

/**
 * A client that gives up on a slow answer takes its subgraph calls with it: they stop at once instead of
 * holding a slot of the subgraph's bulkhead (and a socket, and the subgraph's work) until their budget runs out.
 */
let platform: TestPlatform;
let org: SeededOrg;
let proxy: FaultyProxy;
const slots = 2;

beforeAll(async () => {
  ({ platform, proxy } = await startPlatformBehindProxy('vehicles', {
    only: ['shops', 'vehicles'],
    // A budget far beyond the test: only the client leaving can end the calls to the hung subgraph.
    configOverrides: { SUBGRAPH_TIMEOUT_MS: '300000', SUBGRAPH_MAX_CONCURRENCY: String(slots), SUBGRAPH_RETRIES: '0' },
  }));
  org = await signUp(platform, 'Impatient Clients');
});
afterAll(async () => {
  await platform?.close();
  await proxy?.close();
});

const decode = (signal?: AbortSignal) =>
  fetch(platform.gatewayUrl, {
    method: 'POST',
    // Every response computed: identical reads in flight would otherwise share one call.
    headers: { 'content-type': 'application/json', authorization: `Bearer ${org.ownerToken}`, 'cache-control': 'no-cache' },
    body: JSON.stringify({ query: 'query($vin: String!) { decodeVin(vin: $vin) { make } }', variables: { vin: '1FTMW1T88MFA00001' } }),
    signal,
  });

describe('a client leaving before its answer', () => {
  it("stops the gateway's calls made for it, so a hung subgraph's slots come free for the next clients", async () => {
    proxy.set('hang');
    const leaving = Array.from({ length: slots }, () => new AbortController());
    const sent = leaving.map((client) => decode(client.signal).catch(() => 'left'));
    await expect.poll(() => proxy.stats.requests, { timeout: 60_000 }).toBe(slots);
    expect(proxy.open()).toBe(slots);

    for (const client of leaving) client.abort();
    expect(await Promise.all(sent)).toEqual(Array(slots).fill('left'));
    await expect.poll(() => proxy.open(), { timeout: 60_000 }).toBe(0);

    proxy.set('pass');
    const answer = (await (await decode()).json()) as { data?: { decodeVin: { make: string } }; errors?: unknown[] };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.decodeVin.make).toMatch(/ford/i);
  });
});
