import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, startPostgres, startRedis, type ChaosPostgres, type ChaosRedis } from './support/servers';
import { readiness, startPlatform, type Platform } from './support/services';
import { signUp } from '../subgraphs/shops/test/seed';

let postgres: ChaosPostgres;
let redis: ChaosRedis;
let platform: Platform;
let owner: { token: string; shopId: string };

async function graphql<T = any>(document: string, variables: Record<string, unknown>, token?: string): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  return response.json() as never;
}

const createCustomer = (n: number) =>
  graphql(`mutation($shopId: ID!, $input: CustomerInput!) { createCustomer(shopId: $shopId, input: $input) { id } }`, { shopId: owner.shopId, input: { firstName: `Chaos ${n}`, smsConsent: n % 2 === 0 } }, owner.token);

const exits = () => platform.services.filter((service) => service.exit).map((service) => `${service.name} ${JSON.stringify(service.exit)}`);

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  platform = await startPlatform({ databaseUrl: postgres.url, redisUrl: redis.url });
  // The shops seed signs up through the e-mailed confirmation link, read where the platform records it.
  const org = await signUp({ database: { url: postgres.url }, execute: (document, variables = {}, options = {}) => graphql(document, variables, options.token) }, 'Chaos Motors');
  owner = { token: org.ownerToken, shopId: org.shopId };
});

afterAll(async () => {
  await platform?.stop();
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

describe('a PostgreSQL restart', () => {
  it('ends no process, and every pool and LISTEN is back within 2 s of the database returning', async () => {
    await postgres.restart();
    const returnedAt = Date.now();
    const listening = async () =>
      (await query<{ name: string }>(postgres.url, `SELECT DISTINCT application_name AS name FROM pg_stat_activity WHERE query LIKE 'LISTEN%'`)).map((row) => row.name);
    let recoveredAt: number | null = null;
    while (Date.now() - returnedAt < 10_000) {
      const states = await Promise.all(platform.services.map(readiness));
      const listeners = await listening();
      // Each outbox relay LISTENs on a connection of its own, named after its schema.
      const subgraphsListening = ['shops', 'inspections', 'vehicles', 'partners', 'analytics'].every((name) => listeners.includes(`${name}-outbox-listener`));
      if (states.every((state) => state?.status === 200 && state.body.status === 'ready') && subgraphsListening) {
        recoveredAt = Date.now();
        break;
      }
      await sleep(100);
    }
    expect(exits()).toEqual([]);
    expect(recoveredAt, 'every service ready and every outbox listening again').not.toBeNull();
    expect(recoveredAt! - returnedAt).toBeLessThanOrEqual(2_000);
    expect((await createCustomer(0)).errors).toBeUndefined();
  });
});

describe('a Redis restart without persistence', () => {
  it('loses no event: each is consumed exactly once, in order, within 10 s, and no process ends', async () => {
    for (let n = 1; n <= 10; n++) expect((await createCustomer(n)).errors).toBeUndefined();
    await redis.restart();
    for (let n = 11; n <= 20; n++) expect((await createCustomer(n)).errors).toBeUndefined();
    const restartedAt = Date.now();

    const emitted = await query<{ id: string }>(postgres.url, `SELECT id FROM shops.outbox WHERE type = 'customer.created' ORDER BY seq`);
    expect(emitted).toHaveLength(21);
    const consumed = () =>
      query<{ event_id: string }>(postgres.url, `SELECT event_id FROM analytics.processed_events WHERE consumer = 'analytics' AND event_id = ANY($1::uuid[]) ORDER BY processed_at, event_id`, [emitted.map((e) => e.id)]);
    while (Date.now() - restartedAt < 10_000 && (await consumed()).length < emitted.length) await sleep(200);
    const facts = await query<{ event_id: string; n: number }>(postgres.url, `SELECT event_id, count(*)::int AS n FROM analytics.fact_event WHERE event_id = ANY($1::uuid[]) GROUP BY event_id`, [emitted.map((e) => e.id)]);

    expect(exits()).toEqual([]);
    expect((await consumed()).map((row) => row.event_id)).toEqual(emitted.map((row) => row.id));
    expect(facts.filter((fact) => fact.n === 1)).toHaveLength(emitted.length);
    expect(Date.now() - restartedAt).toBeLessThan(10_000);
  });
});
