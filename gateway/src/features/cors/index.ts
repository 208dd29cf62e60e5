import type { GatewayFeature } from '../feature';
import { createCorsPolicy } from './policy';

export interface CorsFeatureOptions {
  /** Browser origins, besides the gateway's own, allowed to call it; `CORS_ORIGINS` by default. */
  allowedOrigins?: string[];
}

/**
 * CORS for the browser origins in `CORS_ORIGINS` (a web app on a CDN, an integrator's front end),
 * preflight included; any other cross-origin request is refused with 403. It sees requests before
 * routing, so it covers `/graphql`, REST and every other route alike.
 */
export function corsFeature(options: CorsFeatureOptions = {}): GatewayFeature {
  return {
    name: 'cors',
    setup: ({ config }) => ({
      onRequest: createCorsPolicy({ allowedOrigins: options.allowedOrigins ?? config.corsOrigins, publicUrl: config.publicUrl }),
    }),
  };
}
