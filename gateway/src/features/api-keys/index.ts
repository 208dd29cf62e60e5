import type { GatewayFeature } from '../feature';
import { apiKeyAuthenticator } from './authenticator';
import { consumeApiKeyEvents } from './consumer';
import { ApiKeys1764300000000 } from './migrations/1764300000000-api-keys';
import { ApiKeyRepository } from './repository';

export interface ApiKeysOptions {
  /** Lifetime of the token minted for a key and forwarded to subgraphs in its stead. Default 60 s. */
  forwardedTokenSeconds?: number;
}

/**
 * Partner API keys (`X-Api-Key`): the gateway keeps a copy of the keys the partners subgraph issues and
 * revokes (hashes only, learned from its events) and authenticates each call against it. Subgraphs never
 * see a key: they receive a short-lived token minted for it.
 */
export function apiKeysFeature(options: ApiKeysOptions = {}): GatewayFeature {
  return {
    name: 'api-keys',
    migrations: [ApiKeys1764300000000],
    async setup({ database, bus, logger, signer }) {
      const dataSource = database();
      const keyEvents = await consumeApiKeyEvents(bus, dataSource, logger);
      return {
        authenticators: [apiKeyAuthenticator(new ApiKeyRepository(dataSource.manager), signer, options.forwardedTokenSeconds ?? 60)],
        close: () => keyEvents.close(),
      };
    },
  };
}
