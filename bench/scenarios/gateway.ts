import { cpus } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { measureCpu, type CpuUsage } from '../support/cpu';
import { checkOperation, medianLoad, runLoad, type LoadResult, type LoadTarget } from '../support/load';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { seedOrganization } from '../support/seed';
import { startServices, type RunningServices } from '../support/services';
import { benchSettings, type BenchSettings } from '../support/settings';
import { median } from '../support/stats';

const shops = 5;
const customersPerShop = 40;
const targetP99Ms = 100;
/** Lighter loads, one run each: where the target is held on this machine. */
const sweepConnections = [1, 10, 25];

/** Every shop the owner sees, its organization and a page of customers: one federated operation, all owned by shops. */
export const shopsQuery = /* GraphQL */ `
  query ShopsWithCustomers {
    shops {
      id
      name
      organization { name }
      customers(first: 20) { id name }
    }
  }
`;

/** What CPU profiles (`BENCH_CPU_PROF=gateway,shops`) showed when the target was first missed, and what changed. */
const profileNotes = [
  '**Profile notes (2026-11-27)**',
  '',
  '- Gateway, before: the built-in `fetch` (undici and its web streams) took about a quarter of the gateway\'s CPU,',
  '  recording OpenTelemetry spans that no exporter sent anywhere about a seventh, ECDSA verification of the same',
  '  access token on every request about a tenth. Changed: subgraph calls go through node-fetch on kept-alive',
  '  `node:http` agents (idle sockets dropped after 4 s, before the subgraph\'s 5 s keep-alive timeout), which cut',
  '  gateway CPU per request by about 30 % in an A/B at 10 connections; without an exporter no spans are recorded',
  '  (the trace context is still forwarded); the platform\'s token verifier remembers a verified token until it',
  '  expires, for at most a minute (gateway and every subgraph).',
  '- The shops subgraph bounded both paths at 6–8 ms of CPU per request: TypeORM about 30 %, the pg driver about 20 %',
  '  (one customers page per shop), garbage collection about 15 %, zod about 9 % (an input schema built per call).',
  '  Changed: `Shop.customers` now pages every shop of a request in one window query through a per-request loader,',
  '  with its input schema built once; gateway throughput at 100 connections went from 38 to about 190 req/s.',
  '- At 100 connections the p99 target needs over 1,000 req/s (Little\'s law); this 2-core machine, running the load',
  '  generator, PostgreSQL and six services, serves about 190. At 1 connection the gateway p99 is 13 ms.',
].join('\n');

interface Measured {
  load: LoadResult;
  cpu: CpuUsage<'gateway' | 'shops'>;
}

/**
 * The cost of the gateway: the same operation through the gateway and straight to the shops subgraph,
 * with the same token, under the same load, alternating so drift on the machine hits both alike.
 */
export async function run(): Promise<string> {
  const settings = benchSettings();
  const services = await startServices({ nodeArgs: settings.nodeArgs });
  try {
    const seed = await seedOrganization(services.gatewayUrl, { shops, customersPerShop });
    const gateway: LoadTarget = { url: services.gatewayUrl, query: shopsQuery, token: seed.ownerToken };
    const direct: LoadTarget = { url: services.subgraphUrls.shops!, query: shopsQuery, token: seed.ownerToken };
    const [viaGateway, viaSubgraph] = [await checkOperation(gateway), await checkOperation(direct)];
    if (!isDeepStrictEqual(viaGateway, viaSubgraph)) throw new Error('the gateway and the shops subgraph answered different data');

    const rounds: { gateway: Measured; direct: Measured }[] = [];
    for (let round = 0; round < settings.repeats; round++) {
      rounds.push({ gateway: await measure(services, gateway, settings), direct: await measure(services, direct, settings) });
    }
    const sweep = [];
    for (const connections of sweepConnections) {
      const options = { connections, durationSeconds: Math.min(5, settings.durationSeconds), warmupSeconds: 1 };
      sweep.push({ connections, gateway: await runLoad(gateway, options), direct: await runLoad(direct, options) });
    }
    return report(rounds, sweep, settings);
  } finally {
    await services.close();
  }
}

async function measure(services: RunningServices, target: LoadTarget, settings: BenchSettings): Promise<Measured> {
  await runLoad(target, { connections: settings.connections, durationSeconds: settings.warmupSeconds });
  const pids = { gateway: pidOf(services, 'gateway'), shops: pidOf(services, 'shops') };
  const { result, cpu } = await measureCpu(pids, () => runLoad(target, { connections: settings.connections, durationSeconds: settings.durationSeconds }));
  return { load: result, cpu };
}

function pidOf(services: RunningServices, name: 'gateway' | 'shops'): number {
  const pid = services.services.find((s) => s.name === name)?.child.pid;
  if (!pid) throw new Error(`${name} is not running`);
  return pid;
}

/** CPU milliseconds per request: what bounds throughput once the cores are busy. */
function perRequest(m: Measured, seconds: number | null): number {
  return seconds === null || m.load.requests === 0 ? Number.NaN : (seconds * 1000) / m.load.requests;
}

function report(
  rounds: { gateway: Measured; direct: Measured }[],
  sweep: { connections: number; gateway: LoadResult; direct: LoadResult }[],
  settings: BenchSettings,
): string {
  const cores = cpus().length;
  const g = medianLoad(rounds.map((r) => r.gateway.load));
  const d = medianLoad(rounds.map((r) => r.direct.load));
  const cpuOf = (path: 'gateway' | 'direct', of: (m: Measured) => number | null) => median(rounds.map((r) => perRequest(r[path], of(r[path]))));
  const cpu = {
    gateway: { gateway: cpuOf('gateway', (m) => m.cpu.processes.gateway), shops: cpuOf('gateway', (m) => m.cpu.processes.shops), machine: cpuOf('gateway', (m) => m.cpu.machine) },
    direct: { shops: cpuOf('direct', (m) => m.cpu.processes.shops), machine: cpuOf('direct', (m) => m.cpu.machine) },
  };
  const throughputRatio = median(rounds.map((r) => r.gateway.load.requestsPerSecond / r.direct.load.requestsPerSecond));
  const p50Ratio = median(rounds.map((r) => r.gateway.load.p50Ms / r.direct.load.p50Ms));
  const p99Ratio = median(rounds.map((r) => r.gateway.load.p99Ms / r.direct.load.p99Ms));
  const gatewayErrors = rounds.reduce((n, r) => n + r.gateway.load.errors, 0);
  const gatewayRequests = rounds.reduce((n, r) => n + r.gateway.load.requests, 0);
  const met = g.p99Ms < targetP99Ms && gatewayErrors === 0;
  const needed = (settings.connections * 1000) / targetP99Ms;
  const ceiling = (cores * 1000) / cpu.gateway.machine;
  const row = (label: string, r: LoadResult, cpuMs: { gateway?: number; shops: number; machine: number }) => [
    label,
    formatNumber(r.requestsPerSecond),
    formatMs(r.p50Ms),
    formatMs(r.p90Ms),
    formatMs(r.p99Ms),
    formatMs(r.maxMs),
    r.errors,
    cpuMs.gateway === undefined ? '—' : formatNumber(cpuMs.gateway, 2),
    formatNumber(cpuMs.shops, 2),
    formatNumber(cpuMs.machine, 2),
  ];

  return section(
    'Gateway: one federated query, through the gateway and straight to the subgraph',
    [
      `Operation \`ShopsWithCustomers\` (\`shops { id name organization { name } customers(first: 20) { id name } }\`) as the owner of`,
      `an organization of ${shops} shops with ${customersPerShop} customers each, seeded through the public mutations, so every response`,
      `carries ${shops} shops and ${shops * 20} customers (about 7.5 kB). The gateway and every subgraph run in processes of their own,`,
      'started from their `main.ts` with `NODE_ENV=production`; autocannon, PostgreSQL and the services share this machine\'s',
      `${cores} cores. ${settings.connections} connections, ${settings.warmupSeconds} s warm-up then ${settings.durationSeconds} s measured, gateway and direct alternating,`,
      `${rounds.length} rounds. Errors count socket errors, timeouts, non-2xx answers and 2xx bodies carrying GraphQL \`errors\`. CPU columns`,
      'are CPU milliseconds per request of the gateway process, the shops process, and the whole machine (including PostgreSQL,',
      'the load generator and anything else running).',
    ].join('\n'),
    `**Median of ${rounds.length} rounds**\n\n` +
      markdownTable(
        ['path', 'req/s', 'p50', 'p90', 'p99', 'max', 'errors', 'gateway CPU ms/req', 'shops CPU ms/req', 'machine CPU ms/req'],
        [row('gateway → shops', g, cpu.gateway), row('shops directly', d, cpu.direct)],
      ),
    [
      `- Through the gateway: **${formatNumber(throughputRatio * 100)} %** of the direct throughput, p50 **${formatNumber(p50Ratio, 2)} ×** and p99 **${formatNumber(p99Ratio, 2)} ×** direct (medians of per-round ratios).`,
      `- Target (gateway p99 < ${targetP99Ms} ms at ${settings.connections} connections, zero errors): **${met ? 'met' : 'missed'}**. Gateway p99 ${formatMs(g.p99Ms)}; ${gatewayErrors} errors in ${formatNumber(gatewayRequests)} requests.`,
      `- Why: with ${settings.connections} requests always in flight, latency is connections ÷ throughput (Little's law), so p99 < ${targetP99Ms} ms needs well over`,
      `  ${formatNumber(needed)} req/s. One request through the gateway costs about ${formatNumber(cpu.gateway.machine, 1)} ms of machine CPU (${formatNumber(cpu.gateway.gateway, 1)} ms in the gateway,`,
      `  ${formatNumber(cpu.gateway.shops, 1)} ms in the shops subgraph, the rest in PostgreSQL, the load generator and anything else that ran), which caps`,
      `  ${cores} cores at about ${formatNumber(ceiling)} req/s. Without the gateway the shops process alone (${formatNumber(cpu.direct.shops, 1)} ms per request on one core) bounds`,
      `  the direct path near ${formatNumber(1000 / cpu.direct.shops)} req/s. The load-average figure above says how busy the machine was with other work.`,
    ].join('\n'),
    `**Lighter loads** (one run each, ${Math.min(5, settings.durationSeconds)} s after a 1 s warm-up)\n\n` +
      markdownTable(
        ['connections', 'gateway req/s', 'gateway p50', 'gateway p99', 'direct req/s', 'direct p50', 'direct p99', 'errors (gateway / direct)', `gateway p99 < ${targetP99Ms} ms`],
        sweep.map((s) => [
          s.connections,
          formatNumber(s.gateway.requestsPerSecond),
          formatMs(s.gateway.p50Ms),
          formatMs(s.gateway.p99Ms),
          formatNumber(s.direct.requestsPerSecond),
          formatMs(s.direct.p50Ms),
          formatMs(s.direct.p99Ms),
          `${s.gateway.errors} / ${s.direct.errors}`,
          s.gateway.p99Ms < targetP99Ms && s.gateway.errors === 0 ? 'yes' : 'no',
        ]),
      ),
    profileNotes,
    '**Every round**\n\n' +
      markdownTable(
        ['round', 'gateway req/s', 'gateway p50', 'gateway p99', 'direct req/s', 'direct p50', 'direct p99', 'req/s ratio', 'errors (gateway / direct)'],
        rounds.map((r, i) => [
          i + 1,
          formatNumber(r.gateway.load.requestsPerSecond),
          formatMs(r.gateway.load.p50Ms),
          formatMs(r.gateway.load.p99Ms),
          formatNumber(r.direct.load.requestsPerSecond),
          formatMs(r.direct.load.p50Ms),
          formatMs(r.direct.load.p99Ms),
          formatNumber(r.gateway.load.requestsPerSecond / r.direct.load.requestsPerSecond, 2),
          `${r.gateway.load.errors} / ${r.direct.load.errors}`,
        ]),
      ),
  );
}
