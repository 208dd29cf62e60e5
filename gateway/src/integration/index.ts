import { openDatabase, type EventEnvelope } from '@cip/platform';
import type { GatewayDeps, GatewayFeature } from '../server';
import { apiKeyAuthenticator } from '../api-keys/authenticator';
import { consumeApiKeyEvents } from '../api-keys/consumer';
import { ApiKeyRepository } from '../api-keys/repository';
import { defaultComplexityLimits } from '../limits/complexity';
import { deprecationUsagePlugin } from '../limits/deprecations';
import { limitsPlugin } from '../limits/plugin';
import { defaultQuotaPlans } from '../limits/quotas';
import { ApiKeys1764300000000 } from '../migrations/1764300000000-api-keys';
import { Webhooks1764300000001 } from '../migrations/1764300000001-webhooks';
import { apqCache } from '../persisted/apq-cache';
import { loadPersistedManifest } from '../persisted/manifest';
import { allowGeneratedOperation, persistedOperationsPlugin } from '../persisted/plugin';
import { restRoute } from '../rest/route';
import { studioPlugins } from '../studio';
import type { GatewayApp } from '../app';
import { webhookCatalog, type WebhookEventType } from '../webhooks/catalog';
import { startWebhookDispatcher, type WebhookDispatcher } from '../webhooks/dispatcher';
import { WebhookRepository, type WebhookEndpoint } from '../webhooks/repository';
import { selectionQuery, webhooksRoute } from '../webhooks/route';

const apqTtlSeconds = 7 * 86_400;

/**
 * What integrators and partners use: partner API keys, persisted operations (APQ in the shared store;
 * only the partner manifest for keys), quotas and complexity limits, deprecation usage, Studio reporting,
 * the REST adapter and webhooks.
 * Its state lives in the gateway's own schema `gateway`.
 */
export async function integrationFeature(deps: GatewayDeps): Promise<GatewayFeature> {
  const { dataSource } = await openDatabase({
    url: deps.databaseUrl,
    schema: 'gateway',
    entities: [],
    migrations: [ApiKeys1764300000000, Webhooks1764300000001],
    poolMax: 5,
    applicationName: 'gateway',
  });
  const keys = new ApiKeyRepository(dataSource.manager);
  const keyEvents = await consumeApiKeyEvents(deps.bus, dataSource, deps.logger);
  const manifest = await loadPersistedManifest();
  const webhooks = new WebhookRepository(dataSource.manager);
  let dispatcher: WebhookDispatcher | undefined;

  /** Runs an endpoint's selection for an event as the endpoint's owner, through the gateway's own execution. */
  const shapeFor = (app: GatewayApp) => async (endpoint: WebhookEndpoint, type: WebhookEventType, event: EventEnvelope) => {
    const { token } = await deps.signer.sign(endpoint.owner as never, 60);
    const contextValue = await app.contextFor({ authorization: `Bearer ${token}` });
    allowGeneratedOperation(contextValue);
    const response = await app.apollo.executeOperation({ query: selectionQuery(type, endpoint.selection!), variables: { id: event.subject.id } }, { contextValue });
    return response.body.kind === 'single' ? response.body.singleResult.data?.[type.lookupField!] : undefined;
  };

  return {
    options: {
      authenticators: [apiKeyAuthenticator(keys, deps.signer)],
      routes: [restRoute(), webhooksRoute(webhooks, { allowPrivateTargets: deps.config.webhooks.allowPrivateTargets })],
      persistedQueries: { cache: apqCache(deps.store), ttl: apqTtlSeconds },
      plugins: [
        persistedOperationsPlugin(manifest),
        limitsPlugin({ store: deps.store, plans: defaultQuotaPlans, complexity: defaultComplexityLimits }),
        deprecationUsagePlugin(deps.store),
        ...studioPlugins(deps.config),
      ],
    },
    async attach(_server, app) {
      dispatcher = await startWebhookDispatcher({
        dataSource,
        bus: deps.bus,
        logger: deps.logger,
        catalog: webhookCatalog(app.gateway.schema!),
        retryBaseMs: deps.config.webhooks.retryBaseMs,
        disableAfterFailures: deps.config.webhooks.disableAfterFailures,
        allowPrivateTargets: deps.config.webhooks.allowPrivateTargets,
        shape: shapeFor(app),
      });
    },
    async close() {
      await dispatcher?.stop();
      await keyEvents.close();
      await dataSource.destroy();
    },
  };
}
