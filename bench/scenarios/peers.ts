import { isDeepStrictEqual } from 'node:util';
import { measureCpu } from '../support/cpu';
import { checkOperation, runLoad, warmUp, type LoadResult, type LoadTarget } from '../support/load';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { resetPeakResident, residentMiB, startPeer, type PeerGateway } from '../support/peers';
import { pidOf } from '../support/services';
import { benchSettings } from '../support/settings';
import { median } from '../support/stats';
import { boardQuery, startBoard } from './board';
import { shopsQuery } from './gateway';

const connections = 10;
/** Peak memory of our gateway against bare Apollo's on the same work. */
const targetRssRatio = 1.25;

const workloads = [
  { name: 'board', label: 'shop board, computed (no cache, no coalescing, no deduplication)', query: boardQuery, computed: true },
  { name: 'defaults', label: "shop board, each gateway's defaults (ours coalesces identical reads, Hive deduplicates subgraph requests)", query: boardQuery, computed: false },
  { name: 'shops', label: 'one subgraph (`shops { … customers(first: 20) }`), computed', query: shopsQuery, computed: true },
] as const;
type Workload = (typeof workloads)[number];

interface Contender {
  name: string;
  label: string;
  /** The process serving each workload. */
  pid(workload: Workload): number;
  target(workload: Workload): LoadTarget;
}

interface Measured {
  load: LoadResult;
  cpuMs: number;
  /** The gateway's peak resident set size over this workload's warm-up and run, in MiB. */
  peakMiB: number;
}

/**
 * Our gateway beside bare Apollo Gateway and Hive Gateway (with and without its Rust query planner), each in a
 * process of its own on the same supergraph and the same subgraph processes, the gateways taking turns in every
 * round so drift on the machine hits them alike. Peers get the subgraphs' gateway credential from their own
 * configuration (bench/peers/).
 */
export async function run(): Promise<string> {
  const settings = benchSettings();
  const { services, seed } = await startBoard();
  const peers: PeerGateway[] = [];
  try {
    const started = async (label: string, entry: string, env?: Record<string, string>) => {
      const peer = await startPeer(services, label, entry, env);
      peers.push(peer);
      return peer;
    };
    const apollo = await started('bare Apollo Gateway', 'apollo');
    const hive = { computed: await started('Hive Gateway', 'hive', { HIVE_DEDUPLICATE: 'false' }), defaults: await started('Hive Gateway', 'hive') };
    const rust = {
      computed: await started('Hive Gateway, Rust query planner', 'hive', { HIVE_DEDUPLICATE: 'false', HIVE_PLANNER: 'rust' }),
      defaults: await started('Hive Gateway, Rust query planner', 'hive', { HIVE_PLANNER: 'rust' }),
    };
    const token = seed.ownerToken;
    const oursPid = pidOf(services, 'gateway');
    const contenders: Contender[] = [
      {
        name: 'ours',
        label: 'ours',
        pid: () => oursPid,
        target: (w) => ({ url: services.gatewayUrl, query: w.query, token, headers: w.computed ? { 'cache-control': 'no-cache' } : {} }),
      },
      { name: 'apollo', label: apollo.label, pid: () => apollo.child.pid!, target: (w) => ({ url: apollo.url, query: w.query, token }) },
      ...[
        { name: 'hive', pair: hive },
        { name: 'hive-rust', pair: rust },
      ].map(({ name, pair }) => ({
        name,
        label: pair.computed.label,
        pid: (w: Workload) => (w.computed ? pair.computed : pair.defaults).child.pid!,
        target: (w: Workload) => ({ url: (w.computed ? pair.computed : pair.defaults).url, query: w.query, token }),
      })),
    ];
    for (const workload of workloads) {
      const answers = await Promise.all(contenders.map((c) => checkOperation(c.target(workload))));
      const odd = contenders.find((_, i) => !isDeepStrictEqual(answers[i], answers[0]));
      if (odd) throw new Error(`${odd.label} answered ${workload.name} differently from ours`);
    }

    const rounds: Record<string, Record<string, Measured>>[] = [];
    for (let round = 0; round < settings.repeats; round++) {
      const measured: Record<string, Record<string, Measured>> = {};
      for (const workload of workloads) {
        measured[workload.name] = {};
        for (const contender of contenders) {
          const target = contender.target(workload);
          const pid = contender.pid(workload);
          resetPeakResident(pid);
          await warmUp(target, { connections, durationSeconds: settings.warmupSeconds });
          const { result, cpu } = await measureCpu({ gateway: pid }, () => runLoad(target, { connections, durationSeconds: settings.durationSeconds, allowEmpty: true }));
          measured[workload.name][contender.name] = {
            load: result,
            cpuMs: cpu.processes.gateway === null ? Number.NaN : (cpu.processes.gateway * 1000) / result.requests,
            peakMiB: residentMiB(pid)?.peak ?? Number.NaN,
          };
        }
      }
      rounds.push(measured);
    }
    return report(contenders, rounds);
  } finally {
    await Promise.all(peers.map((peer) => peer.stop()));
    await services.close();
  }
}

function report(contenders: Contender[], rounds: Record<string, Record<string, Measured>>[]): string {
  const of = (workload: string, contender: string, pick: (m: Measured) => number) => median(rounds.map((r) => pick(r[workload][contender])));
  const peakIn = (contender: string, names: readonly string[]) => Math.max(...rounds.flatMap((r) => names.map((name) => r[name][contender].peakMiB)));
  const peaks = Object.fromEntries(contenders.map((c) => [c.name, peakIn(c.name, workloads.map((w) => w.name))]));
  const ratio = (workload: string, peer: string, pick: (m: Measured) => number) => median(rounds.map((r) => pick(r[workload].ours) / pick(r[workload][peer])));
  const peers = contenders.filter((c) => c.name !== 'ours');
  const rssRatio = peaks.ours / peaks.apollo;
  const tables = workloads.map((w) => {
    const errors = (c: Contender) => rounds.reduce((n, r) => n + r[w.name][c.name].load.errors, 0);
    return `**${w.label}**\n\n` + markdownTable(
      ['gateway', 'req/s', 'p50', 'p99', 'errors', 'gateway CPU ms/req', 'peak RSS', 'ours ÷ it, req/s', 'ours ÷ it, p99'],
      contenders.map((c) => [
        c.label,
        formatNumber(of(w.name, c.name, (m) => m.load.requestsPerSecond)),
        formatMs(of(w.name, c.name, (m) => m.load.p50Ms)),
        formatMs(of(w.name, c.name, (m) => m.load.p99Ms)),
        errors(c),
        formatNumber(of(w.name, c.name, (m) => m.cpuMs), 2),
        `${formatNumber(peakIn(c.name, [w.name]))} MiB`,
        c.name === 'ours' ? '—' : `${formatNumber(ratio(w.name, c.name, (m) => m.load.requestsPerSecond), 2)} ×`,
        c.name === 'ours' ? '—' : `${formatNumber(ratio(w.name, c.name, (m) => m.load.p99Ms), 2)} ×`,
      ]),
    );
  });
  return section(
    'Peers: our gateway beside bare Apollo Gateway and Hive Gateway',
    [
      `The board (\`npm run bench -- board\`) and the one-subgraph query of the gateway scenario, through each gateway at ${connections} connections,`,
      'every gateway in a process of its own (`NODE_ENV=production`) on the committed supergraph and the same shops, inspections and vehicles',
      'processes. Bare Apollo Gateway is `@apollo/gateway` on `@apollo/server` with its defaults (it deduplicates nothing); Hive Gateway is',
      '`@graphql-hive/gateway-runtime` with its defaults, once more with its Rust query planner (`@graphql-hive/router-runtime`); each Hive',
      'variant runs twice, with its deduplication of identical subgraph requests off (computed rows) and on (defaults). Every peer sends the',
      'subgraphs\' gateway credential from its own configuration. The gateways take turns within each round; figures are medians of',
      `${rounds.length} rounds, ratios medians of per-round ratios (req/s above 1 × and p99 below 1 × favour ours).`,
    ].join('\n'),
    ...tables,
    '**Peak memory** (resident set size at its highest, VmHWM, over every workload and round; each table\'s `peak RSS` is its workload\'s, the peak started again from the size at its warm-up)\n\n' +
      markdownTable(
        ['gateway', 'peak RSS', 'ours ÷ it'],
        [['ours', `${formatNumber(peaks.ours)} MiB`, '—'], ...peers.map((c) => [c.label, `${formatNumber(peaks[c.name])} MiB`, `${formatNumber(peaks.ours / peaks[c.name], 2)} ×`])],
      ),
    `- Target (peak RSS at most ${targetRssRatio} × bare Apollo's on the same work): **${rssRatio <= targetRssRatio ? 'met' : 'missed'}** (${formatNumber(rssRatio, 2)} ×).`,
  );
}
