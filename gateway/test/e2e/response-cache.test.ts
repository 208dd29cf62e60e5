import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type SubgraphName } from '@cip/platform';
import { testSigningKey } from '@cip/platform/testing';
import { standardFeatures } from '../../src/features/standard';
import { localAuth, startGateway } from '../../src/server';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addShop, addStaff, signUp, type SeededOrg } from '../support/seed';
import { requestSelects } from '../support/queries';

let platform: TestPlatform;
let acme: SeededOrg;
let acmeOwner: string;
let zenith: SeededOrg;
let secondShop: string;

const customersQuery = `{ shops { name customers { name } } }`;

beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'inspections'] });
  acme = await signUp(platform, 'Acme Auto');
  const added = await addShop(platform, acme, 'Acme Uptown');
  secondShop = added.shopId;
  acmeOwner = added.ownerToken;
  await addCustomer(platform, acmeOwner, acme.shopId, 'Ada');
  zenith = await signUp(platform, 'Zenith Motors');
  await addCustomer(platform, zenith.ownerToken, zenith.shopId, 'Zed');
});
afterAll(() => platform?.close());

/** Runs a query through a gateway (the platform's unless `via` names a replica), counting the SELECTs it caused in the shops subgraph. */
async function read(query: string, token: string, headers: Record<string, string> = {}, via = platform.gatewayUrl) {
  const capture = platform.subgraphs.shops!.runtime.db.queryLog.capture();
  const http = await fetch(via, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify({ query }) });
  const response = (await http.json()) as { data?: any; errors?: any[] };
  const selects = Object.values(requestSelects(capture.stop())).reduce((n, count) => n + count, 0);
  return { response, selects, age: http.headers.get('age'), cacheControl: http.headers.get('cache-control') };
}

const names = (data: any) => data.shops.map((s: any) => `${s.name}: ${s.customers.map((c: any) => c.name).join(', ')}`);

describe('gateway response cache', () => {
  it('answers a repeated staff query from the cache without reaching the subgraph, and says how old it is', async () => {
    const first = await read(customersQuery, acmeOwner);
    expect(first.response.errors).toBeUndefined();
    expect(first.selects).toBeGreaterThan(0);
    expect(first.age).toBeNull();
    expect(first.cacheControl).toBeNull();

    const second = await read(customersQuery, acmeOwner);
    expect(second.response.data).toEqual(first.response.data);
    expect(second.selects).toBe(0);
    expect(second.age).not.toBeNull();
  });

  it('never serves one caller the response cached for another: other organizations and narrower roles get their own', async () => {
    const owner = await read(customersQuery, acmeOwner);
    expect(names(owner.response.data)).toEqual(['Acme Auto Downtown: Ada Driver', 'Acme Uptown: ']);

    const other = await read(customersQuery, zenith.ownerToken);
    expect(other.selects).toBeGreaterThan(0);
    expect(names(other.response.data)).toEqual(['Zenith Motors Downtown: Zed Driver']);

    const technician = await addStaff(platform, { ...acme, ownerToken: acmeOwner }, 'TECHNICIAN', secondShop);
    const narrow = await read(`{ shops { name } }`, technician.token);
    expect(narrow.response.data).toEqual({ shops: [{ name: 'Acme Uptown' }] });
  });

  it("shows a write at once: any mutation in the organization starts its cached responses over, and no other organization's", async () => {
    await read(customersQuery, acmeOwner);
    await read(customersQuery, zenith.ownerToken);
    expect((await read(customersQuery, acmeOwner)).selects).toBe(0);

    const advisor = await addStaff(platform, { ...acme, ownerToken: acmeOwner }, 'ADVISOR', acme.shopId);
    await addCustomer(platform, advisor.token, acme.shopId, 'Bea');

    const after = await read(customersQuery, acmeOwner);
    expect(after.selects).toBeGreaterThan(0);
    expect(names(after.response.data)).toEqual(['Acme Auto Downtown: Ada Driver, Bea Driver', 'Acme Uptown: ']);
    expect((await read(customersQuery, zenith.ownerToken)).selects).toBe(0);
  });

  it('runs identical reads that miss the cache at the same moment once, and answers every one of them', async () => {
    await addCustomer(platform, acmeOwner, acme.shopId, 'Dee');
    const capture = platform.subgraphs.shops!.runtime.db.queryLog.capture();
    const answers = await Promise.all(Array.from({ length: 20 }, () => platform.execute(customersQuery, {}, { token: acmeOwner })));
    const customerPages = capture.stop().filter((q) => q.sql.includes('customers.listForShops'));
    expect(answers.every((a) => !a.errors && JSON.stringify(a.data) === JSON.stringify(answers[0]!.data))).toBe(true);
    expect(names(answers[0]!.data)[0]).toContain('Dee Driver');
    expect(customerPages).toHaveLength(1);
  });

  it('goes to the subgraphs when the client sends Cache-Control: no-cache', async () => {
    await read(customersQuery, acmeOwner);
    const fresh = await read(customersQuery, acmeOwner, { 'cache-control': 'no-cache' });
    expect(fresh.selects).toBeGreaterThan(0);
    expect(fresh.age).toBeNull();
  });

  it('does not cache a response that needs a subgraph without cache hints, nor one with errors', async () => {
    const query = `{ shops { name inspections(first: 1) { nodes { id } } } }`;
    await read(query, acmeOwner);
    const again = await read(query, acmeOwner);
    expect(again.response.errors).toBeUndefined();
    expect(again.selects).toBeGreaterThan(0);
    expect(again.age).toBeNull();

    const missing = `{ shop(id: "${zenith.shopId}") { name } }`;
    expect((await read(missing, acmeOwner)).response.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const repeated = await read(missing, acmeOwner);
    expect(repeated.response.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(repeated.age).toBeNull();
  });

  it('starts the organization over on every replica sharing the store, whichever replica ran the mutation', async () => {
    const replica = await startGateway({
      config: platform.config,
      logger: createLogger('silent', { service: 'replica' }),
      ...localAuth(await testSigningKey(), platform.config, platform.store),
      bus: platform.bus,
      store: platform.store,
      databaseUrl: platform.database.url,
      subgraphUrls: Object.fromEntries(Object.entries(platform.subgraphs).map(([name, s]) => [name, s!.url])) as Record<SubgraphName, string>,
      supergraphSdl: platform.supergraphSdl,
      features: standardFeatures(),
      host: '127.0.0.1',
      port: 0,
    });
    try {
      await read(customersQuery, acmeOwner, {}, replica.url);
      expect((await read(customersQuery, acmeOwner, {}, replica.url)).selects).toBe(0);
      await addCustomer(platform, acmeOwner, secondShop, 'Cy');
      const after = await read(customersQuery, acmeOwner, {}, replica.url);
      expect(after.selects).toBeGreaterThan(0);
      expect(names(after.response.data)).toContain('Acme Uptown: Cy Driver');
    } finally {
      await replica.close();
    }
  });
});
