import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, GraphQLRequest, GraphQLResponse } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GraphQLError, GraphQLSchema, ParseOptions, ValidationRule } from 'graphql';
import type { DataSource, MigrationInterface } from 'typeorm';
import type { Config, EventBus, KeyValueStore, Logger, PlatformFlags, SubgraphName, TokenSigner, TokenVerifier } from '@cip/platform/core';
import type { Authenticator } from '../auth';
import type { SubgraphGuards } from '../subgraph-calls';
import type { GatewayContext } from '../context';

/**
 * The gateway beyond plain federated queries is a list of features, each one folder under
 * `gateway/src/features/<name>/` exporting one `xFeature(options)` that returns a `GatewayFeature`.
 * Whoever starts the gateway (main.ts, `npm start`, the test harness) passes the list in; a feature
 * never imports the server, it is handed what it needs here.
 */
export interface GatewayFeature {
  /** Names the feature in logs and errors. */
  readonly name: string;
  /**
   * TypeORM migrations of the tables the feature keeps in the gateway's own schema `gateway`. The
   * gateway opens that database (and applies every feature's migrations) only when a feature has some.
   */
  readonly migrations?: (new () => MigrationInterface)[];
  /** Builds the feature's parts. Runs once, in list order, before the gateway starts serving. */
  setup(runtime: FeatureRuntime): FeatureParts | Promise<FeatureParts>;
}

/** What a feature adds to the gateway. Every part is optional. */
export interface FeatureParts {
  /**
   * Sees every HTTP request before routing, in feature order: it may set response headers (CORS) and
   * let the request go on (`false`), or answer it itself (`true`: preflight, static files).
   */
  onRequest?(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean>;
  /** Routes served beside `/graphql` (REST, webhooks API, …); the first whose `matches` is true answers. */
  routes?: GatewayRoute[];
  /** Credentials beyond bearer tokens (partner API keys), tried in feature order before the bearer check. */
  authenticators?: Authenticator[];
  /** Apollo Server plugins, run in feature order. */
  plugins?: ApolloServerPlugin<GatewayContext>[];
  /**
   * Sees every subscription before it is forwarded (the HTTP pipeline's plugins never see them): returns an
   * error to refuse it with, or nothing to let it through.
   */
  admitSubscription?(request: SubscriptionRequest, context: GatewayContext): GraphQLError | undefined | Promise<GraphQLError | undefined>;
  /** Validation rules beyond graphql-js's own, for HTTP operations and subscriptions alike. */
  validationRules?: ValidationRule[];
  /** Parser limits (`maxTokens`); the first feature that gives some wins. */
  parseOptions?: ParseOptions;
  /** Where automatic persisted queries are kept; the first feature that gives one wins. */
  persistedQueries?: { cache: KeyValueCache<string>; ttl?: number };
  /** Runs once the HTTP server listens: attach to it (WebSocket upgrade), start background work. */
  attach?(server: Server): void | Promise<void>;
  /**
   * Shutdown has begun and the HTTP server is about to drain: end long-lived connections (WebSockets
   * with 1001) so the drain does not wait for them, and stop taking new long-lived work.
   */
  drain?(): void | Promise<void>;
  /** The HTTP server has drained: stop background work and close what `setup` opened (reverse feature order). */
  close?(): Promise<void>;
}

/** A subscription as a client sent it over graphql-ws. */
export interface SubscriptionRequest {
  query: string;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

/** An HTTP route the gateway serves beside `/graphql`. */
export interface GatewayRoute {
  matches(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** The process's shared parts: what whoever starts the gateway passes in, and what every feature is built from. */
export interface ProcessParts {
  config: Config;
  logger: Logger;
  verifier: TokenVerifier;
  /** Signs short-lived tokens for callers that authenticate otherwise (partner API keys, webhook owners). */
  signer: TokenSigner;
  /** The event bus (subscription fan-out, webhook delivery, API key events). */
  bus: EventBus;
  /** Shared counters and caches: Redis when configured. */
  store: KeyValueStore;
}

/** What a feature is built from: the process's shared parts and a handle on the gateway it plugs into. */
export interface FeatureRuntime extends ProcessParts {
  /** Where each subgraph is reached. */
  subgraphUrls: Record<SubgraphName, string>;
  /** Each subgraph's timeout, bulkhead and circuit breaker, the ones the gateway's own fetches go through: whatever a feature sends a subgraph goes through them too. */
  subgraphGuards: SubgraphGuards;
  /** Feature flags and dynamic settings (limits, TTLs), kept current without a restart. */
  flags: PlatformFlags;
  /** The gateway's own database (schema `gateway`); throws when no feature declared migrations. */
  database(): DataSource;
  gateway: GatewayHandle;
}

/** The supergraph the gateway serves, as Apollo Gateway loaded it (at start, and again on every update). */
export interface LoadedSupergraph {
  /** The core supergraph SDL (with join directives), which the query planner reads. */
  sdl: string;
  /** The API schema clients see. */
  apiSchema: GraphQLSchema;
}

/** The gateway a feature plugs into. Its methods work once the gateway has started. */
export interface GatewayHandle {
  /**
   * Builds the context for a request's headers (authenticators, then the bearer token), or throws UNAUTHENTICATED.
   * With the socket's peer address, the context names the client and the request (audit log, security events).
   */
  contextFor(headers: IncomingHttpHeaders, socketAddress?: string): Promise<GatewayContext>;
  /** Runs an operation through the gateway's whole pipeline (plugins included), as an HTTP request would. */
  execute(request: GraphQLRequest, context: GatewayContext): Promise<GraphQLResponse>;
  /** Every feature's `admitSubscription` refusals for a subscription, in feature order (none: admitted). */
  admitSubscription(request: SubscriptionRequest, context: GatewayContext): Promise<GraphQLError[]>;
  /** The parser limits and extra validation rules every operation is held to (subscriptions apply them themselves). */
  documentRules(): { parseOptions: ParseOptions; validationRules: ValidationRule[] };
  /** The supergraph currently served. Throws before the gateway has loaded one. */
  supergraph(): LoadedSupergraph;
  /** Calls `listener` with the supergraph now (when loaded) and on every later update. */
  onSupergraph(listener: (supergraph: LoadedSupergraph) => void): void;
}
