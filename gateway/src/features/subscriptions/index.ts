import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError, Kind, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type OperationDefinitionNode } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { ErrorCode, notFound, type Principal } from '@cip/platform/core';
import type { GatewayContext } from '../../context';
import { formatGatewayError, toFormattedErrors, withoutSuggestions } from '../../errors';
import type { GatewayFeature } from '../feature';
import { SubscriptionForwarder } from './forwarder';
import { SubscriptionPlanner } from './planner';
import { endable, watchAccess, type WatchedConnection } from './revocation';
import { deniedShop } from './shop-check';

/** Close code sent when the token a connection authenticated with expires (the client should re-authenticate). */
export const TokenExpiredCloseCode = 4401;

/** What a connection keeps between `connection_init` and its subscriptions (beside graphql-ws's socket and request). */
type ConnectionExtra = {
  gateway?: GatewayContext;
  expiry?: NodeJS.Timeout;
  watched?: WatchedConnection;
};

const codedError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

export interface SubscriptionsOptions {
  /** The path WebSocket upgrades are accepted on. Default `/graphql`, beside queries and mutations. */
  path?: string;
  /** How often each connection's credentials are checked again, so a revoked session or key ends its subscriptions. Default `SUBSCRIPTION_ACCESS_CHECK_MS`. */
  accessCheckMs?: number;
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
    setup({ gateway, subgraphUrls, subgraphGuards, logger, config }) {
      let supergraphSdl: string | undefined;
      let planner: SubscriptionPlanner | undefined;
      gateway.onSupergraph(({ sdl }) => {
        supergraphSdl = sdl;
        planner = undefined;
      });
      // Built by the first subscription after each supergraph load: a gateway that serves none never holds
      // this second supergraph, query planner and API schema beside Apollo's own.
      const currentPlanner = () => {
        if (!supergraphSdl) throw new Error('The gateway has not loaded its supergraph yet.');
        return (planner ??= new SubscriptionPlanner(supergraphSdl));
      };
      const forwarder = new SubscriptionForwarder(currentPlanner, subgraphUrls, subgraphGuards, logger, config.gatewaySecret);
      let wss: WebSocketServer | undefined;
      const access = watchAccess({ intervalMs: options.accessCheckMs ?? config.subscriptionAccessCheckMs, contextFor: gateway.contextFor, logger });
      const forbiddenShop = (shopId: string) => new GraphQLError(`You no longer have access to shop ${shopId}; this subscription has ended.`, { extensions: { code: ErrorCode.FORBIDDEN } });

      /** Checks a subscription before anything is forwarded: parse, validate, the other features' rules, the shop check. */
      const admit = async (context: GatewayContext, payload: SubscribePayload, stream: { id: string; watched?: WatchedConnection }): Promise<ExecutionArgs | GraphQLError[]> => {
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
        /** Why this subscription may no longer run for the caller's current access (checked while it runs). */
        const refusal = (principal: Principal) => {
          const shop = deniedShop(schema, document, operation, variables, principal);
          return shop === null ? null : forbiddenShop(shop);
        };
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: variables,
          contextValue: { gateway: context, query: payload.query, refusal, ...stream },
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
                extra.watched = { headers: headersOf(ctx.connectionParams), streams: new Map(), close: (code, reason) => extra.socket.close(code, reason) };
                access.add(extra.watched);
                const remaining = context.principal.expiresAt - Date.now();
                extra.expiry = setTimeout(() => extra.socket.close(TokenExpiredCloseCode, 'Token expired'), Math.max(0, remaining));
                extra.expiry.unref();
                return true;
              },
              onClose: (ctx) => {
                clearTimeout(ctx.extra.expiry);
                if (ctx.extra.watched) access.remove(ctx.extra.watched);
              },
              onComplete: (ctx, id) => {
                if (ctx.extra.watched) access.ended(ctx.extra.watched, id);
              },
              onSubscribe: async (ctx, id, payload) => {
                try {
                  if (ctx.extra.watched?.revoked) return [ctx.extra.watched.revoked];
                  return await admit(ctx.extra.gateway!, payload, { id, watched: ctx.extra.watched });
                } catch (error) {
                  logger.error('subscription refused on an unexpected error', { error });
                  return [codedError('This subscription could not be started.', ErrorCode.INTERNAL_SERVER_ERROR)];
                }
              },
              // Errors travel to clients as the gateway formats them for HTTP: coded, with internals masked.
              onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: toFormattedErrors(result.errors).map(formatGatewayError) } : undefined),
              onError: (_ctx, _id, _payload, errors) => toFormattedErrors(errors).map(formatGatewayError),
              subscribe: (args) => {
                const { gateway: context, query, refusal, watched, id } = args.contextValue as {
                  gateway: GatewayContext;
                  query: string;
                  refusal: (principal: Principal) => GraphQLError | null;
                  watched?: WatchedConnection;
                  id: string;
                };
                const stream = endable(
                  forwarder.run({
                    document: args.document,
                    query,
                    operationName: args.operationName,
                    variables: (args.variableValues ?? {}) as Record<string, unknown>,
                    context,
                  }),
                );
                watched?.streams.set(id, { refusal, end: stream.end });
                return stream.results;
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
          access.stop();
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
