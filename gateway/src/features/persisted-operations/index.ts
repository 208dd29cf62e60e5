import type { GatewayFeature } from '../feature';
import { apqCache } from './apq-cache';
import { loadPersistedManifest, type PersistedManifest } from './manifest';
import { isPartnerOperation, notPublished, persistedOperationsPlugin } from './plugin';

export interface PersistedOperationsOptions {
  /** The published operations; default: codegen's manifests under `clients/sdk/src` (first-party and partner). */
  manifest?: PersistedManifest;
  /** How long an automatic persisted query registered by a first-party app is kept in the shared store. Default 7 days. */
  apqTtlSeconds?: number;
}

/**
 * Persisted operations: published operations run by their sha256 hash alone, automatic persisted queries
 * of first-party apps are kept in the shared store (so every replica knows a registered hash), and
 * partners run only the partner manifest's operations (PERSISTED_QUERY_NOT_ALLOWED otherwise).
 */
export function persistedOperationsFeature(options: PersistedOperationsOptions = {}): GatewayFeature {
  return {
    name: 'persisted-operations',
    async setup({ store }) {
      const manifest = options.manifest ?? (await loadPersistedManifest());
      return {
        persistedQueries: { cache: apqCache(store), ttl: options.apqTtlSeconds ?? 7 * 86_400 },
        plugins: [persistedOperationsPlugin(manifest)],
        // Every WebSocket connection authenticated with an API key is a partner's: the same rule as over HTTP.
        admitSubscription: (request, context) => {
          if (context.principal?.kind !== 'partner') return undefined;
          const hash = (request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
          return isPartnerOperation(manifest, request.query, hash) ? undefined : notPublished();
        },
      };
    },
  };
}
