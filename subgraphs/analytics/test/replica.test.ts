import { randomUUID } from 'node:crypto';
import { openDatabase } from '@cip/platform';
import { createTestDatabase, startTestSubgraph, testConfig, testSigner, type TestDatabase, type TestSubgraph } from '@cip/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsEntities, analyticsMigrations, analyticsSubgraph, Ingestor } from '../src/app';
import { commission, shopCreated, type ShopSpec } from './events';

let replica: TestDatabase;
let analytics: TestSubgraph;
const shop: ShopSpec = { shopId: randomUUID(), orgId: randomUUID(), timezone: 'UTC', technicianIds: [] };
const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shop { metrics(range: { from: "2026-04-01", to: "2026-04-30" }) { totals { partnerRevenue { amountCents } } } } } }`;

/**
 * The "replica" here is a separate database holding different rollups than the primary, so an answer
 * shows which one the read went to.
 */
beforeAll(async () => {
  replica = await createTestDatabase('analytics_replica');
  const { dataSource } = await openDatabase({ url: replica.url, schema: 'analytics', entities: analyticsEntities, migrations: analyticsMigrations });
  const onReplica = new Ingestor(dataSource);
  await onReplica.handle(shopCreated(shop));
  await onReplica.handle(commission(shop, 777, false, new Date('2026-04-10T12:00:00Z')));
  await dataSource.destroy();
  analytics = await startTestSubgraph(analyticsSubgraph, { config: testConfig('analytics', { DATABASE_REPLICA_URLS: replica.url }) });
  const onPrimary = new Ingestor(analytics.runtime.db.dataSource);
  await onPrimary.handle(shopCreated(shop));
  await onPrimary.handle(commission(shop, 111, false, new Date('2026-04-10T12:00:00Z')));
});
afterAll(async () => {
  await analytics?.close();
  await replica?.drop();
});

describe('reporting reads with DATABASE_REPLICA_URLS', () => {
  it('answer Shop.metrics from the replica while ingestion writes to the primary', async () => {
    const token = (await (await testSigner()).sign({ kind: 'staff', userId: randomUUID(), orgId: shop.orgId, roles: { [shop.shopId]: 'OWNER' } }, 900)).token;
    const result = await analytics.execute(query, { r: [{ __typename: 'Shop', id: shop.shopId }] }, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[0].metrics.totals.partnerRevenue.amountCents).toBe(777);
    const [primary] = await analytics.runtime.db.dataSource.query(
      `SELECT partner_revenue_cents::int AS cents FROM analytics.shop_daily WHERE shop_id = $1 AND day = '2026-04-10'`,
      [shop.shopId],
    );
    expect(primary.cents).toBe(111);
  });
});
