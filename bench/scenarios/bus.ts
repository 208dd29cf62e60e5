import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { buildEvent, createLogger, createPostgresBus } from '@cip/platform';
import { formatNumber, markdownTable, section } from '../support/markdown';
import { startServices } from '../support/services';

const events = Number(process.env.BENCH_BUS_EVENTS ?? 400);
const gapMs = 50;
const idleSeconds = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What one published event costs PostgreSQL on the default bus, all six services running with every consumer
 * group they open: transactions and rows read across the database per event, beyond what the groups' polls
 * cost when nothing is published. The event (`customer.created`) is one that few groups take, as most are
 * for most groups.
 */
export async function run(): Promise<string> {
  const redisUrl = process.env.REDIS_URL;
  delete process.env.REDIS_URL;
  const services = await startServices();
  const stats = new pg.Client({ connectionString: services.database.url });
  await stats.connect();
  const bus = await createPostgresBus(services.database.url, { logger: createLogger('error', { service: 'bench' }) });
  try {
    const read = async () => {
      await stats.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await stats.query<{ transactions: string; tuples: string }>(
        `SELECT xact_commit + xact_rollback AS transactions, tup_returned + tup_fetched AS tuples FROM pg_stat_database WHERE datname = current_database()`,
      );
      return { transactions: Number(rows[0]!.transactions), tuples: Number(rows[0]!.tuples) };
    };
    const groups = async () => Number((await stats.query<{ n: string }>('SELECT count(*) AS n FROM bus.positions')).rows[0]!.n);
    // PostgreSQL publishes a backend's counters at most once a second: every reading waits past that.
    await sleep(8_000);
    const idleStart = await read();
    await sleep(idleSeconds * 1_000);
    const idleEnd = await read();
    const idlePerSecond = (idleEnd.transactions - idleStart.transactions) / idleSeconds;
    const idleTuplesPerSecond = (idleEnd.tuples - idleStart.tuples) / idleSeconds;

    const orgId = randomUUID();
    const started = Date.now();
    for (let i = 0; i < events; i++) {
      await bus.publish([buildEvent('customer.created', { orgId, shopId: randomUUID(), subjectId: randomUUID(), data: { smsConsent: false, emailConsent: false } })]);
      await sleep(gapMs);
    }
    await sleep(3_000);
    const end = await read();
    const seconds = (Date.now() - started) / 1_000;
    const perEvent = (end.transactions - idleEnd.transactions - idlePerSecond * seconds) / events;
    const tuplesPerEvent = (end.tuples - idleEnd.tuples - idleTuplesPerSecond * seconds) / events;

    return section(
      'Bus: what a published event costs PostgreSQL',
      `${formatNumber(events)} \`customer.created\` events published one at a time ${gapMs} ms apart on the PostgreSQL bus, the gateway and the five subgraphs each in a process of their own with every consumer group they open (${await groups()} groups in \`bus.positions\`). Figures are the database's own counters (\`pg_stat_database\`), less what the groups' polls cost over the same time with nothing published (measured for ${idleSeconds} s first). A publish itself is one transaction.`,
      markdownTable(
        ['what', 'transactions', 'rows read'],
        [
          ['per published event', formatNumber(perEvent, 1), formatNumber(tuplesPerEvent)],
          ['per second with nothing published (polls)', formatNumber(idlePerSecond, 1), formatNumber(idleTuplesPerSecond)],
        ],
      ),
    );
  } finally {
    await bus.close();
    await stats.end();
    await services.close();
    if (redisUrl !== undefined) process.env.REDIS_URL = redisUrl;
  }
}
