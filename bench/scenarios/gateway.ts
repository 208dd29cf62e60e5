import { cpus } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { checkOperation, medianLoad, runLoad, type LoadResult, type LoadTarget } from '../support/load';
import { formatMs, formatNumber, markdownTable, section } from '../support/markdown';
import { seedOrganization } from '../support/seed';
import { startServices } from '../support/services';
import { benchSettings } from '../support/settings';
import { median } from '../support/stats';

const shops = 5;
const customersPerShop = 40;

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

    const rounds: { gateway: LoadResult; direct: LoadResult }[] = [];
    for (let round = 0; round < settings.repeats; round++) {
      const options = { connections: settings.connections, durationSeconds: settings.durationSeconds, warmupSeconds: settings.warmupSeconds };
      rounds.push({ gateway: await runLoad(gateway, options), direct: await runLoad(direct, options) });
    }
    return report(rounds, settings);
  } finally {
    await services.close();
  }
}

function report(rounds: { gateway: LoadResult; direct: LoadResult }[], settings: ReturnType<typeof benchSettings>): string {
  const g = medianLoad(rounds.map((r) => r.gateway));
  const d = medianLoad(rounds.map((r) => r.direct));
  const throughputRatio = median(rounds.map((r) => r.gateway.requestsPerSecond / r.direct.requestsPerSecond));
  const p99Ratio = median(rounds.map((r) => r.gateway.p99Ms / r.direct.p99Ms));
  const met = g.p99Ms < 100 && rounds.every((r) => r.gateway.errors === 0);
  const row = (label: string, r: LoadResult) => [label, formatNumber(r.requestsPerSecond), formatMs(r.p50Ms), formatMs(r.p90Ms), formatMs(r.p99Ms), formatMs(r.maxMs), r.errors];
  return section(
    'Gateway: one federated query, through the gateway and straight to the subgraph',
    [
      `Operation \`ShopsWithCustomers\` (\`shops { id name organization { name } customers(first: 20) { id name } }\`) as the owner of`,
      `an organization of ${shops} shops with ${customersPerShop} customers each (seeded through the public mutations), so every`,
      `response carries ${shops} shops and ${shops * 20} customers. Each service runs in its own process from its \`main.ts\` with`,
      '`NODE_ENV=production`; autocannon runs in a third process on the same machine, so load generator, gateway, subgraph and',
      `PostgreSQL share the machine's ${cpus().length} cores. ${settings.connections} connections, ${settings.warmupSeconds} s warm-up then ${settings.durationSeconds} s measured, gateway and`,
      `direct alternating, ${rounds.length} rounds. Errors count socket errors, timeouts, non-2xx and 2xx bodies with GraphQL \`errors\`.`,
    ].join('\n'),
    `**Median of ${rounds.length} rounds**\n\n` +
      markdownTable(['path', 'req/s', 'p50', 'p90', 'p99', 'max', 'errors'], [row('gateway → shops', g), row('shops directly', d)]),
    [
      `- Gateway throughput is **${formatNumber(throughputRatio * 100)} %** of direct (median of per-round ratios); gateway p99 is **${formatNumber(p99Ratio, 2)} ×** direct.`,
      `- Target (gateway p99 < 100 ms at ${settings.connections} connections, zero errors): **${met ? 'met' : 'missed'}** — gateway p99 ${formatMs(g.p99Ms)}, ${rounds.reduce((n, r) => n + r.gateway.errors, 0)} errors in ${formatNumber(rounds.reduce((n, r) => n + r.gateway.requests, 0))} requests.`,
    ].join('\n'),
    '**Every round**\n\n' +
      markdownTable(
        ['round', 'gateway req/s', 'gateway p50', 'gateway p99', 'direct req/s', 'direct p50', 'direct p99', 'req/s ratio', 'errors (gateway / direct)'],
        rounds.map((r, i) => [
          i + 1,
          formatNumber(r.gateway.requestsPerSecond),
          formatMs(r.gateway.p50Ms),
          formatMs(r.gateway.p99Ms),
          formatNumber(r.direct.requestsPerSecond),
          formatMs(r.direct.p50Ms),
          formatMs(r.direct.p99Ms),
          formatNumber(r.gateway.requestsPerSecond / r.direct.requestsPerSecond, 2),
          `${r.gateway.errors} / ${r.direct.errors}`,
        ]),
      ),
  );
}
