import type { GatewayFeature } from '../feature';
import { restRoute } from './route';

export interface RestOptions {
  /** Where the routes and their OpenAPI document (`<basePath>/openapi.json`) are served. Default `/api/v1`. */
  basePath?: string;
}

/**
 * A REST surface generated from the API schema (one route per root field, OpenAPI included). Every call
 * is one GraphQL operation run through the gateway's own pipeline, with the same rules as `/graphql`.
 */
export function restFeature(options: RestOptions = {}): GatewayFeature {
  return { name: 'rest', setup: ({ gateway }) => ({ routes: [restRoute(gateway, options.basePath ?? '/api/v1')] }) };
}
