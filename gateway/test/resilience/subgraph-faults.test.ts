import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformBehindProxy, type FaultyProxy } from '../support/faulty-proxy';
import type { TestPlatform } from '../support/platform';
import { addCustomer, must, signUp, type SeededOrg } from '../support/seed';

/** Issue 13.4 and 13.6: a hung or down subgraph costs only the fields it owns, at most its timeout, and says so. */
let platform: TestPlatform;
let org: SeededOrg;
let inspectionId: string;
let proxy: FaultyProxy;
const concurrency = 4;

beforeAll(async () => {
  ({ platform, proxy } = await startPlatformBehindProxy('vehicles', {
    only: ['shops', 'inspections', 'vehicles'],
    configOverrides: { SUBGRAPH_TIMEOUT_MS: '10000', SUBGRAPH_MAX_CONCURRENCY: String(concurrency), SUBGRAPH_RETRIES: '2', SUBGRAPH_BREAKER_VOLUME: '100000' },
  }));
  org = await signUp(platform, 'Faulty Fleet');
  const customerId = await addCustomer(platform, org.ownerToken, org.shopId, 'Casey');
  const vehicleId = must(
    await platform.execute(
      `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: 42000) { id } }`,
      { shopId: org.shopId, customerId, vin: '1FTMW1T88MFA00001' },
      { token: org.ownerToken },
    ),
  ).addVehicle.id;
  inspectionId = must(
    await platform.execute(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { shopId: org.shopId, vehicleId, customerId } }, { token: org.ownerToken }),
  ).startInspection.id;
});
afterAll(async () => {
  await platform?.close();
  await proxy?.close();
});

const withVehicle = `query($id: ID!) { inspection(id: $id) { id status vehicle { id make model } } }`;

describe('a faulty subgraph behind the gateway', () => {
  it('answers the inspection with its vehicle while the vehicles subgraph is healthy', async () => {
    proxy.set('pass');
    const data = must(await platform.execute(withVehicle, { id: inspectionId }, { token: org.ownerToken }));
    expect(data.inspection.vehicle.make).toMatch(/ford/i);
  });

  it('ends every request touching a hung subgraph with SUBGRAPH_TIMEOUT or a shed SUBGRAPH_UNAVAILABLE, answers the rest, and holds at most its concurrency in sockets', async () => {
    proxy.set('hang');
    const finished: string[] = [];
    const touching: Promise<Awaited<ReturnType<TestPlatform['execute']>>>[] = [];
    // Each its own document: identical requests in flight would be coalesced into one by the response cache.
    const send = (i: number) =>
      platform.execute(withVehicle.replace('status', `status n${i}: __typename`), { id: inspectionId }, { token: org.ownerToken }).then((result) => {
        finished.push(`vehicle-${i}`);
        return result;
      });
    // One at a time until the hung subgraph holds as many calls as it may, so only the vehicles calls pile up;
    // then as many again at once, which find no free slot before their queue time is spent.
    for (let i = 0; i < concurrency; i++) {
      touching.push(send(i));
      await expect.poll(() => proxy.stats.requests, { timeout: 20_000 }).toBe(i + 1);
    }
    for (let i = concurrency; i < 2 * concurrency; i++) touching.push(send(i));
    const other = await platform.execute(`{ me { id } shops { id name } }`, {}, { token: org.ownerToken });
    finished.push('other');
    expect(other.errors).toBeUndefined();
    expect(other.data?.me.id).toBe(org.ownerId);

    const results = await Promise.all(touching);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code);
    // Every call the hung subgraph received timed out; every other one waited its queue time for a slot and was refused.
    expect(codes).toEqual([...Array(concurrency).fill('SUBGRAPH_TIMEOUT'), ...Array(concurrency).fill('SUBGRAPH_UNAVAILABLE')]);
    expect(proxy.stats.requests).toBe(concurrency);
    // The calls in flight are the last to finish: they waited for their timeout, nothing else did.
    const timedOut = results.flatMap((r, i) => (r.errors?.[0]?.extensions?.code === 'SUBGRAPH_TIMEOUT' ? [`vehicle-${i}`] : []));
    expect(finished.indexOf('other')).toBeLessThan(Math.min(...timedOut.map((name) => finished.indexOf(name))));
    for (const result of results) {
      expect(result.status).toBe(200);
      expect((result.data as { inspection: unknown }).inspection).toMatchObject({ id: inspectionId, status: 'IN_PROGRESS', vehicle: { make: null, model: null } });
      expect(result.errors?.[0]).toMatchObject({ path: ['inspection', 'vehicle'], extensions: { serviceName: 'vehicles' } });
      expect(result.errors?.[0].message).toMatch(/vehicles service/);
    }
    expect(proxy.stats.peakOpen).toBeLessThanOrEqual(concurrency);
    await expect.poll(() => proxy.open(), { timeout: 20_000 }).toBe(0);
  });

  it('names the down subgraph with SUBGRAPH_UNAVAILABLE, retrying the read but never the write', async () => {
    proxy.set('down');
    const read = await platform.execute<{ inspection: { status: string; vehicle: { id: string } } }>(withVehicle, { id: inspectionId }, { token: org.ownerToken });
    expect(read.data?.inspection.status).toBe('IN_PROGRESS');
    expect(read.errors).toEqual([expect.objectContaining({ path: ['inspection', 'vehicle'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'vehicles' } })]);
    expect(proxy.stats.connections).toBe(3);

    proxy.set('down');
    const write = await platform.execute<{ recordVehicleMileage: { id: string } }>(`mutation($id: ID!) { recordVehicleMileage(vehicleId: $id, mileage: 43000) { id } }`, { id: read.data?.inspection.vehicle.id }, { token: org.ownerToken });
    expect(write.errors?.[0].extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'vehicles' });
    expect(proxy.stats.connections).toBe(1);
  });
});
