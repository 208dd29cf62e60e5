import { randomUUID } from 'node:crypto';
import type { LoggedQuery } from '@cip/platform';
import { startTestSubgraph, testSigner, type TestSubgraph } from '@cip/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsSubgraph } from '../src/app';

let analytics: TestSubgraph;
const orgId = randomUUID();
const shopIds = Array.from({ length: 4 }, () => randomUUID());
const otherOrgShop = randomUUID();
/** A year that starts and ends inside a month: 17 days of March 2025, April 2025 to February 2026 whole, 14 days of March 2026. */
const range = { from: '2025-03-15', to: '2026-03-14' };
const daysOutsideWholeMonths = 17 + 14;
let token: string;

const query = `query($r: [_Any!]!, $range: MetricsRange!) {
  _entities(representations: $r) { ... on Organization { metrics(range: $range, rankBy: APPROVED_REVENUE) {
    totals { inspectionsCompleted approved { amountCents } }
    shops { shop { id } values { inspectionsCompleted approved { amountCents } } }
  } } }
}`;

/** Daily rollups for every shop from January 2025 to June 2026 and their monthly sums, as a year and a half of ingestion leaves them. */
async function seedRollups() {
  const db = analytics.runtime.db.dataSource;
  await db.query(
    `INSERT INTO analytics.shop_daily (shop_id, day, org_id, inspections_completed, approved_cents)
     SELECT s.id, d::date, CASE WHEN s.id = $3 THEN $4 ELSE $2 END, 1 + (extract(doy FROM d)::int + s.n) % 9, 1000 * ((extract(day FROM d)::int * s.n) % 37)
       FROM unnest($1::text[]) WITH ORDINALITY AS s(id, n), generate_series('2025-01-01'::date, '2026-06-30'::date, interval '1 day') AS d`,
    [[...shopIds, otherOrgShop], orgId, otherOrgShop, randomUUID()],
  );
  await db.query(
    `INSERT INTO analytics.shop_monthly (shop_id, month, org_id, inspections_completed, approved_cents)
     SELECT shop_id, date_trunc('month', day)::date, max(org_id), sum(inspections_completed), sum(approved_cents) FROM analytics.shop_daily GROUP BY 1, 2`,
  );
  await db.query('ANALYZE analytics.shop_daily; ANALYZE analytics.shop_monthly');
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** Every scan of a rollup table in the plan, with the index it went through (a bitmap scan's from its child). */
function rollupScans(node: PlanNode): { relation: string; index?: string; rows: number; removedByFilter: number }[] {
  const own = node['Relation Name']?.startsWith('shop_')
    ? [{ relation: node['Relation Name'], index: node['Index Name'] ?? node.Plans?.[0]?.['Index Name'], rows: node['Actual Rows'], removedByFilter: node['Rows Removed by Filter'] ?? 0 }]
    : [];
  return [...own, ...(node.Plans ?? []).flatMap(rollupScans)];
}

/** The plan PostgreSQL executes for a logged statement when it may use an index at all (the tables here are too small to need one). */
async function indexedPlan(statement: LoggedQuery): Promise<PlanNode> {
  const runner = analytics.runtime.db.dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query('SET LOCAL enable_seqscan = off');
    const [row] = await runner.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`, statement.parameters);
    return row['QUERY PLAN'][0].Plan;
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

beforeAll(async () => {
  analytics = await startTestSubgraph(analyticsSubgraph);
  await seedRollups();
  const signer = await testSigner();
  token = (await signer.sign({ kind: 'staff', userId: randomUUID(), orgId, roles: Object.fromEntries(shopIds.map((id) => [id, 'OWNER'])) }, 900)).token;
});
afterAll(() => analytics?.close());

describe("an organization's metrics over a year", () => {
  it('sums exactly the days of the range for each of its shops, months and days around them alike', async () => {
    const result = await analytics.execute(query, { r: [{ __typename: 'Organization', id: orgId }], range }, { token });
    expect(result.errors).toBeUndefined();
    const expected: { shopId: string; completed: number; approved: number }[] = await analytics.runtime.db.dataSource.query(
      `SELECT shop_id AS "shopId", sum(inspections_completed)::int AS completed, sum(approved_cents)::int AS approved FROM analytics.shop_daily
        WHERE shop_id = ANY($1::text[]) AND day BETWEEN $2::date AND $3::date GROUP BY shop_id`,
      [shopIds, range.from, range.to],
    );
    const metrics = result.data!._entities[0].metrics;
    const byShop = Object.fromEntries(metrics.shops.map((s: any) => [s.shop.id, { completed: s.values.inspectionsCompleted, approved: s.values.approved.amountCents }]));
    expect(byShop).toEqual(Object.fromEntries(expected.map((e) => [e.shopId, { completed: e.completed, approved: e.approved }])));
    expect(metrics.totals.approved.amountCents).toBe(expected.reduce((sum, e) => sum + e.approved, 0));
  });

  it('reads the rollups in one statement that takes only the months and days of the range, by (organization, day) and (organization, month)', async () => {
    const capture = analytics.runtime.db.queryLog.capture();
    const result = await analytics.execute(query, { r: [{ __typename: 'Organization', id: orgId }], range }, { token });
    const reads = capture.stop().filter((q) => q.sql.startsWith('/* reporting.'));
    expect(result.errors).toBeUndefined();
    const rollups = reads.filter((q) => /analytics\.shop_(daily|monthly)/.test(q.sql));
    expect(reads).toHaveLength(2);
    expect(rollups).toHaveLength(1);

    const scans = rollupScans(await indexedPlan(rollups[0]));
    expect(scans.every((scan) => scan.removedByFilter === 0)).toBe(true);
    expect(scans.filter((s) => s.relation === 'shop_monthly').reduce((n, s) => n + s.rows, 0)).toBe(shopIds.length * 11);
    expect(scans.filter((s) => s.relation === 'shop_daily').reduce((n, s) => n + s.rows, 0)).toBe(shopIds.length * daysOutsideWholeMonths);
    expect(new Set(scans.map((s) => s.index))).toEqual(new Set(['shop_daily_org_day', 'shop_monthly_org_month']));
  });
});
