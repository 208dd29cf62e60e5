import pg from 'pg';
import { measureCpu } from '../support/cpu';
import { checkOperation, runLoad, type LoadTarget } from '../support/load';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { seedOrganization } from '../support/seed';
import { pidOf, startServices } from '../support/services';
import { benchSettings } from '../support/settings';

const shops = 50;
const days = 365;
/** The target: p99 under 100 ms with 10 callers at once. */
const targetP99Ms = 100;
const targetConnections = 10;
const connectionSweep = [1, targetConnections];
const processes = ['gateway', 'shops', 'analytics'] as const;

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
  const settings = benchSettings();
  const services = await startServices({ subgraphs: ['shops', 'analytics'], nodeArgs: settings.nodeArgs });
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
      const pids = Object.fromEntries(processes.map((name) => [name, pidOf(services, name)])) as Record<(typeof processes)[number], number>;
      const rows = [];
      let atTarget = { p99Ms: Number.NaN, errors: 0, requests: 0 };
      for (const connections of connectionSweep) {
        const { result, cpu } = await measureCpu(pids, () =>
          runLoad(target, { connections, durationSeconds: settings.durationSeconds, warmupSeconds: settings.warmupSeconds }),
        );
        if (connections === targetConnections) atTarget = result;
        const perRequest = (seconds: number | null) => (seconds === null || result.requests === 0 ? '—' : formatNumber((seconds * 1000) / result.requests, 2));
        rows.push([
          connections,
          formatNumber(result.requestsPerSecond, 1),
          formatMs(result.p50Ms),
          formatMs(result.p99Ms),
          formatMs(result.maxMs),
          formatNumber(result.errors),
          ...processes.map((name) => perRequest(cpu.processes[name])),
          perRequest(cpu.machine),
        ]);
      }
      const met = atTarget.p99Ms < targetP99Ms && atTarget.errors === 0;
      return section(
        'Analytics: Organization.metrics over 50 shops and a year',
        [
          `\`Organization.metrics\` through the gateway: ${shops} shops × ${days} days (${formatNumber(count)} daily rollup rows), totals plus every shop ranked by approved revenue,`,
          `${settings.durationSeconds} s per load after a ${settings.warmupSeconds} s warm-up, every response computed (the metrics are not cacheable). The gateway and the shops and`,
          'analytics subgraphs each run in a process of their own (`NODE_ENV=production`); CPU is milliseconds per request of each process and of the machine.',
        ].join('\n'),
        markdownTable(['connections', 'req/s', 'p50', 'p99', 'max', 'errors', ...processes.map((name) => `${name} CPU ms/req`), 'machine CPU ms/req'], rows),
        `- Target (p99 < ${targetP99Ms} ms at ${targetConnections} concurrent callers, no errors): **${met ? 'met' : 'missed'}** (p99 ${formatMs(atTarget.p99Ms)}, ${formatNumber(atTarget.errors)} errors in ${formatNumber(atTarget.requests)} requests).`,
        'The rollup read is one aggregate per request: whole months from `shop_monthly`, the days before and after them from `shop_daily`, each part one range of the (organization, month) or (organization, day) index (`subgraphs/analytics/test/organization-metrics-reads.test.ts` checks the plan); it goes to a replica when `DATABASE_REPLICA_URLS` is set.',
      );
    } finally {
      await client.end();
    }
  } finally {
    await services.close();
  }
}
