import type { ApolloServerPlugin } from '@apollo/server';
import { appError, ErrorCode, type KeyValueStore, type PartnerPrincipal } from '@cip/platform/core';
import type { GatewayContext } from '../../context';
import { measureOperation, type ComplexityLimits } from './complexity';
import { countRequest, type QuotaPlan } from './quotas';

/**
 * Per-key quotas for partner API keys, and depth and cost limits for every caller, checked once the
 * operation is known and before it is planned. Every partner response reports the quota in `RateLimit-*` headers.
 */
export function limitsPlugin(options: { store: KeyValueStore; plans: () => Record<string, QuotaPlan>; complexity: ComplexityLimits }): ApolloServerPlugin<GatewayContext> {
  const countAgainstQuota = async (principal: PartnerPrincipal, headers: Map<string, string>) => {
    const plans = options.plans();
    const plan = plans[principal.plan] ?? plans.standard!;
    const decision = await countRequest(options.store, principal.keyId, plan);
    headers.set('ratelimit-limit', String(decision.limit));
    headers.set('ratelimit-remaining', String(decision.remaining));
    headers.set('ratelimit-reset', String(decision.resetSeconds));
    headers.set('ratelimit-policy', decision.policy);
    if (decision.admitted) return;
    headers.set('retry-after', String(decision.resetSeconds));
    throw appError(ErrorCode.RATE_LIMITED, `This API key has used its ${decision.limit} requests; try again in ${decision.resetSeconds} s.`, {
      retryAfter: decision.resetSeconds,
      limit: decision.limit,
      http: { status: 429 },
    });
  };

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request }) {
          const principal = contextValue.principal;
          if (principal?.kind === 'partner') await countAgainstQuota(principal, contextValue.responseHeaders);
          if (!operation) return;
          const { depth, cost } = measureOperation(document, operation, request.variables ?? {});
          if (depth > options.complexity.maxDepth || cost > options.complexity.maxCost) {
            throw appError(
              ErrorCode.QUERY_TOO_COMPLEX,
              `The operation is too complex (depth ${depth} of at most ${options.complexity.maxDepth}, cost ${cost} of at most ${options.complexity.maxCost}); ask for fewer or smaller pages.`,
              { depth, cost, maxDepth: options.complexity.maxDepth, maxCost: options.complexity.maxCost, http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}
