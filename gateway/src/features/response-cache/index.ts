import { flagDefinition, type FlagDefinition } from '@cip/platform/core';
import type { GatewayFeature } from '../feature';
import { responseCachePlugins } from './response-cache';

export interface ResponseCacheOptions {
  /** Bytes of responses kept in this process when the shared store is in memory (no Redis). Default 64 MiB. */
  inMemoryBytes?: number;
}

const maxTtl = flagDefinition('gateway.response-cache-max-ttl-seconds') as FlagDefinition<number>;

/**
 * Whole-response caching of staff reads in the shared store, per access token and per generation of the
 * caller's organization (any mutation starts it over), and coalescing of identical reads that miss
 * together; see response-cache.ts. The dynamic setting `gateway.response-cache-max-ttl-seconds` caps how long an
 * entry is kept, read each time one is written.
 */
export function responseCacheFeature(options: ResponseCacheOptions = {}): GatewayFeature {
  return {
    name: 'response-cache',
    setup: ({ store, flags }) => ({ plugins: responseCachePlugins(store, options.inMemoryBytes ?? 64 * 1024 * 1024, () => flags.value(maxTtl)) }),
  };
}
