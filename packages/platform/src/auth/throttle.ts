import { createHash } from 'node:crypto';
import type { KeyValueStore } from '../cache/store';
import { appError, ErrorCode } from '../errors';

/**
 * How failures of one kind slow the next attempt (OWASP Authentication Cheat Sheet, "login throttling"):
 * the first `free` failures cost nothing, then each attempt waits `baseDelaySeconds`, doubling per
 * failure up to `maxDelaySeconds`. Nothing is ever locked for good: once the delay passes, one attempt
 * is judged again.
 */
export interface ThrottleRule {
  free: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** Failures are forgotten this long after the first of them. */
  windowSeconds: number;
  /** Whether a success forgets the failures (true for an account at one address; false for an address spraying many accounts). */
  resetOnSuccess: boolean;
}

/** One counter: what is throttled (e.g. `login:account`) and whose (an e-mail, an address); the identity is stored hashed. */
export interface ThrottleKey {
  scope: string;
  identity: string;
  rule: ThrottleRule;
}

/** An attempt admitted by the throttle; report how it ended. */
export interface ThrottledAttempt {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
}

export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxDelaySeconds, rule.baseDelaySeconds * 2 ** (failures - rule.free));
}

const rateLimited = (retryAfter: number) =>
  appError(ErrorCode.RATE_LIMITED, `Too many attempts; try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`, { retryAfter });

/**
 * Counters shared through the store (Redis when configured), so every replica sees the same delays.
 * Each attempt is counted as a failure before it is judged and taken back if it succeeds, and after the
 * free ones only the first attempt through an opened delay is judged: a burst of parallel requests
 * gets no more guesses than a patient attacker.
 */
export function createAttemptThrottle(store: KeyValueStore, clock: () => number = Date.now) {
  const base = (key: ThrottleKey) => `throttle:${key.scope}:${createHash('sha256').update(key.identity).digest('base64url').slice(0, 22)}`;
  const failuresKey = (key: ThrottleKey) => `${base(key)}:failures`;
  const untilKey = (key: ThrottleKey) => `${base(key)}:until`;

  async function delays(keys: ThrottleKey[]): Promise<{ wait: number; untils: string[] }> {
    const now = clock();
    const untils = await Promise.all(keys.map(async (key) => (await store.get(untilKey(key))) ?? '0'));
    const latest = Math.max(0, ...untils.map(Number));
    return { wait: latest > now ? Math.ceil((latest - now) / 1000) : 0, untils };
  }

  return {
    /** Seconds until `keys` admit another attempt (0: now). */
    retryAfter: async (keys: ThrottleKey[]) => (await delays(keys)).wait,

    /** Admits one attempt or throws RATE_LIMITED with `retryAfter` in seconds. */
    async begin(keys: ThrottleKey[]): Promise<ThrottledAttempt> {
      const { wait, untils } = await delays(keys);
      if (wait > 0) throw rateLimited(wait);
      const counts = await Promise.all(keys.map((key) => store.increment(failuresKey(key), key.rule.windowSeconds)));
      // The gate is named by the delay this attempt saw expire, not one read again later: a failure
      // finishing in between opens a new delay, and re-reading it would hand a second gate to the burst.
      const gates = await Promise.all(
        keys.map(async (key, index) => {
          if (counts[index] <= key.rule.free) return true;
          return (await store.increment(`${base(key)}:gate:${untils[index]}`, key.rule.windowSeconds)) === 1;
        }),
      );
      if (!gates.every(Boolean)) {
        await Promise.all(keys.map((key) => store.increment(failuresKey(key), key.rule.windowSeconds, -1)));
        throw rateLimited(1);
      }
      return {
        async failed() {
          await Promise.all(
            keys.map(async (key, index) => {
              const delay = delayAfter(key.rule, counts[index]);
              if (delay > 0) await store.set(untilKey(key), String(clock() + delay * 1000), delay + 1);
            }),
          );
        },
        async succeeded() {
          await Promise.all(
            keys.map(async (key) => {
              if (!key.rule.resetOnSuccess) return store.increment(failuresKey(key), key.rule.windowSeconds, -1).then(() => undefined);
              await store.delete(failuresKey(key));
              await store.delete(untilKey(key));
            }),
          );
        },
      };
    },
  };
}

export type AttemptThrottle = ReturnType<typeof createAttemptThrottle>;

/**
 * A plain budget: at most `max` calls per `windowSeconds` for one identity (sign-ups per recipient,
 * invitations per address), beyond which the call fails with RATE_LIMITED.
 */
export async function enforceQuota(store: KeyValueStore, key: { scope: string; identity: string }, max: number, windowSeconds: number): Promise<void> {
  const used = await store.increment(`quota:${key.scope}:${createHash('sha256').update(key.identity).digest('base64url').slice(0, 22)}`, windowSeconds);
  if (used > max) throw rateLimited(windowSeconds);
}
