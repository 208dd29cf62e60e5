import { randomBytes } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { buildEvent, createBus, createLogger, loadConfig } from '@cip/platform';
import { busFootprint, type BusConnections } from '../support/bus-footprint';
import { inBatches, mustRequest } from '../support/client';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { seedOrganization } from '../support/seed';
import { startServices } from '../support/services';
import { benchSettings } from '../support/settings';
import { vin } from '../support/vin';

const subscriptions = Number(process.env.BENCH_SUBSCRIPTIONS ?? 1_000);
const shops = Number(process.env.BENCH_LIVE_SHOPS ?? 50);
const eventsPerSecond = Number(process.env.BENCH_SUBSCRIPTION_EVENTS_PER_SECOND ?? 10);
const targetP99Ms = 200;

const query = /* GraphQL */ `
  subscription Board($shopId: ID!) {
    inspectionUpdated(shopId: $shopId) { id status repairOrderNumber startedAt change { eventId type actorKind changedFields } }
  }
`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Live inspection boards at scale: 1,000 graphql-ws connections on one gateway, each subscribed to
 * `inspectionUpdated` of one of 50 shops (20 each), while the inspections subgraph's bus carries 10
 * events/s spread over the shops, published as the subgraph's relay publishes them. Each event travels
 * the bus, the inspections process's one live feed, its SSE stream per subscription and the gateway.
 * Latency is publish to receipt; a delivery a subscriber never sees is lost. The bus connections of the
 * processes on the bench's bus are counted with one subscriber and with all of them.
 */
export async function run(): Promise<string> {
  const { durationSeconds } = benchSettings();
  const namespace = `bench${randomBytes(3).toString('hex')}`;
  const services = await startServices({ subgraphs: ['shops', 'vehicles', 'inspections'], env: { BUS_NAMESPACE: namespace } });
  const clients: Client[] = [];
  const bus = await createBus(loadConfig('gateway', { REDIS_URL: process.env.REDIS_URL, BUS_NAMESPACE: namespace, LOG_LEVEL: 'error' }), services.database.url, createLogger('error', { service: 'bench' }));
  const footprint = await busFootprint(bus.kind, namespace, services.database.url);
  try {
    const gateway = services.gatewayUrl;
    const seeded = await seedOrganization(services, { shops, customersPerShop: 1, techniciansPerShop: 0 });
    const token = seeded.ownerToken;
    const boards = await inBatches(seeded.shops, 4, async (shop) => {
      const vehicle = await mustRequest<{ addVehicle: { id: string } }>(
        gateway,
        `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: 42000) { id } }`,
        { shopId: shop.id, customerId: shop.customerIds[0], vin: vin() },
        token,
      );
      const input = { shopId: shop.id, vehicleId: vehicle.addVehicle.id, customerId: shop.customerIds[0], templateId: 'tpl_standard' };
      const started = await mustRequest<{ startInspection: { id: string; startedAt: string } }>(
        gateway,
        `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id startedAt } }`,
        { input },
        token,
      );
      return { ...input, inspectionId: started.startInspection.id, startedAt: started.startInspection.startedAt };
    });

    const publishedAt = new Map<string, number>();
    const shopEvents = boards.map(() => [] as string[]);
    const received = Array.from({ length: subscriptions }, () => new Map<string, number>());
    let measuring = false;
    const failures: string[] = [];
    let completed = 0;
    const latencies: number[] = [];
    const subscribe = (i: number) =>
      new Promise<void>((ready) => {
        const client = createClient({
          url: gateway.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          lazy: false,
          retryAttempts: 0,
          connectionParams: { authorization: `Bearer ${token}` },
          onNonLazyError: () => undefined,
          on: { connected: () => ready() },
        });
        clients.push(client);
        client.subscribe(
          { query, variables: { shopId: boards[i % shops].shopId } },
          {
            next: (result) => {
              if (result.errors?.length) failures.push(JSON.stringify(result.errors));
              const eventId = (result.data as any)?.inspectionUpdated?.change?.eventId as string | undefined;
              if (!eventId || received[i].has(eventId)) return;
              const now = Date.now();
              received[i].set(eventId, now);
              const sent = publishedAt.get(eventId);
              if (measuring && sent !== undefined) latencies.push(now - sent);
            },
            error: (error) => {
              failures.push(error instanceof Error ? error.message : JSON.stringify(error));
            },
            complete: () => void completed++,
          },
        );
      });

    const publish = async (shopIndex: number) => {
      const board = boards[shopIndex];
      const event = buildEvent('inspection.started', {
        orgId: seeded.orgId,
        shopId: board.shopId,
        subjectId: board.inspectionId,
        data: {
          inspectionId: board.inspectionId,
          vehicleId: board.vehicleId,
          customerId: board.customerId,
          technicianId: null,
          templateId: board.templateId,
          templateVersion: 1,
          repairOrderNumber: null,
          startedAt: board.startedAt,
          actor: { kind: 'STAFF', userId: seeded.ownerId },
        },
      });
      publishedAt.set(event.id, Date.now());
      shopEvents[shopIndex].push(event.id);
      await bus.publish([event]);
    };
    const allReceived = (from: number[]) => received.every((seen, i) => shopEvents[i % shops].slice(from[i % shops]).every((id) => seen.has(id)));
    const until = async (condition: () => boolean, what: string, timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s (${failures.length} subscriptions failed, ${completed} ended${failures.length ? `; first failure: ${failures[0]}` : ''})`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };

    let lastRound = 0;
    await subscribe(0);
    await until(() => {
      if (received[0].size > 0) return true;
      void publish(0);
      return false;
    }, 'a first delivery to one subscriber');
    const connectionsWithOne = await footprint.connections();
    await inBatches(Array.from({ length: subscriptions - 1 }, (_, i) => i + 1), 50, (i) => subscribe(i));
    // Warm up until every subscription's upstream stream is open: each has seen an event of its shop.
    await until(() => {
      if (received.every((seen) => seen.size > 0)) return true;
      if (Date.now() - lastRound > 5_000) {
        lastRound = Date.now();
        for (let s = 0; s < shops; s++) void publish(s);
      }
      return false;
    }, 'a first delivery to every subscriber');
    await until(() => allReceived(shopEvents.map((ids) => ids.length - 1)), 'the last warm-up round', 60_000);
    const connectionsWithAll = await footprint.connections();

    const firstMeasured = shopEvents.map((ids) => ids.length);
    measuring = true;
    const total = Math.round(eventsPerSecond * durationSeconds);
    const started = Date.now();
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1_000) / eventsPerSecond;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      await publish(i % shops);
    }
    await until(() => allReceived(firstMeasured), 'every delivery', 5_000).catch(() => undefined);
    measuring = false;

    let expected = 0;
    let lost = 0;
    received.forEach((seen, i) => {
      for (const id of shopEvents[i % shops].slice(firstMeasured[i % shops])) {
        expected++;
        if (!seen.has(id)) lost++;
      }
    });
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    const withinBound = (c: BusConnections) => c.pooled <= c.pooledBound;
    const fixed = connectionsWithOne.held === connectionsWithAll.held && withinBound(connectionsWithOne) && withinBound(connectionsWithAll);
    const described = (c: BusConnections) => `${c.held} held${bus.kind === 'postgres' ? `, ${c.pooled} pooled of at most ${c.pooledBound}` : ''}`;
    return section(
      'Live inspection boards: 1,000 subscribers across 50 shops',
      `${formatNumber(subscriptions)} graphql-ws connections on one gateway, each subscribed to \`inspectionUpdated\` of one of ${shops} shops (${formatNumber(subscriptions / shops)} each); ${eventsPerSecond} events/s for ${durationSeconds} s on the ${bus.kind} bus, spread over the shops (${formatNumber(total)} events, ${formatNumber(expected)} expected deliveries). Latency is from publish to receipt: the bus, the inspections process's one live feed and its per-subscriber buffers, the subscription's SSE stream to the gateway, the gateway's graphql-ws socket.`,
      markdownTable(
        ['deliveries', 'lost', 'p50', 'p90', 'p99', 'max', 'bus connections, 1 subscriber', `with ${formatNumber(subscriptions)}`],
        [[formatNumber(latencies.length), formatNumber(lost), formatMs(percentile(sorted, 50)), formatMs(percentile(sorted, 90)), formatMs(p99), formatMs(sorted.at(-1) ?? Number.NaN), described(connectionsWithOne), described(connectionsWithAll)]],
      ),
      `- Target: p99 < ${targetP99Ms} ms with nothing lost — ${p99 < targetP99Ms && lost === 0 ? '**met**' : '**missed**'} (p99 ${formatMs(p99)}, ${formatNumber(lost)} lost).`,
      `- Target: a fixed number of bus connections whatever the subscriber count — ${fixed ? '**met**' : '**missed**'} (${described(connectionsWithOne)} with one subscriber, ${described(connectionsWithAll)} with ${formatNumber(subscriptions)}; every process on the bench's bus counts, the services and the bench's own publisher. Held connections must be equal; pooled ones come and go with the publishes running at once, within each process's bound).`,
      '`packages/platform/test/live-feed.test.ts` proves the same without timing on both buses: the connections and consumer groups of 1 and of 1,000 subscribers across 50 shops are equal, and every subscriber gets every event of its shop in order.',
    );
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    await footprint.close();
    await bus.close();
    await services.close();
  }
}
