import { createServer } from 'node:net';
import { expectedCheckDigit } from '../../subgraphs/vehicles/src/domain/vin';
import { inBatches, mustRequest } from '../support/client';
import { checkOperation, runLoad, type LoadResult, type LoadTarget } from '../support/load';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { seedOrganization } from '../support/seed';
import { startServices } from '../support/services';
import { benchSettings } from '../support/settings';

const listQuery = `query ShopInspections($shopId: ID!) { shop(id: $shopId) { inspections(first: 100) { nodes {
  id status repairOrderNumber summary { green yellow red }
  items { key condition measurement }
  vehicle { vin year make model } customer { name phone }
} } } }`;

const results = [
  { itemKey: 'tires.lf_tread', measurement: { value: 3, unit: 'INCH_32NDS' } },
  { itemKey: 'tires.rf_tread', measurement: { value: 7, unit: 'INCH_32NDS' } },
  { itemKey: 'brakes.front_pads', measurement: { value: 2, unit: 'MILLIMETERS' }, notes: 'Metal on metal soon.' },
  { itemKey: 'fluids.engine_oil', condition: 'GREEN' },
];

let serial = 200_000 + Math.floor(Math.random() * 700_000);
function vin(): string {
  const raw = `1FTMW1T80MF${String(serial++).padStart(6, '0')}`;
  return `${raw.slice(0, 8)}${expectedCheckDigit(raw)}${raw.slice(9)}`;
}

async function deadUrl(): Promise<string> {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  return `http://127.0.0.1:${port}/api`;
}

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
  const services = await startServices({ subgraphs: ['shops', 'vehicles', 'inspections'], env: { VPIC_BASE_URL: await deadUrl() } });
  try {
    const gateway = services.gatewayUrl;
    const seed = await seedOrganization(services, { shops: 1, customersPerShop: 20, techniciansPerShop: 1 });
    const shop = seed.shops[0];
    const token = seed.ownerToken;
    const vehicles = await inBatches(shop.customerIds, 4, async (customerId) => {
      const added = await mustRequest<{ addVehicle: { id: string } }>(
        gateway,
        `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: 61000) { id } }`,
        { shopId: shop.id, customerId, vin: vin() },
        token,
      );
      return { customerId, vehicleId: added.addVehicle.id };
    });
    await inBatches(Array.from({ length: 100 }, (_, i) => i), 8, async (i) => {
      const started = await mustRequest<{ startInspection: { id: string } }>(
        gateway,
        `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`,
        { input: { shopId: shop.id, ...vehicles[i % vehicles.length], templateId: 'tpl_standard', technicianId: shop.technicianIds[0] } },
        token,
      );
      await mustRequest(gateway, `mutation($id: ID!, $results: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $results) { id } }`, { id: started.startInspection.id, results }, token);
    });

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
    for (let i = 0; i < 20; i++) await mustRequest(direct, directQuery, directVariables, token);
    const directSamples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await mustRequest(direct, directQuery, directVariables, token);
      directSamples.push(performance.now() - started);
    }
    const subgraph = percentiles(directSamples);

    const connections = Math.min(settings.connections, 10);
    const target: LoadTarget = { url: gateway, query: listQuery, variables, token };
    await checkOperation(target);
    const load = await runLoad(target, { connections, durationSeconds: settings.durationSeconds, warmupSeconds: settings.warmupSeconds });
    return report({ sequential, subgraph, load, connections, itemCount, bytes });
  } finally {
    await services.close();
  }
}

function report(r: { sequential: Percentiles; subgraph: Percentiles; load: LoadResult; connections: number; itemCount: number; bytes: number }): string {
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
  );
}
