import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import CircuitBreaker from 'opossum';
import { Gauge } from 'prom-client';
import { ErrorCode, platformRegistry, type Config } from '@cip/platform';

export type SubgraphCallSettings = Config['subgraphCalls'];

/** Why a subgraph call failed, as the client is told it (`extensions.code`, with the service's name). */
export class SubgraphCallError extends Error {
  constructor(
    readonly code: typeof ErrorCode.SUBGRAPH_UNAVAILABLE | typeof ErrorCode.SUBGRAPH_TIMEOUT,
    message: string,
    readonly retryable = false,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const breakerMetric = 'cip_subgraph_breaker_state';
const breakers = new Map<string, CircuitBreaker>();
if (!platformRegistry.getSingleMetric(breakerMetric)) {
  new Gauge({
    name: breakerMetric,
    help: "State of the gateway's circuit breaker per subgraph: 0 closed, 1 half-open (trying), 2 open (refusing calls).",
    labelNames: ['subgraph'],
    registers: [platformRegistry],
    collect() {
      for (const [subgraph, breaker] of breakers) this.set({ subgraph }, breaker.opened ? 2 : breaker.halfOpen ? 1 : 0);
    },
  });
}

/** Statuses a proxy or an overloaded subgraph answers with before it has run anything. */
const transientStatuses = new Set([502, 503, 504]);

/** True for a read: only those are retried (a mutation whose response was lost may have run). */
const isQuery = (body: FetcherRequestInit['body']) => typeof body === 'string' && /^\{"query":"\s*(query\b|\{)/.test(body);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wraps the fetcher of one subgraph in its bulkhead, timeout, retries and circuit breaker (opossum). The
 * timeout is the whole call's budget, retries included, and aborts the request, so a hung subgraph holds
 * neither the caller nor a socket longer than that; at most `maxConcurrency` calls are in flight and more are
 * refused at once; reads that fail before the subgraph ran them are retried with full jitter.
 */
export function guardedFetcher(serviceName: string, fetcher: Fetcher, settings: SubgraphCallSettings): { fetcher: Fetcher; breaker: CircuitBreaker } {
  const attempt = async (url: string, init: FetcherRequestInit, deadline: number): Promise<FetcherResponse> => {
    const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
    let response: FetcherResponse;
    try {
      response = await fetcher(url, { ...init, signal } as FetcherRequestInit);
    } catch (error) {
      if (signal.aborted) throw new SubgraphCallError(ErrorCode.SUBGRAPH_TIMEOUT, `The ${serviceName} service did not answer in time.`);
      throw new SubgraphCallError(ErrorCode.SUBGRAPH_UNAVAILABLE, `The ${serviceName} service could not be reached.`, true, { cause: error });
    }
    if (transientStatuses.has(response.status)) throw new SubgraphCallError(ErrorCode.SUBGRAPH_UNAVAILABLE, `The ${serviceName} service is unavailable.`, true);
    return response;
  };
  const breaker = new CircuitBreaker(attempt, {
    name: serviceName,
    timeout: false,
    capacity: settings.maxConcurrency,
    errorThresholdPercentage: settings.breakerErrorPercent,
    volumeThreshold: settings.breakerVolume,
    resetTimeout: settings.breakerResetMs,
    rollingCountTimeout: 10_000,
  });
  breakers.set(serviceName, breaker);
  const fire = async (url: string, init: FetcherRequestInit, deadline: number) => {
    try {
      return await breaker.fire(url, init, deadline);
    } catch (error) {
      if (error instanceof SubgraphCallError) throw error;
      const code = (error as { code?: string }).code;
      throw new SubgraphCallError(
        ErrorCode.SUBGRAPH_UNAVAILABLE,
        code === 'ESEMLOCKED' ? `The ${serviceName} service has too many calls in flight; try again shortly.` : `The ${serviceName} service is failing; calls to it are paused.`,
      );
    }
  };
  return {
    breaker,
    fetcher: async (url, init = {}) => {
      const deadline = Date.now() + settings.timeoutMs;
      const retries = isQuery(init.body) ? settings.retries : 0;
      for (let tried = 0; ; tried++) {
        try {
          return await fire(url, init, deadline);
        } catch (error) {
          const delay = Math.random() * settings.retryBaseMs * 2 ** tried;
          if (!(error instanceof SubgraphCallError) || !error.retryable || tried >= retries || Date.now() + delay >= deadline) throw error;
          await sleep(delay);
        }
      }
    },
  };
}
