import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { context, propagation } from '@opentelemetry/api';
import type { GatewayContext } from './context';

/**
 * Calls one subgraph over HTTP, forwarding the caller's credentials (subgraphs verify them again),
 * the W3C `traceparent` of the current span, and the client's name and version.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string) {
    super({ url, fetcher: globalThis.fetch as unknown as Fetcher });
  }

  override willSendRequest({ request, context: ctx }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http?.headers;
    if (!headers) return;
    const authorization = ctx.forwardAuthorization;
    if (authorization) headers.set('authorization', authorization);
    if (ctx.clientName) headers.set('apollographql-client-name', ctx.clientName);
    if (ctx.clientVersion) headers.set('apollographql-client-version', ctx.clientVersion);
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    for (const [key, value] of Object.entries(carrier)) headers.set(key, value);
  }
}
