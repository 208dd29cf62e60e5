import { createHash } from 'node:crypto';
import type { GraphQLRequestContext } from '@apollo/server';
import type { KeyValueStore, Principal } from '@cip/platform/core';
import type { GatewayContext } from '../../context';

/** A generation outlives every response cached under it: the longest subgraph hint is far shorter. */
const generationTtlSeconds = 86_400;

/** The organization whose cached responses a principal's mutations start over. */
export function organizationOf(principal: Principal | null): string | null {
  return principal && (principal.kind === 'staff' || principal.kind === 'customer') ? principal.orgId : null;
}

const generationKey = (orgId: string) => `response-cache:generation:${orgId}`;

/** Staff callers with a token of their own: the only responses the gateway keeps or shares. */
export function cacheable(context: GatewayContext): boolean {
  return context.principal?.kind === 'staff' && Boolean(context.forwardAuthorization);
}

/** The client asked to skip caches (`Cache-Control: no-cache`), as a dashboard's refresh button does. */
export function bypassRequested(request: GraphQLRequestContext<GatewayContext>['request']): boolean {
  return /\bno-cache\b|\bno-store\b/i.test(request.http?.headers.get('cache-control') ?? '');
}

/** Who a response may be served to: the access token it was computed for, hashed. */
export function sessionOf(context: GatewayContext): string | null {
  return context.forwardAuthorization ? createHash('sha256').update(context.forwardAuthorization).digest('base64url') : null;
}

/**
 * The organization's current generation, read once per request. Every mutation by a member starts a
 * new one, so nothing kept or shared under an older generation is served again.
 */
export function generations(store: KeyValueStore) {
  const read = new WeakMap<GatewayContext, Promise<{ orgId: string; generation: string } | null>>();
  return {
    of(context: GatewayContext) {
      let generation = read.get(context);
      if (!generation) {
        const orgId = organizationOf(context.principal);
        generation = orgId ? store.get(generationKey(orgId)).then((value) => ({ orgId, generation: value ?? '0' })) : Promise.resolve(null);
        read.set(context, generation);
      }
      return generation;
    },
    async startOver(orgId: string) {
      await store.increment(generationKey(orgId), generationTtlSeconds);
    },
  };
}

export type Generations = ReturnType<typeof generations>;
