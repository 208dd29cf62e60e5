import pg from 'pg';
import { checkOperation, runLoad, type LoadTarget } from '../support/load';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { seedOrganization } from '../support/seed';
import { startServices } from '../support/services';

const shops = 50;
const days = 365;
const targetP99Ms = 200;
const connectionSweep = [1, 10];

/** A year of one organization across all its shops, ranked: what a multi-shop owner's dashboard asks first. */
export const organizationMetricsQuery = /* GraphQL */ `
  query OrganizationYear($range: MetricsRange!) {
    organization {
      name
      metrics(range: $range, rankBy: APPROVED_REVENUE) {
        totals { inspectionsCompleted approvalRate averageRepairOrder { amountCents currency } partnerRevenue { amountCents } }
        shops { rank shop { id } values { approved { amountCents } approvalRate averageRepairOrder { amountCents } } }
      }
    }
  }
`;

/**
 * `Organization.metrics` over 50 shops × 365 days of rollups, through the gateway (organization from the
 * shops subgraph, metrics from analytics). The shops are created through the public mutations; a year of
 * daily rollups per shop is then written straight into `analytics.shop_daily` (and summed into
 * `analytics.shop_monthly`), as a year of ingestion would have left them.
 */
export async function run(): Promise<string> {
  const services = await startServices({ subgraphs: ['shops', 'analytics'] });
  try {
    const seeded = await seedOrganization(services, { shops, customersPerShop: 0, techniciansPerShop: 0 });
    const to = new Date();
    const from = new Date(to.getTime() - (days - 1) * 86_400_000);
    const range = { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
    const client = new pg.Client({ connectionString: services.database.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO analytics.shop_daily (shop_id, day, org_id, inspections_started, inspections_completed, inspections_sent,
           items_green, items_yellow, items_red, presented_count, presented_cents, approved_count, approved_cents, declined_count,
           declined_cents, closed_with_approval, closed_approved_cents, responses, response_ms_sum, partner_revenue_cents)
         SELECT s.id, d::date, $2, 20 + r % 7, 19 + r % 7, 17 + r % 5, 600, 40 + r % 9, 12 + r % 5, 30 + r % 11, 900000 + r * 37 % 300000,
                14 + r % 6, 420000 + r * 53 % 200000, 12 + r % 4, 380000, 9 + r % 3, 420000 + r * 53 % 200000, 26, 26 * 3600000, 5000 + r % 900
           FROM unnest($1::text[]) AS s(id), generate_series($3::date, $4::date, interval '1 day') AS d,
                LATERAL (SELECT abs(hashtext(s.id || d::text)) % 100000 AS r) h
         ON CONFLICT (shop_id, day) DO NOTHING`,
        [seeded.shops.map((s) => s.id), seeded.orgId, range.from, range.to],
      );
      await client.query(`DELETE FROM analytics.shop_monthly`);
      await client.query(
        `INSERT INTO analytics.shop_monthly (shop_id, month, org_id, inspections_started, inspections_completed, inspections_sent, items_green,
           items_yellow, items_red, presented_count, presented_cents, approved_count, approved_cents, declined_count, declined_cents,
           refunded_count, refunded_cents, closed_with_approval, closed_approved_cents, responses, response_ms_sum, partner_revenue_cents)
         SELECT shop_id, date_trunc('month', day)::date, max(org_id), sum(inspections_started), sum(inspections_completed), sum(inspections_sent),
                sum(items_green), sum(items_yellow), sum(items_red), sum(presented_count), sum(presented_cents), sum(approved_count),
                sum(approved_cents), sum(declined_count), sum(declined_cents), sum(refunded_count), sum(refunded_cents), sum(closed_with_approval),
                sum(closed_approved_cents), sum(responses), sum(response_ms_sum), sum(partner_revenue_cents)
           FROM analytics.shop_daily GROUP BY shop_id, date_trunc('month', day)`,
      );
      await client.query('ANALYZE analytics.shop_daily; ANALYZE analytics.shop_monthly');
      const [{ count }] = (await client.query(`SELECT count(*)::int AS count FROM analytics.shop_daily`)).rows;
      const target: LoadTarget = { url: services.gatewayUrl, query: organizationMetricsQuery, variables: { range }, token: seeded.ownerToken };
      const sample = (await checkOperation(target)) as { organization: { metrics: { shops: unknown[] } } };
      if (sample.organization.metrics.shops.length !== shops) throw new Error(`expected ${shops} ranked shops, got ${sample.organization.metrics.shops.length}`);
      const rows = [];
      let p99AtOne = Number.NaN;
      for (const connections of connectionSweep) {
        const result = await runLoad(target, { connections, durationSeconds: 10, warmupSeconds: 3 });
        if (connections === 1) p99AtOne = result.p99Ms;
        rows.push([
          connections,
          formatNumber(result.requestsPerSecond, 1),
          formatMs(result.p50Ms),
          formatMs(result.p99Ms),
          formatMs(result.maxMs),
          formatNumber(result.errors),
        ]);
      }
      return section(
        'analytics',
        `\`Organization.metrics\` through the gateway: ${shops} shops × ${days} days (${formatNumber(count)} rollup rows), totals plus every shop ranked by approved revenue, 10 s per load after a 3 s warm-up.`,
        markdownTable(['connections', 'req/s', 'p50', 'p99', 'max', 'errors'], rows),
        `Target: p99 < ${targetP99Ms} ms. ${p99AtOne < targetP99Ms ? 'Held' : '**Missed**'} at 1 connection (p99 ${formatMs(p99AtOne)}).`,
        'The rollup read is one aggregate per request: whole months from `shop_monthly`, the days around them from `shop_daily`, both by primary key; it goes to a replica when `DATABASE_REPLICA_URLS` is set.',
      );
    } finally {
      await client.end();
    }
  } finally {
    await services.close();
  }
}
