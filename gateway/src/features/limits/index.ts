import { flagDefinition, type FlagDefinition } from '@cip/platform/core';
import type { GatewayFeature } from '../feature';
import { defaultComplexityLimits, type ComplexityLimits } from './complexity';
import { limitsPlugin } from './plugin';
import type { QuotaPlan } from './quotas';

export interface LimitsOptions {
  /** Requests per minute and per day for each partner plan; a key with an unknown plan gets `standard`. Without it, the dynamic setting `gateway.partner-quotas`. */
  plans?: Record<string, QuotaPlan>;
  /** Depth and cost every operation must stay within. */
  complexity?: ComplexityLimits;
}

const partnerQuotas = flagDefinition('gateway.partner-quotas') as FlagDefinition<Record<string, QuotaPlan>>;

/** Per-key quotas for partner API keys (shared counters, `RateLimit-*` headers) and depth and cost limits for every caller. */
export function limitsFeature(options: LimitsOptions = {}): GatewayFeature {
  return {
    name: 'limits',
    setup: ({ store, flags }) => ({
      plugins: [
        limitsPlugin({
          store,
          plans: options.plans ? () => options.plans! : () => flags.value(partnerQuotas),
          complexity: options.complexity ?? defaultComplexityLimits,
        }),
      ],
    }),
  };
}
