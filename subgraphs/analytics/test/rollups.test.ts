import { randomUUID } from 'node:crypto';
import type { CatalogEvent } from '@cip/platform';
import { startTestSubgraph, testSigner, type TestSubgraph } from '@cip/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsSubgraph, archiveFacts, Ingestor } from '../src/app';
import { commission, inspectionLife, seeded, shopCreated, type ShopSpec } from './events';

let analytics: TestSubgraph;
let ingestor: Ingestor;
let token: string;
const orgId = randomUUID();
const denver: ShopSpec = { shopId: randomUUID(), orgId, timezone: 'America/Denver', technicianIds: [randomUUID(), randomUUID(), null] };
const tokyo: ShopSpec = { shopId: randomUUID(), orgId, timezone: 'Asia/Tokyo', technicianIds: [randomUUID(), randomUUID()] };
const first = Date.UTC(2026, 5, 1, 0, 0);
const range = { from: '2026-05-30', to: '2026-07-15' };
let events: CatalogEvent[] = [];

const localDay = (instant: string, timezone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

const latestBy = <E extends CatalogEvent>(list: E[], key: (e: E) => string, at: (e: E) => string) => {
  const winners = new Map<string, E>();
  for (const event of list) {
    const current = winners.get(key(event));
    if (!current || at(event) > at(current) || (at(event) === at(current) && event.id > current.id)) winners.set(key(event), event);
  }
  return [...winners.values()];
};

/** ARO and approval rate per shop-local day, computed straight from the events without the database. */
function independently(shop: ShopSpec) {
  const own = events.filter((e) => e.shopId === shop.shopId);
  const byDay = new Map<string, { approved: number; declined: number; aroCents: number; aroInspections: number }>();
  const day = (d: string) => byDay.get(d) ?? (byDay.set(d, { approved: 0, declined: 0, aroCents: 0, aroInspections: 0 }), byDay.get(d)!);
  const decisions = latestBy(
    own.filter((e): e is CatalogEvent<'recommendation.approved' | 'recommendation.declined'> => e.type === 'recommendation.approved' || e.type === 'recommendation.declined'),
    (e) => e.data.recommendationId,
    (e) => e.data.decidedAt,
  );
  for (const d of decisions) day(localDay(d.data.decidedAt, shop.timezone))[d.type === 'recommendation.approved' ? 'approved' : 'declined']++;
  const closes = latestBy(
    own.filter((e): e is CatalogEvent<'inspection.closed'> => e.type === 'inspection.closed'),
    (e) => e.data.inspectionId,
    (e) => e.data.closedAt,
  );
  for (const c of closes) {
    const data = c.data;
    if (data.approvedCount === 0) continue;
    const bucket = day(localDay(data.closedAt, shop.timezone));
    bucket.aroCents += data.approvedCents;
    bucket.aroInspections++;
  }
  const total = [...byDay.values()].reduce((s, d) => ({ approved: s.approved + d.approved, declined: s.declined + d.declined, aroCents: s.aroCents + d.aroCents, aroInspections: s.aroInspections + d.aroInspections }), { approved: 0, declined: 0, aroCents: 0, aroInspections: 0 });
  return {
    byDay,
    approvalRate: total.approved / (total.approved + total.declined),
    aroCents: Math.round(total.aroCents / total.aroInspections),
  };
}

async function snapshot() {
  const dataSource = analytics.runtime.db.dataSource;
  return {
    shops: await dataSource.query(`SELECT * FROM analytics.shop_daily ORDER BY shop_id, day`),
    months: await dataSource.query(`SELECT * FROM analytics.shop_monthly ORDER BY shop_id, month`),
    technicians: await dataSource.query(`SELECT * FROM analytics.technician_daily ORDER BY technician_id, shop_id, day`),
  };
}

const metricsQuery = `query($r: [_Any!]!, $range: MetricsRange!) {
  _entities(representations: $r) { ... on Shop { metrics(range: $range) {
    totals { approvalRate averageRepairOrder { amountCents currency } recommendationsApproved recommendationsDeclined partnerRevenue { amountCents } }
    series { start values { recommendationsApproved recommendationsDeclined inspectionsClosedWithApproval averageRepairOrder { amountCents } } }
  } } }
}`;

beforeAll(async () => {
  analytics = await startTestSubgraph(analyticsSubgraph);
  ingestor = new Ingestor(analytics.runtime.db.dataSource);
  token = (await (await testSigner()).sign({ kind: 'staff', userId: randomUUID(), orgId, roles: { [denver.shopId]: 'OWNER', [tokyo.shopId]: 'MANAGER' } }, 900)).token;
  const random = seeded(7);
  for (const shop of [denver, tokyo]) {
    for (let i = 0; i < 40; i++) events.push(...inspectionLife(shop, new Date(first + random.int(14 * 24 * 60) * 60_000), random));
    events.push(commission(shop, 12_345, false, new Date(first + 3 * 86_400_000)), commission(shop, 2_345, true, new Date(first + 5 * 86_400_000)));
  }
  const deliveries = random.shuffle(events);
  for (const event of events) if (random.next() < 0.2) deliveries.splice(random.int(deliveries.length), 0, event);
  // Tokyo's time zone is known from the start; Denver's arrives after every other event (a late shop.created).
  const tokyoCreated = shopCreated(tokyo);
  const denverCreated = shopCreated(denver);
  events = [...events, tokyoCreated, denverCreated];
  await ingestor.handle(tokyoCreated);
  for (let i = 0; i < deliveries.length; i += 4) await Promise.all(deliveries.slice(i, i + 4).map((event) => ingestor.handle(event)));
  await ingestor.handle(denverCreated);
  await ingestor.handle(denverCreated);
});
afterAll(() => analytics?.close());

describe('rollups under duplicate, reordered and late events', () => {
  it('equal a rebuild from the facts, row for row', async () => {
    const incremental = await snapshot();
    expect(incremental.shops.length).toBeGreaterThan(10);
    expect(incremental.technicians.length).toBeGreaterThan(10);
    await ingestor.rebuild();
    expect(await snapshot()).toEqual(incremental);
  });

  it('answer the approval rate and ARO an independent calculation from the events gives, per shop and per local day', async () => {
    for (const shop of [denver, tokyo]) {
      const expected = independently(shop);
      const result = await analytics.execute(metricsQuery, { r: [{ __typename: 'Shop', id: shop.shopId }], range }, { token });
      expect(result.errors).toBeUndefined();
      const metrics = result.data!._entities[0].metrics;
      expect(metrics.totals.approvalRate).toBeCloseTo(expected.approvalRate, 10);
      expect(metrics.totals.averageRepairOrder).toEqual({ amountCents: expected.aroCents, currency: 'USD' });
      expect(metrics.totals.partnerRevenue.amountCents).toBe(10_000);
      const series = new Map<string, any>(metrics.series.map((b: any) => [b.start, b.values]));
      for (const [day, values] of expected.byDay) {
        expect(series.get(day)?.recommendationsApproved ?? 0, `${shop.timezone} ${day}`).toBe(values.approved);
        expect(series.get(day)?.recommendationsDeclined ?? 0, `${shop.timezone} ${day}`).toBe(values.declined);
        expect(series.get(day)?.inspectionsClosedWithApproval ?? 0, `${shop.timezone} ${day}`).toBe(values.aroInspections);
      }
    }
  });

  it('changes nothing when every event is delivered again', async () => {
    const before = await snapshot();
    for (const event of events) expect(await ingestor.handle(event)).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('archives old facts without losing a row, keeps the rollups, and a rebuild still reads the archive', async () => {
    const dataSource = analytics.runtime.db.dataSource;
    const before = await snapshot();
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM analytics.fact_event`);
    const now = new Date(first + 400 * 86_400_000 + 7 * 86_400_000);
    let stops = 0;
    const partial = await archiveFacts(dataSource, { retentionDays: 400, batchSize: 50, now, shouldStop: () => stops++ >= 2 });
    expect(partial).toBe(100);
    const rest = await archiveFacts(dataSource, { retentionDays: 400, batchSize: 50, now });
    const [{ live, archived }] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM analytics.fact_event) AS live, (SELECT count(*)::int FROM analytics.fact_event_archive) AS archived`,
    );
    expect(partial + rest).toBe(archived);
    expect(live + archived).toBe(count);
    expect(archived).toBeGreaterThan(100);
    const [{ old }] = await dataSource.query(`SELECT count(*)::int AS old FROM analytics.fact_event WHERE occurred_at < $1`, [new Date(now.getTime() - 400 * 86_400_000)]);
    expect(old).toBe(0);
    expect(await snapshot()).toEqual(before);
    await ingestor.rebuild();
    expect(await snapshot()).toEqual(before);
  });
});
