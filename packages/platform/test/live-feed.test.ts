import pg from 'pg';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventBus } from '../src/events/bus';
import { buildEvent, type CatalogEvent } from '../src/events/catalog';
import { liveFeed } from '../src/events/live-feed';
import { createPostgresBus } from '../src/events/postgres-bus';
import { createRedisBus } from '../src/events/redis-bus';
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

/** What the bus holds on the server for this test: its connections and its consumer groups (positions). */
interface BusFootprint {
  connections(): Promise<number>;
  groups(): Promise<number>;
}

interface BusUnderTest {
  bus: EventBus;
  footprint: BusFootprint;
  close(): Promise<void>;
}

async function postgresBus(): Promise<BusUnderTest> {
  const bus = await createPostgresBus(database.url, { logger, pollMs: 100 });
  const count = async (sql: string) => (await admin.query<{ n: number }>(sql)).rows[0]!.n;
  return {
    bus,
    footprint: {
      connections: () => count(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'event-bus%'`),
      groups: () => count(`SELECT count(*)::int AS n FROM bus.positions`),
    },
    close: () => bus.close(),
  };
}

async function redisBus(): Promise<BusUnderTest> {
  const namespace = `live${Date.now()}${Math.random().toString(36).slice(2, 8)}`;
  const bus = await createRedisBus(process.env.REDIS_URL!, { logger, namespace });
  const server = createClient({ url: process.env.REDIS_URL });
  await server.connect();
  return {
    bus,
    footprint: {
      connections: async () => (await server.clientList()).filter((client) => client.name.includes(`:${namespace}`)).length,
      groups: async () => (await server.exists(`${namespace}:events`)) ? ((await server.xInfoGroups(`${namespace}:events`)) as unknown[]).length : 0,
    },
    async close() {
      await bus.close();
      await server.del(`${namespace}:events`);
      await server.close();
    },
  };
}

const buses: [string, () => Promise<BusUnderTest>][] = [['postgres', postgresBus], ...(process.env.REDIS_URL ? [['redis', redisBus] as [string, () => Promise<BusUnderTest>]] : [])];

const shops = Array.from({ length: 50 }, (_, i) => `shop-${i}`);
type Event = CatalogEvent<'customer.created'>;
const customer = (shopId: string, n: number) => buildEvent('customer.created', { orgId: 'o', shopId, subjectId: `${shopId}/${n}`, data: { smsConsent: false, emailConsent: false } });

async function drain(iterator: AsyncIterableIterator<Event>, count: number): Promise<string[]> {
  const ids: string[] = [];
  while (ids.length < count) ids.push((await iterator.next()).value.subject.id);
  return ids;
}

describe.each(buses)('a live feed on the %s bus', (_kind, open) => {
  it('holds 1,000 subscribers across 50 shops with the bus connections and consumer groups it holds for one, each getting every event of its shop in order', async () => {
    const { bus, footprint, close } = await open();
    const feed = liveFeed(bus, 'test', { types: ['customer.created'], logger });
    const groupsBefore = await footprint.groups();

    const first = await feed.subscribe((event) => event.shopId === shops[0]);
    await bus.publish([customer(shops[0], 0)]);
    expect(await drain(first, 1)).toEqual([`${shops[0]}/0`]);
    const withOne = { loops: bus.consumers, connections: await footprint.connections(), groups: (await footprint.groups()) - groupsBefore };

    const shopOf = (i: number) => shops[i % shops.length];
    const rest = await Promise.all(Array.from({ length: 999 }, (_, i) => feed.subscribe((event) => event.shopId === shopOf(i + 1))));
    expect(feed.subscribers).toBe(1_000);
    const perShop = 4;
    const published = shops.flatMap((shop) => Array.from({ length: perShop }, (_, n) => customer(shop, n + 1)));
    // Shops interleaved, so order per shop is not simply publish order of one shop's run.
    published.sort((a, b) => Number(a.subject.id.split('/')[1]) - Number(b.subject.id.split('/')[1]));
    for (let at = 0; at < published.length; at += 25) await bus.publish(published.slice(at, at + 25));

    const expected = (shop: string) => Array.from({ length: perShop }, (_, n) => `${shop}/${n + 1}`);
    expect(await drain(first, perShop)).toEqual(expected(shops[0]));
    const received = await Promise.all(rest.map((iterator) => drain(iterator, perShop)));
    received.forEach((ids, i) => expect(ids).toEqual(expected(shopOf(i + 1))));
    const withThousand = { loops: bus.consumers, connections: await footprint.connections(), groups: (await footprint.groups()) - groupsBefore };

    expect(withOne).toMatchObject({ loops: 1, groups: 1 });
    expect(withThousand).toEqual(withOne);

    await Promise.all(rest.slice(0, 500).map((iterator) => iterator.return!()));
    expect(feed.subscribers).toBe(500);
    await feed.close();
    expect(feed.subscribers).toBe(0);
    expect(bus.consumers).toBe(0);
    expect((await footprint.groups()) - groupsBefore).toBe(0);
    await close();
  });

  it('ends a subscriber that falls behind its buffer with SUBSCRIPTION_LAGGING, while the others get every event', async () => {
    const { bus, close } = await open();
    const feed = liveFeed(bus, 'test', { types: ['customer.created'], logger, bufferLimit: 3 });
    const stalled = await feed.subscribe(() => true);
    const reading = await feed.subscribe(() => true);
    const events = Array.from({ length: 5 }, (_, n) => customer(shops[0], n));
    const got: string[] = [];
    for (const event of events) {
      await bus.publish([event]);
      got.push(...(await drain(reading, 1)));
    }
    expect(got).toEqual(events.map((event) => event.subject.id));
    expect(feed.subscribers).toBe(1);
    await expect(stalled.next()).rejects.toMatchObject({ extensions: { code: 'SUBSCRIPTION_LAGGING' } });
    expect(await stalled.next()).toEqual({ value: undefined, done: true });
    await feed.close();
    await close();
  });
});
