import { randomUUID } from 'node:crypto';
import { buildSchema, graphql } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore, enforceFieldRateLimit, type KeyValueStore, type Principal } from '@cip/platform';
import { testConfig } from '@cip/platform/testing';

const schema = buildSchema(`type Mutation { "Sends." send(id: ID!): Boolean } type Query { "Ok." ok: Boolean }`);
const config = testConfig('gateway');
const stores: KeyValueStore[] = [];
afterAll(() => Promise.all(stores.map((s) => s.close())));

/** One replica's resolver for a costly mutation, limited to 3 calls a minute per caller. */
function replica(store: KeyValueStore) {
  return (principal: Principal | null, id = 'x') =>
    graphql({
      schema,
      source: `mutation($id: ID!) { send(id: $id) }`,
      variableValues: { id },
      contextValue: { principal },
      rootValue: {
        send: async (args: { id: string }, context: { principal: Principal | null }, info: never) => {
          await enforceFieldRateLimit(store, { args, context, info }, { max: 3, window: '1m' });
          return true;
        },
      },
    });
}

const staff = (): Principal => ({ kind: 'staff', userId: randomUUID(), orgId: randomUUID(), roles: {}, expiresAt: Date.now() + 60_000 });

describe('per-field rate limits', () => {
  it('refuses the call over the limit with RATE_LIMITED and retryAfter, per caller', async () => {
    const store = createStore(config);
    stores.push(store);
    const send = replica(store);
    const caller = staff();
    const results = [await send(caller), await send(caller), await send(caller), await send(caller)];
    expect(results.slice(0, 3).map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(results[3]!.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 60, limit: 3 });
    expect((await send(staff())).errors).toBeUndefined();
  });

  // The oracle is a second, independent connection to Redis: what one replica counted, the other refuses.
  it.runIf(Boolean(config.redisUrl))('counts across replicas with their own connections to the shared store', async () => {
    const [first, second] = [createStore(config), createStore(config)];
    stores.push(first, second);
    expect([first.kind, second.kind]).toEqual(['redis', 'redis']);
    const [a, b] = [replica(first), replica(second)];
    const caller = staff();
    const results = [await a(caller), await b(caller), await a(caller), await b(caller)];
    expect(results.slice(0, 3).map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(results[3]!.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 60, limit: 3 });
  });
});
