import type { GatewayFeature } from '../feature';
import { studioPlugins } from './plugins';

/**
 * Apollo Studio usage reporting, on when `APOLLO_KEY` and `APOLLO_GRAPH_REF` are configured (to
 * `APOLLO_USAGE_REPORTING_URL` when set); with neither, nothing leaves the machine. It takes no options:
 * where reports go is configuration, not code.
 */
export function studioFeature(): GatewayFeature {
  return { name: 'studio', setup: ({ config }) => ({ plugins: studioPlugins(config) }) };
}
