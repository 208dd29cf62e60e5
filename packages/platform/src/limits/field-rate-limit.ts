import type { GraphQLResolveInfo } from 'graphql';
import { getGraphQLRateLimiter, type Identity, type Store } from 'graphql-rate-limit';
import type { KeyValueStore } from '../cache/store';
import { appError, ErrorCode } from '../errors';
import type { Principal } from '../auth/principal';

/** How often one caller may resolve a field: `max` times per `window` ("30s", "15m", "1h"), per the named arguments' values. */
export interface FieldRateLimit {
  max: number;
  window: string;
  /** Arguments that narrow the identity (e.g. `email` for login), so one account's attempts are counted together. */
  identityArgs?: string[];
}

/** graphql-rate-limit's timestamp lists kept in the shared store (Redis when configured), so limits hold across replicas. */
class KeyValueRateLimitStore implements Store {
  constructor(private readonly store: KeyValueStore) {}

  private key(identity: Identity) {
    return `field-rate:${identity.contextIdentity}:${identity.fieldIdentity}`;
  }

  async setForIdentity(identity: Identity, timestamps: readonly number[], windowMs?: number) {
    await this.store.set(this.key(identity), JSON.stringify(timestamps), Math.max(1, Math.ceil((windowMs ?? 3_600_000) / 1000)));
  }

  async getForIdentity(identity: Identity): Promise<readonly number[]> {
    const value = await this.store.get(this.key(identity));
    return value ? (JSON.parse(value) as number[]) : [];
  }
}

const windowSeconds = (window: string) => {
  const match = /^(\d+)\s*(ms|s|m|h|d)$/.exec(window.trim());
  if (!match) throw new Error(`A rate-limit window looks like "30s", "15m" or "1h", not "${window}".`);
  const units = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400 } as const;
  return Math.ceil(Number(match[1]) * units[match[2] as keyof typeof units]);
};

const callerOf = (principal: Principal | null | undefined) => {
  switch (principal?.kind) {
    case 'staff':
      return `user:${principal.userId}`;
    case 'customer':
      return `link:${principal.inspectionId}`;
    case 'partner':
      return `key:${principal.keyId}`;
    default:
      return 'anonymous';
  }
};

const limiters = new WeakMap<KeyValueStore, ReturnType<typeof getGraphQLRateLimiter>>();

/**
 * Counts one call of a costly field (login, VIN decoding, sending a report) for the caller and throws
 * RATE_LIMITED, with `retryAfter` in seconds, once the caller is over the limit. Call it first in the resolver.
 */
export async function enforceFieldRateLimit(
  store: KeyValueStore,
  call: { args: Record<string, unknown>; context: { principal?: Principal | null }; info: GraphQLResolveInfo },
  limit: FieldRateLimit,
): Promise<void> {
  let limiter = limiters.get(store);
  if (!limiter) {
    limiter = getGraphQLRateLimiter({
      store: new KeyValueRateLimitStore(store),
      identifyContext: (context: { principal?: Principal | null }) => callerOf(context.principal),
    });
    limiters.set(store, limiter);
  }
  const message = await limiter(
    { parent: undefined, args: call.args, context: call.context, info: call.info },
    { max: limit.max, window: limit.window, identityArgs: limit.identityArgs ?? [], message: `Too many ${call.info.fieldName} calls; try again later.` },
  );
  if (message) {
    const retryAfter = windowSeconds(limit.window);
    throw appError(ErrorCode.RATE_LIMITED, message, { retryAfter, limit: limit.max, window: limit.window });
  }
}
