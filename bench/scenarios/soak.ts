import { runLoad, warmUp, type LoadTarget } from '../support/load';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { residentMiB } from '../support/peers';
import { pidOf } from '../support/services';
import { benchSettings } from '../support/settings';
import { median } from '../support/stats';
import { boardQuery, startBoard } from './board';

const connections = 10;
const sampleEveryMs = 5_000;
/** Flat: the last minute's resident set at most this much above the first minute's after warm-up. */
const targetGrowth = 0.05;

/**
 * The gateway under the board load for `BENCH_SOAK_SECONDS` (600 by default), computed every time, its
 * resident set sampled every 5 s: memory that keeps growing after the warm-up is a leak, whatever its size.
 */
export async function run(): Promise<string> {
  const settings = benchSettings();
  const soakSeconds = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
  if (!Number.isFinite(soakSeconds) || soakSeconds < 60) throw new Error(`BENCH_SOAK_SECONDS must be at least 60, got "${process.env.BENCH_SOAK_SECONDS}"`);
  const warmupSeconds = Math.min(60, Math.round(soakSeconds / 10));
  const { services, seed } = await startBoard({ nodeArgs: settings.nodeArgs });
  try {
    const target: LoadTarget = { url: services.gatewayUrl, query: boardQuery, token: seed.ownerToken, headers: { 'cache-control': 'no-cache' } };
    const pid = pidOf(services, 'gateway');
    await warmUp(target, { connections, durationSeconds: warmupSeconds });
    const samples: { atSeconds: number; rss: number }[] = [];
    const startedAt = Date.now();
    const sample = () => {
      const rss = residentMiB(pid);
      if (rss) samples.push({ atSeconds: (Date.now() - startedAt) / 1000, rss: rss.now });
    };
    sample();
    const timer = setInterval(sample, sampleEveryMs);
    const load = await runLoad(target, { connections, durationSeconds: soakSeconds }).finally(() => clearInterval(timer));
    sample();
    const minute = (from: number, to: number) => median(samples.filter((s) => s.atSeconds >= from && s.atSeconds <= to).map((s) => s.rss));
    const first = minute(0, 60);
    const last = minute(soakSeconds - 60, soakSeconds + 1);
    const growth = (last - first) / first;
    const slope = slopePerMinute(samples);
    return section(
      'Soak: gateway memory under the board load',
      [
        `The board (\`npm run bench -- board\`) computed through the gateway at ${connections} connections for ${formatNumber(soakSeconds)} s after a ${warmupSeconds} s warm-up,`,
        `the gateway's resident set size sampled every ${sampleEveryMs / 1000} s (\`BENCH_SOAK_SECONDS\` sets the length; 600 by default).`,
      ].join('\n'),
      markdownTable(
        ['requests', 'req/s', 'p99', 'errors', 'RSS, first minute', 'RSS, last minute', 'growth', 'trend', 'highest sample'],
        [[
          formatNumber(load.requests),
          formatNumber(load.requestsPerSecond),
          formatMs(load.p99Ms),
          load.errors,
          `${formatNumber(first)} MiB`,
          `${formatNumber(last)} MiB`,
          `${formatNumber(growth * 100, 1)} %`,
          `${formatNumber(slope, 2)} MiB/min`,
          `${formatNumber(Math.max(...samples.map((s) => s.rss)))} MiB`,
        ]],
      ),
      `- Target (flat after warm-up: the last minute's RSS within ${targetGrowth * 100} % of the first minute's): **${growth <= targetGrowth ? 'met' : 'missed'}** (${formatNumber(growth * 100, 1)} %).`,
    );
  } finally {
    await services.close();
  }
}

/** Least-squares slope of RSS over time. */
function slopePerMinute(samples: { atSeconds: number; rss: number }[]): number {
  const n = samples.length;
  const mx = samples.reduce((a, s) => a + s.atSeconds, 0) / n;
  const my = samples.reduce((a, s) => a + s.rss, 0) / n;
  const covariance = samples.reduce((a, s) => a + (s.atSeconds - mx) * (s.rss - my), 0);
  const variance = samples.reduce((a, s) => a + (s.atSeconds - mx) ** 2, 0);
  return variance === 0 ? 0 : (covariance / variance) * 60;
}
