import type { GatewayFeature } from '../feature';
import { deprecationUsagePlugin } from './plugin';

export interface DeprecationUsageOptions {
  /** How long the count of one client version's uses of a deprecated field is kept after its last use. Default 90 days. */
  retentionDays?: number;
}

/**
 * Counts, in the shared store, every operation that selects a deprecated field, per client name and
 * version, so a field is removed only once the clients still using it are known.
 */
export function deprecationUsageFeature(options: DeprecationUsageOptions = {}): GatewayFeature {
  return {
    name: 'deprecation-usage',
    setup: ({ store }) => ({ plugins: [deprecationUsagePlugin(store, (options.retentionDays ?? 90) * 86_400)] }),
  };
}
