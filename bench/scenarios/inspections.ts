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
    const computedTarget: LoadTarget = { ...target, headers: { 'cache-control': 'no-cache' } };
    await warmUp(computedTarget, { connections, durationSeconds: settings.warmupSeconds });
    const computed = await measureCpu(pids, () => runLoad(computedTarget, { connections, durationSeconds: settings.durationSeconds }));
    return report({ sequential, subgraph, load, cpu, computed: { load: computed.result, cpu: computed.cpu }, connections, itemCount, bytes });
  } finally {
    await services.close();
  }
}

interface Loaded {
  load: LoadResult;
  cpu: CpuUsage<Process>;
}

function report(r: Loaded & { sequential: Percentiles; subgraph: Percentiles; computed: Loaded; connections: number; itemCount: number; bytes: number }): string {
  const cpuPerRequest = ({ load, cpu }: Loaded) => {
    const perRequest = (seconds: number | null) => (seconds === null ? '—' : formatNumber((seconds * 1000) / load.requests, 2));
    return `${processes.map((name) => `${name} ${perRequest(cpu.processes[name])}`).join(', ')}, the whole machine ${perRequest(cpu.machine)}`;
  };
  const verdict = ({ load }: Loaded) => {
    const met = load.requestsPerSecond >= targetRequestsPerSecond && load.errors === 0;
    return `**${met ? 'met' : 'missed'}** (${formatNumber(load.requestsPerSecond)} req/s, ${load.errors} errors)`;
  };
  const loadRow = (what: string, { load }: Loaded) => [what, load.requests, formatNumber(load.requestsPerSecond), formatMs(load.p50Ms), formatMs(load.p99Ms), formatMs(load.maxMs), load.errors];
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
        loadRow(`${r.connections} connections (autocannon), the gateway's defaults`, r),
        loadRow(`${r.connections} connections, every response computed (\`Cache-Control: no-cache\`)`, r.computed),
      ],
    ),
    `CPU milliseconds per request with the gateway's defaults: ${cpuPerRequest(r)}; every response computed: ${cpuPerRequest(r.computed)}.`,
    [
      'With its defaults the gateway coalesces identical staff reads that run at once (they execute once and share the answer), so ten',
      'connections asking for the same page cost about one computed response per round of answers; `no-cache` computes every one.',
    ].join('\n'),
    `- Target (≥ ${targetRequestsPerSecond} req/s at ${r.connections} connections, no errors): with the gateway's defaults ${verdict(r)}; every response computed ${verdict(r.computed)}.`,
  );
}
