import { setTimeout as delay } from 'node:timers/promises';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLResponse } from '@apollo/server';
import type { GatewayContext } from '../../context';
import { bypassRequested, cacheable, sessionOf, type Generations } from './keys';

type CacheHint = Parameters<GraphQLRequestContext<GatewayContext>['overallCachePolicy']['replace']>[0];

interface Shared {
  data: Record<string, unknown>;
  policy: CacheHint;
}

/** How long a request waits for an identical one already running before it runs on its own. */
const waitLimitMs = 10_000;
/** A cacheable answer is shared this long after it is sent, while the response cache is still storing it. */
const graceMs = 1_000;

/**
 * Identical staff reads running at once (same token, operation, variables and organization generation)
 * are executed once: the first runs, the others wait for it and answer its data. Without it, a cached
 * response expiring, or a mutation starting the organization over, sends every waiting dashboard of that
 * token to the subgraphs at the same moment. Only answers without errors are shared; a request whose
 * leader failed runs on its own. The answer is shared after it was sent only while the response cache may keep it.
 */
export function coalesceIdenticalReads(generations: Generations, maxTtlSeconds: () => number): ApolloServerPlugin<GatewayContext> {
  const running = new Map<string, Promise<Shared | null>>();
  return {
    async requestDidStart() {
      let lead: { key: string; answer: Promise<Shared | null>; settle: (shared: Shared | null) => void } | undefined;
      return {
        async responseForOperation(request) {
          const context = request.contextValue;
          if (request.operation?.operation !== 'query' || !cacheable(context) || bypassRequested(request.request)) return null;
          const key = JSON.stringify([sessionOf(context), await generations.of(context), request.source, request.operationName, request.request.variables ?? {}]);
          const leader = running.get(key);
          if (!leader) {
            let settle!: (shared: Shared | null) => void;
            const answer = new Promise<Shared | null>((resolve) => (settle = resolve));
            running.set(key, answer);
            lead = { key, answer, settle };
            return null;
          }
          const shared = await Promise.race([leader, delay(waitLimitMs, null, { ref: false })]);
          if (!shared) return null;
          request.overallCachePolicy.replace(shared.policy);
          // Answered without executing, as a cache hit is: the response cache need not store it again.
          request.metrics.responseCacheHit = true;
          return { body: { kind: 'single', singleResult: { data: shared.data } }, http: { status: undefined, headers: new HeaderMap() } } satisfies GraphQLResponse;
        },
        async willSendResponse({ response, overallCachePolicy }) {
          if (!lead) return;
          const { key, answer, settle } = lead;
          const body = response.body;
          const ok = body.kind === 'single' && !body.singleResult.errors?.length && body.singleResult.data;
          const shared = ok ? { data: body.singleResult.data as Record<string, unknown>, policy: { maxAge: Math.min(overallCachePolicy.maxAge ?? 0, maxTtlSeconds()), scope: overallCachePolicy.scope } } : null;
          settle(shared);
          const forget = () => running.get(key) === answer && running.delete(key);
          if (shared?.policy.maxAge) void delay(graceMs, undefined, { ref: false }).then(forget);
          else forget();
        },
      };
    },
  };
}
