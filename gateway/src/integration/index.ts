import { openDatabase } from '@cip/platform';
import type { GatewayDeps, GatewayFeature } from '../server';
import { apiKeyAuthenticator } from '../api-keys/authenticator';
import { consumeApiKeyEvents } from '../api-keys/consumer';
import { ApiKeyRepository } from '../api-keys/repository';
import { defaultComplexityLimits } from '../limits/complexity';
import { deprecationUsagePlugin } from '../limits/deprecations';
import { limitsPlugin } from '../limits/plugin';
import { defaultQuotaPlans } from '../limits/quotas';
import { ApiKeys1764300000000 } from '../migrations/1764300000000-api-keys';
import { apqCache } from '../persisted/apq-cache';
import { loadPersistedManifest } from '../persisted/manifest';
import { persistedOperationsPlugin } from '../persisted/plugin';
import { restRoute } from '../rest/route';
import { studioPlugins } from '../studio';

const apqTtlSeconds = 7 * 86_400;

/**
 * What integrators and partners use: partner API keys, persisted operations (APQ in the shared store;
 * only the partner manifest for keys), quotas and complexity limits, deprecation usage and Studio reporting.
 * Its state lives in the gateway's own schema `gateway`.
 */
export async function integrationFeature(deps: GatewayDeps): Promise<GatewayFeature> {
  const { dataSource } = await openDatabase({
    url: deps.databaseUrl,
    schema: 'gateway',
    entities: [],
    migrations: [ApiKeys1764300000000],
    poolMax: 5,
    applicationName: 'gateway',
  });
  const keys = new ApiKeyRepository(dataSource.manager);
  const keyEvents = await consumeApiKeyEvents(deps.bus, dataSource, deps.logger);
  const manifest = await loadPersistedManifest();
  return {
    options: {
      authenticators: [apiKeyAuthenticator(keys, deps.signer)],
      routes: [restRoute()],
      persistedQueries: { cache: apqCache(deps.store), ttl: apqTtlSeconds },
      plugins: [
        persistedOperationsPlugin(manifest),
        limitsPlugin({ store: deps.store, plans: defaultQuotaPlans, complexity: defaultComplexityLimits }),
        deprecationUsagePlugin(deps.store),
        ...studioPlugins(deps.config),
      ],
    },
    async close() {
      await keyEvents.close();
      await dataSource.destroy();
    },
  };
}
