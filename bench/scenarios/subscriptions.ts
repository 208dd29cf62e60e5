import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createBus, createLogger, loadConfig, buildEvent } from '@cip/platform';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { seedOrganization } from '../support/seed';
import { startServices, type ServiceProcess } from '../support/services';

const subscriptions = Number(process.env.BENCH_SUBSCRIPTIONS ?? 1_000);
const shops = 10;
/** Events per second across all shops (each reaches every subscriber of its shop). */
const eventsPerSecond = Number(process.env.BENCH_SUBSCRIPTION_EVENTS_PER_SECOND ?? 10);
const durationSeconds = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const targetP99Ms = 500;

const query = /* GraphQL */ `
  subscription LiveShop($shopId: ID!) {
    shopMetricsUpdated(shopId: $shopId) { from totals { inspectionsCompleted itemsRed approvalRate } }
  }
`;

const rssBytes = (service: ServiceProcess) => {
  const status = readFileSync(`/proc/${service.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * 1,000 dashboards on one gateway: each a graphql-ws connection of its own subscribed to
 * `shopMetricsUpdated` of one of 10 shops (100 each). Events are published on the bus at a steady rate, as
 * the inspections subgraph would publish them; each travels through analytics ingestion (fact, rollup,
 * outbox), the bus again, the analytics subgraph's fan-out over SSE, and the gateway to every subscriber
 * of its shop. Latency is publish to receipt; an event a subscriber never sees is lost.
 */
export async function run(): Promise<string> {
  const namespace = `bench${randomBytes(3).toString('hex')}`;
  const services = await startServices({ subgraphs: ['shops', 'analytics'], env: { BUS_NAMESPACE: namespace } });
  const clients: Client[] = [];
  const busConfig = loadConfig('gateway', { REDIS_URL: process.env.REDIS_URL, BUS_NAMESPACE: namespace, LOG_LEVEL: 'error' });
  const bus = await createBus(busConfig, services.database.url, createLogger('error', { service: 'bench' }));
  try {
    const seeded = await seedOrganization(services, { shops, customersPerShop: 0, techniciansPerShop: 0 });
    const gateway = services.services.find((s) => s.name === 'gateway')!;
    const analytics = services.services.find((s) => s.name === 'analytics')!;
    const idleGatewayRss = rssBytes(gateway);
    const idleAnalyticsRss = rssBytes(analytics);

    /** The count of completed inspections a shop's next update reports, mapped to when its event was published. */
    const publishedAt = seeded.shops.map(() => new Map<number, number>());
    const received: Map<number, number>[] = [];
    const latencies: number[] = [];
    let measuring = false;
    const wsUrl = services.gatewayUrl.replace(/^http/, 'ws');
    for (let i = 0; i < subscriptions; i++) {
      const shopIndex = i % shops;
      const seen = new Map<number, number>();
      received.push(seen);
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${seeded.ownerToken}` },
        onNonLazyError: () => undefined,
      });
      clients.push(client);
      client.subscribe(
        { query, variables: { shopId: seeded.shops[shopIndex].id } },
        {
          next: (result) => {
            const completed = (result.data as any)?.shopMetricsUpdated?.totals?.inspectionsCompleted as number | undefined;
            if (completed === undefined) return;
            if (seen.has(completed)) return;
            const now = Date.now();
            seen.set(completed, now);
            const sent = publishedAt[shopIndex].get(completed);
            if (measuring && sent !== undefined) latencies.push(now - sent);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
    }

    const counts = seeded.shops.map(() => 0);
    const publish = async (shopIndex: number) => {
      const shop = seeded.shops[shopIndex];
      const inspectionId = randomUUID();
      counts[shopIndex]++;
      publishedAt[shopIndex].set(counts[shopIndex], Date.now());
      await bus.publish([
        buildEvent('inspection.completed', {
          orgId: seeded.orgId,
          shopId: shop.id,
          subjectId: inspectionId,
          data: {
            inspectionId,
            vehicleId: randomUUID(),
            customerId: randomUUID(),
            technicianId: null,
            startedAt: new Date(Date.now() - 1_800_000).toISOString(),
            completedAt: new Date().toISOString(),
            items: { green: 30, yellow: 3, red: 1, notInspected: 0 },
            recommendationCount: 1,
            recommendedCents: 12_000,
            currency: 'USD',
          },
        }),
      ]);
    };

    // Warm up until every subscriber has its upstream stream open (it has received an update).
    const warmDeadline = Date.now() + 120_000;
    while (received.some((seen) => seen.size === 0)) {
      if (Date.now() > warmDeadline) throw new Error(`${received.filter((s) => s.size === 0).length} subscriptions never received an update`);
      for (let s = 0; s < shops; s++) await publish(s);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const connectedGatewayRss = rssBytes(gateway);
    const connectedAnalyticsRss = rssBytes(analytics);

    const firstMeasured = counts.map((count) => count + 1);
    measuring = true;
    const total = eventsPerSecond * durationSeconds;
    const started = Date.now();
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1_000) / eventsPerSecond;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      await publish(i % shops);
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    measuring = false;

    let expected = 0;
    let lost = 0;
    received.forEach((seen, i) => {
      const shopIndex = i % shops;
      for (let count = firstMeasured[shopIndex]; count <= counts[shopIndex]; count++) {
        expected++;
        if (!seen.has(count)) lost++;
      }
    });
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    const perConnection = (before: number, after: number) => `${formatNumber((after - before) / subscriptions / 1024, 1)} KiB`;
    return section(
      'subscriptions',
      `${formatNumber(subscriptions)} graphql-ws connections on one gateway, each subscribed to \`shopMetricsUpdated\` of one of ${shops} shops; ${eventsPerSecond} events/s for ${durationSeconds} s published on the bus (${formatNumber(total)} events, ${formatNumber(expected)} expected deliveries). Latency is from publish to receipt, through analytics ingestion, the outbox and bus, the analytics subgraph's SSE stream and the gateway.`,
      markdownTable(
        ['deliveries', 'lost', 'p50', 'p90', 'p99', 'max', 'gateway memory / connection', 'analytics memory / subscription'],
        [
          [
            formatNumber(latencies.length),
            formatNumber(lost),
            formatMs(percentile(sorted, 50)),
            formatMs(percentile(sorted, 90)),
            formatMs(p99),
            formatMs(sorted.at(-1) ?? Number.NaN),
            perConnection(idleGatewayRss, connectedGatewayRss),
            perConnection(idleAnalyticsRss, connectedAnalyticsRss),
          ],
        ],
      ),
      `Target: p99 < ${targetP99Ms} ms with nothing lost. ${p99 < targetP99Ms && lost === 0 ? 'Held.' : '**Missed.**'} Memory is the growth in resident set size from idle to all connections open (after a warm-up), divided by the connections.`,
    );
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    await bus.close();
    await services.close();
  }
}
