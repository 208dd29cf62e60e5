import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import { GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';
import { ErrorCode, gatewayCredentialHeader, type Logger, type SubgraphName } from '@cip/platform/core';
import type { GatewayContext } from '../../context';
import { SubgraphCallError, type SubgraphGuards } from '../../subgraph-calls';
import { SubgraphSource } from '../../subgraph-source';
import { subgraphNameOf } from '../../supergraph';
import type { SubscriptionPlanner } from './planner';
import { openUpstream } from './upstream';

/** The name the current event's data is served under while the rest of the plan runs. */
const eventSource = '__subscription_event__';

export interface ForwardRequest {
  document: DocumentNode;
  query: string;
  operationName?: string | null;
  variables: Record<string, unknown>;
  context: GatewayContext;
}

/**
 * Runs a subscription the way the gateway runs a query: the primary fetch streams from the subgraph
 * that owns the root field, and each event it yields becomes the first fetch of a query plan whose
 * remaining fetches (the fields other subgraphs own) the gateway's own plan executor runs, with the
 * caller's credentials, exactly as for a query. Opening the stream and every entity fetch go through the
 * subgraph's own timeout, bulkhead and circuit breaker, the ones its query fetches use; both wait for a slot of
 * the bulkhead rather than being refused, since they come in bursts (every dashboard reconnecting after a
 * deploy; one event resolved for each of a shop's subscribers) and each holds its slot only briefly.
 */
export class SubscriptionForwarder {
  private readonly sources = new Map<string, GraphQLDataSource>();

  constructor(
    private readonly planner: () => SubscriptionPlanner,
    private readonly subgraphUrls: Record<SubgraphName, string>,
    private readonly guards: SubgraphGuards,
    private readonly logger: Logger,
    private readonly gatewaySecret?: string,
  ) {}

  /**
   * The subscription's results. Returning from the iteration (the client unsubscribed or disconnected)
   * closes the upstream stream at once, not at the next event, so an idle shop holds no stream open.
   */
  run(request: ForwardRequest): AsyncIterableIterator<ExecutionResult> {
    const abort = new AbortController();
    const results = this.contained(request, abort.signal);
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      next: () => results.next(),
      return: async () => {
        abort.abort();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /**
   * Whatever fails while a stream runs (planning, the subgraph's connection, an entity fetch) ends that stream
   * alone, with a coded error naming the subgraph (SUBGRAPH_TIMEOUT when it did not answer the subscription in
   * time, SUBGRAPH_UNAVAILABLE when it failed or its breaker is open); it never reaches graphql-ws's handlers or
   * the process.
   */
  private async *contained(request: ForwardRequest, signal: AbortSignal): AsyncGenerator<ExecutionResult> {
    let serviceName: string | undefined;
    try {
      yield* this.results(request, signal, (name) => (serviceName = name));
    } catch (error) {
      if (signal.aborted) return;
      this.logger.warn('subscription stream failed', { error, serviceName, operationName: request.operationName ?? undefined });
      yield {
        errors: [
          error instanceof SubgraphCallError
            ? new GraphQLError(error.message, { extensions: { code: error.code, serviceName } })
            : serviceName
            ? new GraphQLError(`The ${serviceName} service could not keep this subscription open; subscribe again.`, { extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName } })
            : new GraphQLError('This subscription could not be started.', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }),
        ],
      };
    }
  }

  private async *results(request: ForwardRequest, signal: AbortSignal, forwardingTo: (serviceName: string) => void): AsyncGenerator<ExecutionResult> {
    const planner = this.planner();
    const plan = planner.plan(request.document, request.operationName);
    forwardingTo(plan.primary.serviceName);
    const variables = Object.fromEntries((plan.primary.variableUsages ?? []).filter((name) => name in request.variables).map((name) => [name, request.variables[name]]));
    const headers: Record<string, string> = {};
    if (request.context.forwardAuthorization) headers.authorization = request.context.forwardAuthorization;
    if (this.gatewaySecret) headers[gatewayCredentialHeader] = this.gatewaySecret;
    const url = this.urlOf(plan.primary.serviceName);
    const body = { query: plan.primary.operation, variables, operationName: plan.primary.operationName };
    const upstream = await this.guards.for(plan.primary.serviceName).call((setup) => openUpstream(url, body, headers, signal, setup), { signal, waitForSlot: true });
    const queryPlan: QueryPlan = {
      kind: 'QueryPlan',
      node: plan.rest ? { kind: 'Sequence', nodes: [{ ...plan.primary, serviceName: eventSource }, plan.rest] } : { ...plan.primary, serviceName: eventSource },
    };
    for await (const event of upstream) {
      if (!event.data || plan.passThrough) {
        yield event;
        continue;
      }
      const serviceMap: ServiceMap = {
        ...this.serviceMap(),
        [eventSource]: { process: async () => ({ data: event.data as Record<string, unknown>, errors: event.errors as never }) },
      };
      const requestContext = {
        request: { query: request.query, variables: request.variables, operationName: request.operationName ?? undefined },
        context: request.context,
        logger: this.logger,
        metrics: {},
        cache: undefined,
        overallCachePolicy: undefined,
      };
      const result = await executeQueryPlan(
        queryPlan,
        serviceMap,
        requestContext as never,
        plan.operationContext,
        planner.supergraphSchema,
        planner.apiSchema,
      );
      yield result as ExecutionResult;
    }
  }

  private urlOf(serviceName: string): string {
    const url = this.subgraphUrls[subgraphNameOf(serviceName)];
    if (!url) throw new Error(`no URL for subgraph ${serviceName}`);
    return url;
  }

  private serviceMap(): ServiceMap {
    const map: ServiceMap = Object.create(null);
    for (const [name, url] of Object.entries(this.subgraphUrls)) {
      let source = this.sources.get(name);
      if (!source) this.sources.set(name, (source = new SubgraphSource(url, this.gatewaySecret, this.guards.for(name), { waitForSlot: true })));
      map[name] = source;
    }
    return map;
  }
}
