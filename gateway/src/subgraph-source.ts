import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { context, propagation } from '@opentelemetry/api';
import { GraphQLError, Kind, parse, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { clientHeaders, ErrorCode, gatewayCredentialHeader, tracingRecords } from '@cip/platform/core';
import type { GatewayContext } from './context';
import { withoutSuggestions } from './errors';
import { callerSignal, guardedFetcher, SubgraphCallError, type SubgraphCallOptions, type SubgraphGuard } from './subgraph-calls';
import { subgraphFetcher } from './subgraph-http';

/**
 * Calls one subgraph over HTTP with the gateway's own credential (`gateway-authorization`, which subgraphs
 * require in production), forwarding the caller's credentials (subgraphs verify them again),
 * the W3C `traceparent` of the current span (the caller's own when no spans are recorded), and the client's name and version.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly serviceName?: string;

  /**
   * With a `guard`, every call goes through the subgraph's timeout, bulkhead, retries and circuit breaker
   * (subgraph-calls.ts); `waitForSlot` lets its calls wait for a slot of the bulkhead instead of being refused.
   */
  constructor(
    url: string,
    private readonly gatewaySecret?: string,
    guard?: SubgraphGuard,
    options: Pick<SubgraphCallOptions, 'waitForSlot'> = {},
  ) {
    super({ url, fetcher: guard ? guardedFetcher(guard, subgraphFetcher, options) : subgraphFetcher });
    this.serviceName = guard?.serviceName;
  }

  /**
   * A failed call answers as the subgraph's own errors would, one per field it was asked for, so the gateway
   * names the service and the path, and every other subgraph's fields still answer. Calls run with the
   * client's signal (`callerSignal`): one whose client left stops, and answers so too.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await callerSignal.run(options.context.signal, () => super.process(options));
    } catch (error) {
      const left = options.context.signal?.aborted === true;
      if (!(error instanceof SubgraphCallError) && !left) throw error;
      const failure = error instanceof SubgraphCallError ? error : { code: ErrorCode.SUBGRAPH_UNAVAILABLE, message: 'The client left before the answer.' };
      const extensions = { code: failure.code, serviceName: this.serviceName };
      const document = ('document' in options ? options.document : undefined) ?? (options.request.query ? parse(options.request.query) : undefined);
      return { errors: requestedPaths(document).map((path) => ({ message: failure.message, path, extensions }) as never) };
    }
  }

  override willSendRequest({ request, context: ctx }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http?.headers;
    if (!headers) return;
    if (this.gatewaySecret) headers.set(gatewayCredentialHeader, this.gatewaySecret);
    const authorization = ctx.forwardAuthorization;
    if (authorization) headers.set('authorization', authorization);
    if (ctx.clientName) headers.set('apollographql-client-name', ctx.clientName);
    if (ctx.clientVersion) headers.set('apollographql-client-version', ctx.clientVersion);
    if (ctx.client) {
      headers.set(clientHeaders.address, ctx.client.address);
      if (ctx.client.userAgent) headers.set(clientHeaders.userAgent, ctx.client.userAgent);
    }
    if (ctx.requestId) headers.set(clientHeaders.requestId, ctx.requestId);
    let carrier: Record<string, string> = ctx.traceHeaders;
    if (tracingRecords()) propagation.inject(context.active(), (carrier = {}));
    for (const [key, value] of Object.entries(carrier)) headers.set(key, value);
  }

  /**
   * A subgraph's refusal of the request itself: a 400 with BAD_USER_INPUT (a variable its scalars refuse,
   * such as Cents of 1.5) keeps its code and message; every other failure keeps only a code, never the
   * subgraph's URL or body.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = (await response.json().catch(() => null)) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null;
    const refusal = body?.errors?.find((error) => error.extensions?.code === ErrorCode.BAD_USER_INPUT && typeof error.message === 'string');
    if (response.status === 400 && refusal) return new GraphQLError(withoutSuggestions(refusal.message as string), { extensions: { code: ErrorCode.BAD_USER_INPUT } });
    const code = response.status === 401 ? ErrorCode.UNAUTHENTICATED : response.status === 403 ? ErrorCode.FORBIDDEN : undefined;
    return new GraphQLError(`${response.status}: ${response.statusText}`, code ? { extensions: { code } } : {});
  }
}

/**
 * Where a failed fetch's fields sit, relative to where the gateway runs it: the root fields it asked for, or
 * for an entity fetch its first entity (the gateway maps `_entities` indexes to response paths).
 */
function requestedPaths(document: DocumentNode | undefined): (string | number)[][] {
  const operation = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fields = (operation?.selectionSet.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD);
  if (fields.some((field) => field.name.value === '_entities')) return [['_entities', 0]];
  return fields.length > 0 ? fields.map((field) => [(field.alias ?? field.name).value]) : [[]];
}
