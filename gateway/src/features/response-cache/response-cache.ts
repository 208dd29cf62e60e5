import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { KeyValueStore } from '@cip/platform/core';
import type { GatewayContext } from '../../context';
import { coalesceIdenticalReads } from './coalesce';
import { bypassRequested, cacheable, generations, organizationOf, sessionOf } from './keys';

/** Whole responses in the shared store when it is Redis (so replicas share them), else in a bounded LRU of this process. */
function responsesIn(store: KeyValueStore, inMemoryBytes: number): KeyValueCache<string> {
  if (store.kind === 'memory') return new InMemoryLRUCache<string>({ maxSize: inMemoryBytes });
  return {
    get: async (key) => (await store.get(`response-cache:${key}`)) ?? undefined,
    set: (key, value, options) => store.set(`response-cache:${key}`, value, options?.ttl ?? undefined),
    delete: (key) => store.delete(`response-cache:${key}`),
  };
}

/** Keeps no entry longer than `maxTtlSeconds()` says at the time it is written (0: keeps none). */
function capped(cache: KeyValueCache<string>, maxTtlSeconds: () => number): KeyValueCache<string> {
  return {
    get: (key) => cache.get(key),
    delete: (key) => cache.delete(key),
    async set(key, value, options) {
      const ttl = Math.min(options?.ttl ?? Infinity, maxTtlSeconds());
      if (ttl > 0) await cache.set(key, value, { ...options, ttl });
    },
  };
}

/**
 * Caches whole query responses of staff users whose every subgraph fetch allowed it (each subgraph's
 * `Cache-Control` header narrows the response's policy; a subgraph that sends none makes it uncacheable).
 * Entries are per access token, so a response is only ever served to the principal and roles it was
 * computed for, and per generation of the caller's organization: any mutation by a member (or a customer)
 * of the organization starts a new generation before its response is sent, so the next read sees the write.
 * Identical reads missing the cache at the same moment run once (coalesce.ts). No entry is kept longer than
 * `maxTtlSeconds()` at the time it is written, whatever the subgraphs allow.
 */
export function responseCachePlugins(store: KeyValueStore, inMemoryBytes: number, maxTtlSeconds: () => number): ApolloServerPlugin<GatewayContext>[] {
  const generation = generations(store);
  return [
    responseCachePlugin<GatewayContext>({
      cache: capped(responsesIn(store, inMemoryBytes), maxTtlSeconds),
      sessionId: async ({ contextValue }) => sessionOf(contextValue),
      extraCacheKeyData: ({ contextValue }) => generation.of(contextValue),
      shouldReadFromCache: async ({ contextValue, request }) => cacheable(contextValue) && !bypassRequested(request),
      shouldWriteToCache: async ({ contextValue }) => cacheable(contextValue),
    }),
    coalesceIdenticalReads(generation, maxTtlSeconds),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ operation, contextValue }) {
            const orgId = organizationOf(contextValue.principal);
            if (operation?.operation === 'mutation' && orgId) await generation.startOver(orgId);
          },
        };
      },
    },
  ];
}
