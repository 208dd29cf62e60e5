import type { GatewayFeature } from '../feature';
import { defaultComplexityLimits, type ComplexityLimits } from './complexity';
import { limitsPlugin } from './plugin';
import { defaultQuotaPlans, type QuotaPlan } from './quotas';

export interface LimitsOptions {
  /** Requests per minute and per day for each partner plan; a key with an unknown plan gets `standard`. */
  plans?: Record<string, QuotaPlan>;
  /** Depth and cost every operation must stay within. */
  complexity?: ComplexityLimits;
}

/** Per-key quotas for partner API keys (shared counters, `RateLimit-*` headers) and depth and cost limits for every caller. */
export function limitsFeature(options: LimitsOptions = {}): GatewayFeature {
  return {
    name: 'limits',
    setup: ({ store }) => ({
      plugins: [limitsPlugin({ store, plans: options.plans ?? defaultQuotaPlans, complexity: options.complexity ?? defaultComplexityLimits })],
    }),
  };
}
