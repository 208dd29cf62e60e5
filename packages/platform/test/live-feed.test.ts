import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../src/events/catalog';
import { liveFeed } from '../src/events/live-feed';
import { createPostgresBus } from '../src/events/postgres-bus';
import { createLogger } from '../src/logger';
import { createTestDatabase, type TestDatabase } from '../src/testing/database';

const logger = createLogger('silent');
let database: TestDatabase;
let admin: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase('live_feed');
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
  await database.drop();
});

const customer = (n: number) => buildEvent('customer.created', { orgId: 'o', shopId: 's', subjectId: String(n), data: { smsConsent: false, emailConsent: false } });

/** Connections the bus holds to this test's database, as the server counts them. */
async function busConnections(): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'event-bus%'`,
  );
  return rows[0]!.n;
}

async function drain(iterator: AsyncIterableIterator<{ subject: { id: string } }>, count: number): Promise<string[]> {
  const ids: string[] = [];
  while (ids.length < count) ids.push((await iterator.next()).value.subject.id);
  return ids;
}

describe('a live feed on the PostgreSQL bus', () => {
  it('holds 1,000 subscribers with the bus connections and the one polling loop it holds for one', async () => {
    const bus = await createPostgresBus(database.url, { logger, pollMs: 100 });
    const feed = liveFeed(bus, 'test', { types: ['customer.created'], logger });

    const first = await feed.subscribe(() => true);
    await bus.publish([customer(0)]);
    expect(await drain(first, 1)).toEqual(['0']);
    const withOne = { loops: bus.consumers, connections: await busConnections() };

    const rest = await Promise.all(Array.from({ length: 999 }, (_, i) => feed.subscribe((event) => i % 2 === 0 || event.subject.id !== '3')));
    expect(feed.subscribers).toBe(1_000);
    for (let n = 1; n <= 5; n++) await bus.publish([customer(n)]);
    expect(await drain(first, 5)).toEqual(['1', '2', '3', '4', '5']);
    const received = await Promise.all(rest.map((iterator, i) => drain(iterator, i % 2 === 0 ? 5 : 4)));
    received.forEach((ids, i) => expect(ids).toEqual(i % 2 === 0 ? ['1', '2', '3', '4', '5'] : ['1', '2', '4', '5']));
    const withThousand = { loops: bus.consumers, connections: await busConnections() };

    expect(withOne.loops).toBe(1);
    expect(withThousand.loops).toBe(withOne.loops);
    // The pool's bound (4) and the LISTEN connection, whatever the number of subscribers.
    expect(withThousand.connections).toBeLessThanOrEqual(5);
    expect(withOne.connections).toBeLessThanOrEqual(5);

    await Promise.all(rest.slice(0, 500).map((iterator) => iterator.return!()));
    expect(feed.subscribers).toBe(500);
    await feed.close();
    expect(feed.subscribers).toBe(0);
    expect(bus.consumers).toBe(0);
    await bus.close();
  });
});
