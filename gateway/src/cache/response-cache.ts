import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { KeyValueStore, Principal } from '@cip/platform';
import type { GatewayContext } from '../context';

/** A generation outlives every response cached under it: the longest subgraph hint is far shorter. */
const generationTtlSeconds = 86_400;
const inMemoryBytes = 64 * 1024 * 1024;

/** The organization whose cached responses a principal's mutations start over. */
function organizationOf(principal: Principal | null): string | null {
  return principal && principal.kind !== 'partner' ? principal.orgId : null;
}

const generationKey = (orgId: string) => `response-cache:generation:${orgId}`;

/** Whole responses in the shared store when it is Redis (so replicas share them), else in a bounded LRU of this process. */
function responsesIn(store: KeyValueStore): KeyValueCache<string> {
  if (store.kind === 'memory') return new InMemoryLRUCache<string>({ maxSize: inMemoryBytes });
  return {
    get: async (key) => (await store.get(`response-cache:${key}`)) ?? undefined,
    set: (key, value, options) => store.set(`response-cache:${key}`, value, options?.ttl ?? undefined),
    delete: (key) => store.delete(`response-cache:${key}`),
  };
}

/** The client asked to skip caches (`Cache-Control: no-cache`), as a dashboard's refresh button does. */
function bypassRequested(request: GraphQLRequestContext<GatewayContext>['request']): boolean {
  return /\bno-cache\b|\bno-store\b/i.test(request.http?.headers.get('cache-control') ?? '');
}

/**
 * Caches whole query responses of staff users whose every subgraph fetch allowed it (each subgraph's
 * `Cache-Control` header narrows the response's policy; a subgraph that sends none makes it uncacheable).
 * Entries are per access token, so a response is only ever served to the principal and roles it was
 * computed for, and per generation of the caller's organization: any mutation by a member (or a customer)
 * of the organization starts a new generation before its response is sent, so the next read sees the write.
 */
export function responseCachePlugins(store: KeyValueStore): ApolloServerPlugin<GatewayContext>[] {
  const cacheable = (context: GatewayContext) => context.principal?.kind === 'staff' && Boolean(context.forwardAuthorization);
  return [
    responseCachePlugin<GatewayContext>({
      cache: responsesIn(store),
      sessionId: async ({ contextValue }) =>
        contextValue.forwardAuthorization ? createHash('sha256').update(contextValue.forwardAuthorization).digest('base64url') : null,
      extraCacheKeyData: async ({ contextValue }) => {
        const orgId = organizationOf(contextValue.principal);
        return orgId ? { orgId, generation: (await store.get(generationKey(orgId))) ?? '0' } : null;
      },
      shouldReadFromCache: async ({ contextValue, request }) => cacheable(contextValue) && !bypassRequested(request),
      shouldWriteToCache: async ({ contextValue }) => cacheable(contextValue),
    }),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ operation, contextValue }) {
            const orgId = organizationOf(contextValue.principal);
            if (operation?.operation === 'mutation' && orgId) await store.increment(generationKey(orgId), generationTtlSeconds);
          },
        };
      },
    },
  ];
}
