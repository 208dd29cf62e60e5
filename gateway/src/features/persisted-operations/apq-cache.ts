import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { KeyValueStore } from '@cip/platform/core';

/** Automatic persisted queries kept in the shared store (Apollo Server prefixes keys with `apq:`), so a hash registered on one replica is known to all. */
export function apqCache(store: KeyValueStore): KeyValueCache<string> {
  const key = (hash: string) => hash;
  return {
    get: async (hash) => (await store.get(key(hash))) ?? undefined,
    set: (hash, query, options) => store.set(key(hash), query, options?.ttl ?? undefined),
    delete: (hash) => store.delete(key(hash)),
  };
}
