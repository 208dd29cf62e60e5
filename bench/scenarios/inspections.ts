import { mustRequest } from '../support/client';
import { measureCpu, type CpuUsage } from '../support/cpu';
import { deadUrl, seedInspections } from '../support/inspections';
import { checkOperation, runLoad, warmUp, type LoadResult, type LoadTarget } from '../support/load';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { seedOrganization } from '../support/seed';
import { pidOf, startServices } from '../support/services';
import { benchSettings } from '../support/settings';

const listQuery = `query ShopInspections($shopId: ID!) { shop(id: $shopId) { inspections(first: 100) { nodes {
  id status repairOrderNumber summary { green yellow red }
  items { key condition measurement }
  vehicle { vin year make model } customer { name phone }
} } } }`;

const targetRequestsPerSecond = 150;
const processes = ['gateway', 'shops', 'inspections', 'vehicles'] as const;
type Process = (typeof processes)[number];

interface Percentiles {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

/**
 * Listing 100 inspections of a shop with every item, the vehicle (vehicles subgraph) and the customer
 * (shops subgraph) through the gateway: one client at a time, then under load with autocannon.
 */
export async function run(): Promise<string> {
  const settings = benchSettings();
  const services = await startServices({ subgraphs: ['shops', 'vehicles', 'inspections'], env: { VPIC_BASE_URL: await deadUrl() }, nodeArgs: settings.nodeArgs });
  try {
    const gateway = services.gatewayUrl;
    const seed = await seedOrganization(services, { shops: 1, customersPerShop: 20, techniciansPerShop: 1 });
    const shop = seed.shops[0];
    const token = seed.ownerToken;
    await seedInspections(gateway, shop, token, 100);

    const variables = { shopId: shop.id };
    const page = await mustRequest<{ shop: { inspections: { nodes: { items: unknown[] }[] } } }>(gateway, listQuery, variables, token);
    const itemCount = page.shop.inspections.nodes.reduce((n, node) => n + node.items.length, 0);
    const bytes = JSON.stringify(page).length;

    for (let i = 0; i < 20; i++) await mustRequest(gateway, listQuery, variables, token);
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await mustRequest(gateway, listQuery, variables, token);
      samples.push(performance.now() - started);
    }
    const sequential = percentiles(samples);

    const direct = services.subgraphUrls.inspections!;
    const directQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shop { inspections(first: 100) { nodes {
      id status repairOrderNumber summary { green yellow red } items { key condition measurement } vehicle { id } customer { id } } } } } }`;
    const directVariables = { r: [{ __typename: 'Shop', id: shop.id }] };
    const asGateway = { 'gateway-authorization': services.gatewaySecret };
    for (let i = 0; i < 20; i++) await mustRequest(direct, directQuery, directVariables, token, asGateway);
    const directSamples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await mustRequest(direct, directQuery, directVariables, token, asGateway);
      directSamples.push(performance.now() - started);
    }
    const subgraph = percentiles(directSamples);

    const connections = Math.min(settings.connections, 10);
    const target: LoadTarget = { url: gateway, query: listQuery, variables, token };
    await checkOperation(target);
    await warmUp(target, { connections, durationSeconds: settings.warmupSeconds });
    const pids = Object.fromEntries(processes.map((name) => [name, pidOf(services, name)])) as Record<Process, number>;
    const { result: load, cpu } = await measureCpu(pids, () => runLoad(target, { connections, durationSeconds: settings.durationSeconds }));
    return report({ sequential, subgraph, load, cpu, connections, itemCount, bytes });
  } finally {
    await services.close();
  }
}

function report(r: { sequential: Percentiles; subgraph: Percentiles; load: LoadResult; cpu: CpuUsage<Process>; connections: number; itemCount: number; bytes: number }): string {
  const perRequest = (seconds: number | null) => (seconds === null ? '—' : formatNumber((seconds * 1000) / r.load.requests, 2));
  const met = r.load.requestsPerSecond >= targetRequestsPerSecond && r.load.errors === 0;
  return section(
    'Inspections: listing 100 inspections with items, vehicle and customer',
    [
      '`shop(id) { inspections(first: 100) { nodes { … items { … } vehicle { … } customer { … } } } }` as the shop owner, through the gateway,',
      'with the shops, vehicles and inspections subgraphs and the gateway each in its own process (`NODE_ENV=production`, PostgreSQL on this machine).',
      `The page holds 100 standard-template inspections of 20 vehicles: ${formatNumber(r.itemCount)} items, ${formatNumber(r.bytes / 1024)} KiB of JSON.`,
      'Each request costs one SQL query per entity type per subgraph fetch: inspections + items (inspections), vehicles (vehicles), shop + customers (shops);',
      '`gateway/test/e2e/inspection-flow.test.ts` counts them.',
    ].join('\n'),
    markdownTable(
      ['what', 'requests', 'req/s', 'p50', 'p99', 'max', 'errors'],
      [
        ['one client, one request at a time', r.sequential.count, '—', formatMs(r.sequential.p50), formatMs(r.sequential.p99), formatMs(r.sequential.max), 0],
        ['inspections subgraph alone (the `Shop` fetch the gateway sends), one at a time', r.subgraph.count, '—', formatMs(r.subgraph.p50), formatMs(r.subgraph.p99), formatMs(r.subgraph.max), 0],
        [`${r.connections} connections (autocannon)`, r.load.requests, formatNumber(r.load.requestsPerSecond), formatMs(r.load.p50Ms), formatMs(r.load.p99Ms), formatMs(r.load.maxMs), r.load.errors],
      ],
    ),
    `CPU milliseconds per request under that load: ${processes.map((name) => `${name} ${perRequest(r.cpu.processes[name])}`).join(', ')}, the whole machine ${perRequest(r.cpu.machine)}.`,
    `- Target (≥ ${targetRequestsPerSecond} req/s at ${r.connections} connections, no errors): **${met ? 'met' : 'missed'}** (${formatNumber(r.load.requestsPerSecond)} req/s, ${r.load.errors} errors).`,
  );
}
