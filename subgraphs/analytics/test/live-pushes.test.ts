import { randomUUID } from 'node:crypto';
import { buildEvent, type CatalogEvent } from '@cip/platform';
import { startTestSubgraph, testSigner, type TestSubgraph } from '@cip/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsSubgraph, Ingestor } from '../src/app';
import { shopCreated, type ShopSpec } from './events';

let analytics: TestSubgraph;
let ingestor: Ingestor;
const shop: ShopSpec = { shopId: randomUUID(), orgId: randomUUID(), timezone: 'UTC', technicianIds: [null] };
let token: string;

beforeAll(async () => {
  analytics = await startTestSubgraph(analyticsSubgraph);
  ingestor = new Ingestor(analytics.runtime.db.dataSource);
  await ingestor.handle(shopCreated(shop));
  token = (await (await testSigner()).sign({ kind: 'staff', userId: randomUUID(), orgId: shop.orgId, roles: { [shop.shopId]: 'OWNER' } }, 900)).token;
});
afterAll(() => analytics?.close());

const pushes = async () =>
  (await analytics.runtime.db.dataSource.query(`SELECT count(*)::int AS n FROM analytics.outbox WHERE type = 'analytics.shop_metrics_updated'`))[0].n as number;

/** What a dashboard shows after a push: today's totals, read as the live feed reads them. */
async function today() {
  const day = new Date().toISOString().slice(0, 10);
  const result = await analytics.execute(
    `query($r: [_Any!]!, $d: String!) { _entities(representations: $r) { ... on Shop { metrics(range: { from: $d, to: $d }) { totals { recommendationsApproved averageRepairOrder { amountCents } } } } } }`,
    { r: [{ __typename: 'Shop', id: shop.shopId }], d: day },
    { token },
  );
  const totals = result.data!._entities[0].metrics.totals;
  return { approved: totals.recommendationsApproved, aro: totals.averageRepairOrder?.amountCents ?? null };
}

describe('live metrics pushes', () => {
  it('never show an approval without the close it made: the closing decision waits for its inspection.closed', async () => {
    const inspectionId = randomUUID();
    const recommendationId = randomUUID();
    const at = (offsetMs: number) => new Date(Date.now() - 60_000 + offsetMs).toISOString();
    const about = { orgId: shop.orgId, shopId: shop.shopId };
    const events: CatalogEvent[] = [
      buildEvent('inspection.sent', {
        ...about,
        subjectId: inspectionId,
        data: { inspectionId, technicianId: null, completedAt: at(0), sentAt: at(1_000), recommendations: [{ recommendationId, totalCents: 43_374, partnerProductId: null, quantity: 1 }], presentedCents: 43_374, currency: 'USD' },
      }),
      buildEvent('recommendation.approved', {
        ...about,
        subjectId: recommendationId,
        data: { inspectionId, recommendationId, technicianId: null, decidedAt: at(2_000), sentAt: at(1_000), partsCents: 18_999, laborCents: 24_375, totalCents: 43_374, currency: 'USD', quantity: 1, partnerProductId: null, educationViewed: false, closesInspection: true },
      }),
      buildEvent('inspection.closed', {
        ...about,
        subjectId: inspectionId,
        data: { inspectionId, technicianId: null, closedAt: at(2_001), approvedCount: 1, declinedCount: 0, approvedCents: 43_374, declinedCents: 0, currency: 'USD' },
      }),
    ];
    const shown: { approved: number; aro: number | null }[] = [];
    for (const event of events) {
      const before = await pushes();
      await ingestor.handle(event);
      if ((await pushes()) > before) shown.push(await today());
    }
    expect(shown).toEqual([
      { approved: 0, aro: null },
      { approved: 1, aro: 43_374 },
    ]);
  });
});
