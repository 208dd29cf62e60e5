import { cpus } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { measureCpu, type CpuUsage } from '../support/cpu';
import { checkOperation, medianLoad, runLoad, type LoadResult, type LoadTarget } from '../support/load';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { mustRequest } from '../support/client';
import { seedOrganization, shopInput } from '../support/seed';
import { pidOf, startServices, type RunningServices } from '../support/services';
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

/** What CPU profiles (`BENCH_CPU_PROF=gateway,shops`) showed, and what changed. */
const profileNotes = [
  '**Profile notes (2026-11-27)**',
  '',
  '- Gateway: the built-in `fetch` (undici and its web streams) took about a quarter of the gateway\'s CPU, recording',
  '  OpenTelemetry spans that no exporter sent anywhere about a seventh, ECDSA verification of the same access token on',
  '  every request about a tenth. Changed: subgraph calls go through node-fetch on kept-alive `node:http` agents; without an',
  '  exporter no spans are recorded and no async context manager is installed (on Node 20 it hooks every promise), the',
  '  gateway forwarding the caller\'s own `traceparent`; a verified token is remembered until it expires, for at most a minute.',
  '- Shops subgraph: TypeORM\'s query builder and hydration cost more than the SQL (about 30 % of its CPU on this query),',
  '  the Prometheus plugin\'s default per-phase histograms, summary and deprecated-field walk about a tenth. Changed: hot reads',
  '  are SQL written once with columns aliased to the entity\'s properties (`entitySql`), customer pages of every shop of a',
  '  request come in one window query, and subgraphs record request count, errors and latency only. In one A/B on a quiet',
  '  machine (one round each) the computed gateway path went from 108 to 187 req/s and the shops CPU per request from 8.6 to 4.5 ms.',
  '- Computing the response cannot hold the target here. With 100 requests always in flight latency is connections ÷ throughput',
  '  (Little\'s law), so p99 < 100 ms needs well over 1,000 req/s, and even the smallest useful query',
  '  (`shops { id name organization { name } }`, 2.9 ms of machine CPU per request) reached 663 req/s through the gateway and',
  '  968 req/s straight from the subgraph, p99 295 ms and 206 ms. What holds it is not computing the response again: the',
  '  gateway\'s response cache, for the staff reads that every subgraph involved marked cacheable.',
  '- Identical reads that miss the cache together (an entry expiring, a mutation starting the organization over) run once;',
  '  before that, the first 10 s run of the cached path had a max of 1,386 ms: every connection computed the response at once.',
].join('\n');

type PathName = 'cached' | 'written' | 'uncached' | 'direct';
const paths: { name: PathName; label: string }[] = [
  { name: 'cached', label: 'gateway, response cache' },
  { name: 'written', label: 'gateway, response cache, a mutation each second' },
  { name: 'uncached', label: 'gateway, `Cache-Control: no-cache`' },
  { name: 'direct', label: 'shops subgraph directly' },
];
const writeEveryMs = 1_000;

interface Measured {
  load: LoadResult;
  cpu: CpuUsage<'gateway' | 'shops'>;
  /** Mutations made while the load ran, on the path that makes them. */
  writes?: number;
}

type Round = Record<PathName, Measured>;

/**
 * The cost of the gateway: the same operation through the gateway (answered from its response cache, as a
 * dashboard's repeated reads are, and computed afresh) and straight from the shops subgraph, with the same
 * token, under the same load, alternating so drift on the machine hits every path alike.
 */
export async function run(): Promise<string> {
  const settings = benchSettings();
  const services = await startServices({ nodeArgs: settings.nodeArgs });
  try {
    const seed = await seedOrganization(services, { shops, customersPerShop });
    const cached: LoadTarget = { url: services.gatewayUrl, query: shopsQuery, token: seed.ownerToken };
    const targets: Record<PathName, LoadTarget> = {
      cached,
      written: cached,
      uncached: { url: services.gatewayUrl, query: shopsQuery, token: seed.ownerToken, headers: { 'cache-control': 'no-cache' } },
      direct: { url: services.subgraphUrls.shops!, query: shopsQuery, token: seed.ownerToken, headers: { 'gateway-authorization': services.gatewaySecret } },
    };
    const answers = await Promise.all(paths.map(({ name }) => checkOperation(targets[name])));
    if (!answers.every((answer) => isDeepStrictEqual(answer, answers[0]))) throw new Error('the gateway paths and the shops subgraph answered different data');

    // The same settings saved again: a mutation like any other, so it starts the organization's cached responses over.
    const write = () =>
      mustRequest(services.gatewayUrl, `mutation($id: ID!, $input: ShopInput!) { updateShop(id: $id, input: $input) { id } }`, { id: seed.shops[0]!.id, input: shopInput(0) }, seed.ownerToken);
    const rounds: Round[] = [];
    for (let round = 0; round < settings.repeats; round++) {
      const measured = {} as Round;
      for (const { name } of paths) measured[name] = await measure(services, targets[name], settings, name === 'written' ? write : undefined);
      rounds.push(measured);
    }
    const sweep = [];
    for (const connections of sweepConnections) {
      const options = { connections, durationSeconds: Math.min(5, settings.durationSeconds), warmupSeconds: 1 };
      sweep.push({ connections, uncached: await runLoad(targets.uncached, options), direct: await runLoad(targets.direct, options) });
    }
    return report(rounds, sweep, settings);
  } finally {
    await services.close();
  }
}

async function measure(services: RunningServices, target: LoadTarget, settings: BenchSettings, write?: () => Promise<unknown>): Promise<Measured> {
  await runLoad(target, { connections: settings.connections, durationSeconds: settings.warmupSeconds });
  const pids = { gateway: pidOf(services, 'gateway'), shops: pidOf(services, 'shops') };
  const writer = write ? writeEvery(writeEveryMs, write) : undefined;
  try {
    const { result, cpu } = await measureCpu(pids, () => runLoad(target, { connections: settings.connections, durationSeconds: settings.durationSeconds }));
    return { load: result, cpu, writes: writer?.count() };
  } finally {
    await writer?.stop();
  }
}

/** Calls `write` every `ms` until stopped; a failed write fails the measurement. */
function writeEvery(ms: number, write: () => Promise<unknown>) {
  let writes = 0;
  let failure: unknown;
  let last: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    last = write().then(() => writes++, (error: unknown) => (failure ??= error));
  }, ms);
  return {
    count: () => writes,
    async stop() {
      clearInterval(timer);
      await last;
      if (failure) throw failure;
    },
  };
}

/** CPU milliseconds per request: what bounds throughput once the cores are busy. */
function perRequest(m: Measured, seconds: number | null): number {
  return seconds === null || m.load.requests === 0 ? Number.NaN : (seconds * 1000) / m.load.requests;
}

function report(rounds: Round[], sweep: { connections: number; uncached: LoadResult; direct: LoadResult }[], settings: BenchSettings): string {
  const cores = cpus().length;
  const loadOf = (path: PathName) => medianLoad(rounds.map((r) => r[path].load));
  const cpuOf = (path: PathName, of: (m: Measured) => number | null) => median(rounds.map((r) => perRequest(r[path], of(r[path]))));
  const ratio = (path: PathName, of: (l: LoadResult) => number) => median(rounds.map((r) => of(r[path].load) / of(r.direct.load)));
  const errorsOf = (path: PathName) => rounds.reduce((n, r) => n + r[path].load.errors, 0);
  const requestsOf = (path: PathName) => rounds.reduce((n, r) => n + r[path].load.requests, 0);
  const verdict = (path: PathName) => {
    const met = loadOf(path).p99Ms < targetP99Ms && errorsOf(path) === 0;
    const said = loadOf(path).errorSamples;
    return `**${met ? 'met' : 'missed'}** (p99 ${formatMs(loadOf(path).p99Ms)}, ${errorsOf(path)} errors in ${formatNumber(requestsOf(path))} requests${said.length ? `: ${said.map((e) => `\`${e}\``).join(', ')}` : ''})`;
  };
  const needed = (settings.connections * 1000) / targetP99Ms;
  const uncachedMachine = cpuOf('uncached', (m) => m.cpu.machine);

  return section(
    'Gateway: one federated query, through the gateway and straight to the subgraph',
    [
      `Operation \`ShopsWithCustomers\` (\`shops { id name organization { name } customers(first: 20) { id name } }\`) as the owner of`,
      `an organization of ${shops} shops with ${customersPerShop} customers each, seeded through the public mutations, so every response`,
      `carries ${shops} shops and ${shops * 20} customers (about 7.5 kB). Three paths: the gateway as a dashboard meets it (the`,
      'response cache answers a repeated staff read), the same while the owner saves a shop\'s settings every second (each',
      'mutation starts the organization\'s cached responses over, so the next reads compute it again), the gateway computing',
      'every response afresh (`Cache-Control: no-cache`: plan, call the shops subgraph, merge), and the shops subgraph directly.',
      'The gateway and every subgraph run in processes of their own, started from their `main.ts` with `NODE_ENV=production`;',
      `autocannon, PostgreSQL and the services share this machine's ${cores} cores. ${settings.connections} connections, ${settings.warmupSeconds} s warm-up then`,
      `${settings.durationSeconds} s measured, the paths alternating, ${rounds.length} rounds. Errors count socket errors, timeouts, non-2xx answers and 2xx bodies`,
      'carrying GraphQL `errors`. CPU columns are CPU milliseconds per request of the gateway process, the shops process, and',
      'the whole machine (including PostgreSQL, the load generator and anything else running).',
    ].join('\n'),
    `**Median of ${rounds.length} rounds**\n\n` +
      markdownTable(
        ['path', 'req/s', 'p50', 'p90', 'p99', 'max', 'errors', 'gateway CPU ms/req', 'shops CPU ms/req', 'machine CPU ms/req'],
        paths.map(({ name, label }) => {
          const r = loadOf(name);
          return [
            label,
            formatNumber(r.requestsPerSecond),
            formatMs(r.p50Ms),
            formatMs(r.p90Ms),
            formatMs(r.p99Ms),
            formatMs(r.maxMs),
            errorsOf(name),
            name === 'direct' ? '—' : formatNumber(cpuOf(name, (m) => m.cpu.processes.gateway), 2),
            formatNumber(cpuOf(name, (m) => m.cpu.processes.shops), 2),
            formatNumber(cpuOf(name, (m) => m.cpu.machine), 2),
          ];
        }),
      ),
    [
      `- Target (gateway p99 < ${targetP99Ms} ms at ${settings.connections} connections, zero errors): with the response cache ${verdict('cached')};`,
      `  with the cache and a mutation each second (${median(rounds.map((r) => r.written.writes ?? 0))} per round, each starting the organization's cached responses over) ${verdict('written')};`,
      `  computing every response ${verdict('uncached')}.`,
      `- Against the subgraph directly (medians of per-round ratios): cached **${formatNumber(ratio('cached', (l) => l.requestsPerSecond), 2)} ×** the throughput, p99 **${formatNumber(ratio('cached', (l) => l.p99Ms), 2)} ×**;`,
      `  uncached **${formatNumber(ratio('uncached', (l) => l.requestsPerSecond), 2)} ×** the throughput, p50 **${formatNumber(ratio('uncached', (l) => l.p50Ms), 2)} ×**, p99 **${formatNumber(ratio('uncached', (l) => l.p99Ms), 2)} ×**.`,
      `- Why the uncached path misses: with ${settings.connections} requests always in flight, latency is connections ÷ throughput (Little's law), so`,
      `  p99 < ${targetP99Ms} ms needs well over ${formatNumber(needed)} req/s; computing this response costs about ${formatNumber(uncachedMachine, 1)} ms of machine CPU, which caps`,
      `  ${cores} cores near ${formatNumber((cores * 1000) / uncachedMachine)} req/s, and the subgraph alone misses it too.`,
    ].join('\n'),
    `**Lighter loads, computing every response** (one run each, ${Math.min(5, settings.durationSeconds)} s after a 1 s warm-up)\n\n` +
      markdownTable(
        ['connections', 'gateway req/s', 'gateway p50', 'gateway p99', 'direct req/s', 'direct p50', 'direct p99', 'errors (gateway / direct)', `gateway p99 < ${targetP99Ms} ms`],
        sweep.map((s) => [
          s.connections,
          formatNumber(s.uncached.requestsPerSecond),
          formatMs(s.uncached.p50Ms),
          formatMs(s.uncached.p99Ms),
          formatNumber(s.direct.requestsPerSecond),
          formatMs(s.direct.p50Ms),
          formatMs(s.direct.p99Ms),
          `${s.uncached.errors} / ${s.direct.errors}`,
          s.uncached.p99Ms < targetP99Ms && s.uncached.errors === 0 ? 'yes' : 'no',
        ]),
      ),
    profileNotes,
    '**Every round**\n\n' +
      markdownTable(
        ['round', ...paths.flatMap(({ name }) => [`${name} req/s`, `${name} p99`]), `errors (${paths.map(({ name }) => name).join(' / ')})`],
        rounds.map((r, i) => [
          i + 1,
          ...paths.flatMap(({ name }) => [formatNumber(r[name].load.requestsPerSecond), formatMs(r[name].load.p99Ms)]),
          paths.map(({ name }) => r[name].load.errors).join(' / '),
        ]),
      ),
  );
}
