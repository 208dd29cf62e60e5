import { describe, expect, it } from 'vitest';
import { createAttemptThrottle, type ThrottleKey } from '../src/auth/throttle';
import { createMemoryStore, createRedisStore, type KeyValueStore } from '../src/cache/store';
import { createLogger } from '../src/logger';

const rule = { free: 2, baseDelaySeconds: 1, maxDelaySeconds: 60, windowSeconds: 600, resetOnSuccess: true };
const codeOf = (error: unknown) => (error as { extensions?: { code?: string } }).extensions?.code;

/** The real store, with one attempt's count held back until the test lets it go: the interleaving a busy server produces. */
function withHeldIncrement(store: KeyValueStore) {
  let hold: Promise<void> | null = null;
  let release = () => {};
  const held: KeyValueStore = {
    ...store,
    async increment(key, ttl, by) {
      if (hold && key.endsWith(':failures') && by === undefined) {
        const waiting = hold;
        hold = null;
        await waiting;
      }
      return store.increment(key, ttl, by);
    },
  };
  return {
    store: held,
    holdNextCount: () => {
      hold = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

const stores: [string, () => KeyValueStore][] = [
  ['memory', createMemoryStore],
  ...(process.env.REDIS_URL
    ? ([['Redis', () => createRedisStore(process.env.REDIS_URL!, `t${Math.random().toString(36).slice(2, 10)}`, { logger: createLogger('silent') })]] as [string, () => KeyValueStore][])
    : []),
];

describe.each(stores)('the attempt throttle on %s', (_, createStore) => {
  it('admits one attempt per opened delay even when another failure lands between its check and its count', async () => {
    let now = 1_000_000;
    const real = createStore();
    const { store, holdNextCount, release } = withHeldIncrement(real);
    const throttle = createAttemptThrottle(store, () => now);
    const keys: ThrottleKey[] = [{ scope: 'test', identity: `who-${Math.random()}`, rule }];
    for (let i = 0; i < rule.free; i++) await (await throttle.begin(keys)).failed();
    now += 1_001;

    const first = await throttle.begin(keys);
    holdNextCount();
    const second = throttle.begin(keys).then(
      () => 'judged',
      (error) => codeOf(error),
    );
    await first.failed();
    release();

    expect(await second).toBe('RATE_LIMITED');
    expect(await throttle.retryAfter(keys)).toBe(2);
    await real.close();
  });

  it('judges the next attempt once the delay has passed, and forgets the failures on success', async () => {
    let now = 5_000_000;
    const real = createStore();
    const throttle = createAttemptThrottle(real, () => now);
    const keys: ThrottleKey[] = [{ scope: 'test', identity: `who-${Math.random()}`, rule }];
    for (let i = 0; i < rule.free; i++) await (await throttle.begin(keys)).failed();
    await expect(throttle.begin(keys)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfter: 1 } });
    now += 1_001;
    await (await throttle.begin(keys)).succeeded();
    expect(await throttle.retryAfter(keys)).toBe(0);
    await real.close();
  });
});
