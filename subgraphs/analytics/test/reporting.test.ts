import { randomUUID } from 'node:crypto';
import { startTestSubgraph, testSigner, type TestSubgraph } from '@cip/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsSubgraph, Ingestor } from '../src/app';
import { wholeMonths } from '../src/data/reporting';
import { inspectionLife, seeded, shopCreated, type ShopSpec } from './events';

let analytics: TestSubgraph;
const orgId = randomUUID();
const technicianId = randomUUID();
const shops: ShopSpec[] = [0, 1, 2].map(() => ({ shopId: randomUUID(), orgId, timezone: 'America/Chicago', technicianIds: [technicianId] }));
const range = { from: '2026-03-01', to: '2026-03-31' };
let sign: (roles: Record<string, 'OWNER' | 'MANAGER' | 'ADVISOR' | 'TECHNICIAN'>, userId?: string) => Promise<string>;

const orgQuery = `query($r: [_Any!]!, $range: MetricsRange!, $rankBy: MetricsRanking) {
  _entities(representations: $r) { ... on Organization { metrics(range: $range, rankBy: $rankBy) {
    totals { inspectionsStarted recommendationsApproved approved { amountCents } }
    shops { rank shop { id } values { inspectionsStarted approved { amountCents } } }
  } } }
}`;
const technicianQuery = `query($r: [_Any!]!, $range: MetricsRange!) {
  _entities(representations: $r) { ... on User { technicianMetrics(range: $range, granularity: WEEK) {
    totals { inspectionsStarted partnerRevenue { amountCents } } series { start values { inspectionsStarted } }
  } } }
}`;

beforeAll(async () => {
  analytics = await startTestSubgraph(analyticsSubgraph);
  const ingestor = new Ingestor(analytics.runtime.db.dataSource);
  const random = seeded(11);
  for (const [index, shop] of shops.entries()) {
    await ingestor.handle(shopCreated(shop));
    for (let i = 0; i < 5 + index * 3; i++) {
      for (const event of inspectionLife(shop, new Date(Date.UTC(2026, 2, 2 + random.int(25), 15)), random)) await ingestor.handle(event);
    }
  }
  const signer = await testSigner();
  sign = async (roles, userId = randomUUID()) => (await signer.sign({ kind: 'staff', userId, orgId, roles }, 900)).token;
});
afterAll(() => analytics?.close());

describe('organization metrics', () => {
  it("sums and ranks only the shops the caller holds a role at", async () => {
    const token = await sign({ [shops[0].shopId]: 'OWNER', [shops[2].shopId]: 'MANAGER' });
    const result = await analytics.execute(orgQuery, { r: [{ __typename: 'Organization', id: orgId }], range, rankBy: 'INSPECTIONS_COMPLETED' }, { token });
    expect(result.errors).toBeUndefined();
    const metrics = result.data!._entities[0].metrics;
    expect(metrics.shops.map((s: any) => s.shop.id)).toEqual([shops[2].shopId, shops[0].shopId]);
    expect(metrics.shops.map((s: any) => s.rank)).toEqual([1, 2]);
    expect(metrics.totals.inspectionsStarted).toBe(5 + 11);
    expect(metrics.totals.approved.amountCents).toBe(metrics.shops.reduce((sum: number, s: any) => sum + s.values.approved.amountCents, 0));
  });

  it('resolves another organization to null, as if it did not exist', async () => {
    const token = await sign({ [shops[0].shopId]: 'OWNER' });
    const result = await analytics.execute(orgQuery, { r: [{ __typename: 'Organization', id: randomUUID() }], range }, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([null]);
  });

  it('refuses a range that ends before it starts, or is not a calendar day, with BAD_USER_INPUT', async () => {
    const token = await sign({ [shops[0].shopId]: 'OWNER' });
    for (const bad of [{ from: '2026-03-31', to: '2026-03-01' }, { from: '2026-02-30', to: '2026-03-01' }, { from: '2020-01-01', to: '2026-03-01' }]) {
      const result = await analytics.execute(orgQuery, { r: [{ __typename: 'Organization', id: orgId }], range: bad }, { token });
      expect(result.errors?.[0].extensions?.code, JSON.stringify(bad)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('technician metrics', () => {
  it('lets technicians see their own and managers see them at their shops, with no partner revenue', async () => {
    const own = await analytics.execute(technicianQuery, { r: [{ __typename: 'User', id: technicianId }], range }, { token: await sign({ [shops[0].shopId]: 'TECHNICIAN', [shops[1].shopId]: 'TECHNICIAN', [shops[2].shopId]: 'TECHNICIAN' }, technicianId) });
    expect(own.errors).toBeUndefined();
    expect(own.data!._entities[0].technicianMetrics.totals).toEqual({ inspectionsStarted: 5 + 8 + 11, partnerRevenue: null });
    const weeks = own.data!._entities[0].technicianMetrics.series;
    expect(weeks.reduce((sum: number, w: any) => sum + w.values.inspectionsStarted, 0)).toBe(24);

    const manager = await analytics.execute(technicianQuery, { r: [{ __typename: 'User', id: technicianId }], range }, { token: await sign({ [shops[1].shopId]: 'MANAGER' }) });
    expect(manager.data!._entities[0].technicianMetrics.totals.inspectionsStarted).toBe(8);
  });

  it('refuses a fellow technician with FORBIDDEN', async () => {
    const result = await analytics.execute(technicianQuery, { r: [{ __typename: 'User', id: technicianId }], range }, { token: await sign({ [shops[0].shopId]: 'TECHNICIAN' }) });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('ranges over monthly rollups', () => {
  it('reads whole calendar months from the monthly rollups and only the days around them from the daily ones', () => {
    expect(wholeMonths('2026-03-01', '2026-03-31')).toEqual({ from: '2026-03-01', until: '2026-04-01' });
    expect(wholeMonths('2026-03-02', '2026-05-30')).toEqual({ from: '2026-04-01', until: '2026-05-01' });
    expect(wholeMonths('2025-12-15', '2026-02-28')).toEqual({ from: '2026-01-01', until: '2026-03-01' });
    expect(wholeMonths('2026-03-02', '2026-04-30')).toEqual({ from: '2026-04-01', until: '2026-05-01' });
    expect(wholeMonths('2026-03-02', '2026-03-31')).toBeNull();
  });
});
