import { randomUUID } from 'node:crypto';
import { startTestSubgraph, testSigner, type TestSubgraph } from '@cip/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsSubgraph, Ingestor } from '../src/app';
import { inspectionLife, seeded, shopCreated, type ShopSpec } from './events';

let analytics: TestSubgraph;
const orgId = randomUUID();
const shop: ShopSpec = { shopId: randomUUID(), orgId, timezone: 'America/Chicago', technicianIds: [randomUUID()] };
const range = { from: '2026-03-01', to: '2026-03-31' };
let owner: string;
let stranger: string;
let customer: string;

const viaShop = `query($r: [_Any!]!, $range: MetricsRange!) {
  _entities(representations: $r) { ... on Shop { metrics(range: $range, granularity: WEEK) { id from to granularity totals { inspectionsStarted } } } }
}`;
const byId = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on ShopMetrics { id from to granularity shop { id } totals { inspectionsStarted } } }
}`;
const resolve = (id: string, token?: string) => analytics.execute(byId, { r: [{ __typename: 'ShopMetrics', id }] }, token ? { token } : {});

beforeAll(async () => {
  analytics = await startTestSubgraph(analyticsSubgraph);
  const ingestor = new Ingestor(analytics.runtime.db.dataSource);
  const random = seeded(5);
  await ingestor.handle(shopCreated(shop));
  for (let i = 0; i < 4; i++) for (const event of inspectionLife(shop, new Date(Date.UTC(2026, 2, 3 + i * 5, 16)), random)) await ingestor.handle(event);
  const signer = await testSigner();
  owner = (await signer.sign({ kind: 'staff', userId: randomUUID(), orgId, roles: { [shop.shopId]: 'OWNER' } }, 900)).token;
  customer = (await signer.sign({ kind: 'customer', inspectionId: randomUUID(), orgId, shopId: shop.shopId, customerId: randomUUID(), vehicleId: randomUUID() }, 900)).token;
  stranger = (await signer.sign({ kind: 'staff', userId: randomUUID(), orgId: randomUUID(), roles: { [randomUUID()]: 'OWNER' } }, 900)).token;
});
afterAll(() => analytics?.close());

describe('a ShopMetrics view as an entity', () => {
  it('resolves by the id Shop.metrics gave it to the same shop, range, granularity and totals', async () => {
    const listed = await analytics.execute(viaShop, { r: [{ __typename: 'Shop', id: shop.shopId }], range }, { token: owner });
    expect(listed.errors).toBeUndefined();
    const view = listed.data!._entities[0].metrics;
    // Four inspections were started in March, one per life.
    expect(view.totals.inspectionsStarted).toBe(4);
    const resolved = await resolve(view.id, owner);
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!._entities[0]).toEqual({ ...view, shop: { id: shop.shopId } });
  });

  it('resolves to null, as if it did not exist, for staff of other shops and for the shop’s customers; without a token the caller is refused', async () => {
    const id = `${shop.shopId}|${range.from}|${range.to}|DAY`;
    expect((await resolve(id, owner)).data!._entities[0]).not.toBeNull();
    expect((await resolve(id, stranger)).data!._entities).toEqual([null]);
    // A customer of the shop itself (the approval page's token) is not staff.
    expect((await resolve(id, customer)).data!._entities).toEqual([null]);
    expect((await resolve(id)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('resolves an id that names no view (unknown granularity, a day that is not in the calendar, missing parts) to null', async () => {
    for (const id of [`${shop.shopId}|${range.from}|${range.to}|YEAR`, `${shop.shopId}|2026-02-30|${range.to}|DAY`, `${shop.shopId}|${range.from}`, '']) {
      const result = await resolve(id, owner);
      expect(result.errors, id).toBeUndefined();
      expect(result.data!._entities, id).toEqual([null]);
    }
  });
});
