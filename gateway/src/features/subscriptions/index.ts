import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError, Kind, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type OperationDefinitionNode } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { ErrorCode, notFound } from '@cip/platform';
import type { GatewayContext } from '../../context';
import { formatGatewayError, toFormattedErrors, withoutSuggestions } from '../../errors';
import type { GatewayFeature } from '../feature';
import { SubscriptionForwarder } from './forwarder';
import { SubscriptionPlanner } from './planner';
import { deniedShop } from './shop-check';

/** Close code sent when the token a connection authenticated with expires (the client should re-authenticate). */
export const TokenExpiredCloseCode = 4401;

/** What a connection keeps between `connection_init` and its subscriptions (beside graphql-ws's socket and request). */
type ConnectionExtra = {
  gateway?: GatewayContext;
  expiry?: NodeJS.Timeout;
};

const codedError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

export interface SubscriptionsOptions {
  /** The path WebSocket upgrades are accepted on. Default `/graphql`, beside queries and mutations. */
  path?: string;
}

/**
 * Subscriptions over graphql-ws on the gateway's own port. Apollo Gateway cannot execute subscriptions,
 * so the gateway forwards each one to the subgraph that owns its root field and completes every event
 * with the fields other subgraphs own. Nothing here is process-local state that an event depends on:
 * events reach every replica from the subgraphs' own bus fan-out.
 */
export function subscriptionsFeature(options: SubscriptionsOptions = {}): GatewayFeature {
  return {
    name: 'subscriptions',
    setup({ gateway, subgraphUrls, logger, config }) {
      let planner: SubscriptionPlanner | undefined;
      gateway.onSupergraph(({ sdl }) => {
        planner = new SubscriptionPlanner(sdl);
      });
      const currentPlanner = () => {
        if (!planner) throw new Error('The gateway has not loaded its supergraph yet.');
        return planner;
      };
      const forwarder = new SubscriptionForwarder(currentPlanner, subgraphUrls, logger, config.gatewaySecret);
      let wss: WebSocketServer | undefined;

      /** Checks a subscription before anything is forwarded: parse, validate, the other features' rules, the shop check. */
      const admit = async (context: GatewayContext, payload: SubscribePayload): Promise<ExecutionArgs | GraphQLError[]> => {
        const schema = currentPlanner().apiGraphQLSchema;
        const rules = gateway.documentRules();
        let document: DocumentNode;
        try {
          document = parse(payload.query, rules.parseOptions);
        } catch (error) {
          return [codedError((error as GraphQLError).message, 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document, [...specifiedRules, ...rules.validationRules]);
        if (invalid.length > 0) {
          const message = (e: GraphQLError) => (config.deployed ? withoutSuggestions(e.message) : e.message);
          return invalid.map((e) => new GraphQLError(message(e), { extensions: { ...e.extensions, code: e.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED' } }));
        }
        const operation = document.definitions.find(
          (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!payload.operationName || d.name?.value === payload.operationName),
        );
        if (operation?.operation !== 'subscription') {
          return [codedError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.', ErrorCode.BAD_USER_INPUT)];
        }
        const refused = await gateway.admitSubscription({ query: payload.query, operationName: payload.operationName ?? undefined, extensions: payload.extensions ?? undefined }, context);
        if (refused.length > 0) return refused;
        const variables = payload.variables ?? {};
        const denied = deniedShop(schema, document, operation, variables, context.principal);
        if (denied !== null) return [notFound('Shop', denied || undefined)];
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: variables,
          contextValue: { gateway: context, query: payload.query },
        } satisfies ExecutionArgs;
      };
      let dispose: (() => Promise<void>) | undefined;

      return {
        attach(server) {
          // A message is held to the HTTP body limit (docs/integration.md, "Limits").
          wss = new WebSocketServer({ server, path: options.path ?? '/graphql', maxPayload: 1_000_000 });
          const graphqlWs = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
            {
              onConnect: async (ctx) => {
                const extra = ctx.extra;
                const context = await gateway.contextFor(headersOf(ctx.connectionParams)).catch(() => null);
                if (!context?.principal) return false;
                extra.gateway = context;
                const remaining = context.principal.expiresAt - Date.now();
                extra.expiry = setTimeout(() => extra.socket.close(TokenExpiredCloseCode, 'Token expired'), Math.max(0, remaining));
                extra.expiry.unref();
                return true;
              },
              onClose: (ctx) => clearTimeout(ctx.extra.expiry),
              onSubscribe: async (ctx, _id, payload) => {
                try {
                  return await admit(ctx.extra.gateway!, payload);
                } catch (error) {
                  logger.error('subscription refused on an unexpected error', { error });
                  return [codedError('This subscription could not be started.', ErrorCode.INTERNAL_SERVER_ERROR)];
                }
              },
              // Errors travel to clients as the gateway formats them for HTTP: coded, with internals masked.
              onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: toFormattedErrors(result.errors).map(formatGatewayError) } : undefined),
              onError: (_ctx, _id, _payload, errors) => toFormattedErrors(errors).map(formatGatewayError),
              subscribe: (args) => {
                const { gateway: context, query } = args.contextValue as { gateway: GatewayContext; query: string };
                return forwarder.run({
                  document: args.document,
                  query,
                  operationName: args.operationName,
                  variables: (args.variableValues ?? {}) as Record<string, unknown>,
                  context,
                });
              },
            },
            wss,
          );
          dispose = async () => graphqlWs.dispose();
          // graphql-ws listens for one `error` per socket and one on the server; any further one must not reach the process.
          wss.on('error', (error) => logger.warn('WebSocket server error', { error }));
          wss.on('connection', (socket) => socket.on('error', (error) => logger.debug('WebSocket error', { error })));
        },
        drain() {
          // The HTTP server's graceful close waits for every socket, upgraded ones included.
          for (const client of wss?.clients ?? []) client.close(1001, 'Server shutting down');
        },
        async close() {
          await dispose?.();
          await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
        },
      };
    },
  };
}

/** Credentials from `connection_init`'s payload, read as request headers (`authorization`, `x-api-key`, …). */
function headersOf(params: Record<string, unknown> | undefined): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [key, value] of Object.entries(params ?? {})) if (typeof value === 'string') headers[key.toLowerCase()] = value;
  return headers;
}
