import type { GatewayFeature } from '../feature';
import { loadPersistedManifest } from '../persisted-operations/manifest';
import { restRoute } from './route';
import { partnerOperationsOf } from './routes';

export interface RestOptions {
  /** Where the routes and their OpenAPI document (`<basePath>/openapi.json`) are served. Default `/api/v1`. */
  basePath?: string;
}

/**
 * A REST surface generated from the API schema (one route per root field, one per published partner
 * operation, OpenAPI included). Every call is one GraphQL operation run through the gateway's own
 * pipeline, with the same rules as `/graphql`.
 */
export function restFeature(options: RestOptions = {}): GatewayFeature {
  return {
    name: 'rest',
    async setup({ gateway }) {
      const partnerOperations = partnerOperationsOf(await loadPersistedManifest());
      return { routes: [restRoute(gateway, options.basePath ?? '/api/v1', () => partnerOperations)] };
    },
  };
}
