import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError, Kind, parse, validate, type DocumentNode, type ExecutionArgs, type OperationDefinitionNode } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { canReadShop, ErrorCode, notFound, type Principal } from '@cip/platform';
import type { GatewayApp } from '../app';
import type { GatewayContext } from '../context';
import type { GatewayDeps, GatewayFeature } from '../server';
import { readCommittedSupergraph } from '../supergraph';
import { SubscriptionForwarder } from './forwarder';
import { SubscriptionPlanner } from './planner';

/** Close code sent when the token a connection authenticated with expires (the client should re-authenticate). */
export const TokenExpiredCloseCode = 4401;

/** What a connection keeps between `connection_init` and its subscriptions (beside graphql-ws's socket and request). */
type ConnectionExtra = {
  gateway?: GatewayContext;
  expiry?: NodeJS.Timeout;
};

const codedError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/**
 * Subscriptions over graphql-ws on the gateway's own port and `/graphql` path. Apollo Gateway cannot
 * execute subscriptions, so the gateway forwards each one to the subgraph that owns its root field and
 * completes every event with the fields other subgraphs own. Nothing here is process-local state that
 * an event depends on: events reach every replica from the subgraphs' own bus fan-out.
 */
export async function subscriptionsFeature(deps: GatewayDeps): Promise<GatewayFeature> {
  let wss: WebSocketServer | undefined;
  let dispose: (() => Promise<void>) | undefined;

  return {
    async attach(running, app) {
      let planner = new SubscriptionPlanner(deps.supergraphSdl ?? app.gateway.__testing().supergraphSdl ?? (await readCommittedSupergraph()));
      app.gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
        planner = new SubscriptionPlanner(coreSupergraphSdl);
      });
      const forwarder = new SubscriptionForwarder(() => planner, deps.subgraphUrls ?? deps.config.subgraphUrls, deps.logger);
      wss = new WebSocketServer({ server: running.server, path: '/graphql' });
      const server = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
        {
          onConnect: async (ctx) => {
            const extra = ctx.extra;
            const context = await app.contextFor(headersOf(ctx.connectionParams)).catch(() => null);
            if (!context?.principal) return false;
            extra.gateway = context;
            const remaining = context.principal.expiresAt - Date.now();
            extra.expiry = setTimeout(() => extra.socket.close(TokenExpiredCloseCode, 'Token expired'), Math.max(0, remaining));
            extra.expiry.unref();
            return true;
          },
          onClose: (ctx) => clearTimeout(ctx.extra.expiry),
          onSubscribe: (ctx, _id, payload) => {
            const gateway = ctx.extra.gateway!;
            const schema = planner.apiGraphQLSchema;
            let document: DocumentNode;
            try {
              document = parse(payload.query);
            } catch (error) {
              return [error as GraphQLError];
            }
            const invalid = validate(schema, document);
            if (invalid.length > 0) return invalid.map((e) => codedError(e.message, 'GRAPHQL_VALIDATION_FAILED'));
            const operation = document.definitions.find(
              (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!payload.operationName || d.name?.value === payload.operationName),
            );
            if (operation?.operation !== 'subscription') {
              return [codedError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.', ErrorCode.BAD_USER_INPUT)];
            }
            const variables = payload.variables ?? {};
            const denied = deniedShop(operation, variables, gateway.principal);
            if (denied) return [notFound('Shop', denied)];
            return {
              schema,
              document,
              operationName: payload.operationName,
              variableValues: variables,
              contextValue: { gateway, query: payload.query },
            } satisfies ExecutionArgs;
          },
          subscribe: (args) => {
            const { gateway, query } = args.contextValue as { gateway: GatewayContext; query: string };
            return forwarder.run({
              document: args.document,
              query,
              operationName: args.operationName,
              variables: (args.variableValues ?? {}) as Record<string, unknown>,
              context: gateway,
            });
          },
        },
        wss,
      );
      // The HTTP server's graceful close waits for every socket, upgraded ones included: end the
      // WebSocket connections as soon as it starts closing.
      const close = running.server.close.bind(running.server);
      running.server.close = ((callback?: (error?: Error) => void) => {
        for (const client of wss?.clients ?? []) client.close(1001, 'Server shutting down');
        return close(callback);
      }) as typeof running.server.close;
      dispose = async () => server.dispose();
    },
    async close() {
      await dispose?.();
      await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
    },
  };
}

/** Credentials from `connection_init`'s payload, read as request headers (`authorization`, `x-api-key`, …). */
function headersOf(params: Record<string, unknown> | undefined): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [key, value] of Object.entries(params ?? {})) if (typeof value === 'string') headers[key.toLowerCase()] = value;
  return headers;
}

/**
 * The gateway's own tenancy check before anything is forwarded: a `shopId` argument of a root field
 * must name a shop the caller may read. Returns the refused shop id, if any.
 */
function deniedShop(operation: OperationDefinitionNode, variables: Record<string, unknown>, principal: Principal | null): string | null {
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    for (const argument of selection.arguments ?? []) {
      if (argument.name.value !== 'shopId') continue;
      const value =
        argument.value.kind === Kind.VARIABLE ? variables[argument.value.name.value] : argument.value.kind === Kind.STRING ? argument.value.value : null;
      if (typeof value !== 'string' || !canReadShop(principal, value)) return String(value);
    }
  }
  return null;
}
