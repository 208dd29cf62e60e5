import './plain-exports';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type ParseOptions, type ValidationRule } from 'graphql';
import type { DataSource } from 'typeorm';
import { clientAddressAtEdge, ErrorCode, metricsContentType, metricsText, openDatabase, PlatformFlags, type Logger, type SubgraphName } from '@cip/platform/core';
import { authenticate, bearerAuthenticator } from './auth';
import type { GatewayContext } from './context';
import { formatGatewayError } from './errors';
import type { FeatureParts, GatewayFeature, GatewayHandle, GatewayRoute, LoadedSupergraph, ProcessParts } from './features/feature';
import { checkSubgraphs } from './health';
import { executeHttp, RequestError, sendJson } from './http-adapter';
import { createGatewayMetrics } from './metrics';
import { SubgraphGuards } from './subgraph-calls';
import { SubgraphSource } from './subgraph-source';
import { readCommittedSupergraph, subgraphNameOf } from './supergraph';

export interface GatewayOptions extends ProcessParts {
  /** The database the gateway keeps its features' state in (schema `gateway`). */
  databaseUrl: string;
  /** What the gateway serves beyond federated queries, in order (see features/feature.ts). */
  features: GatewayFeature[];
  /** Subgraph URLs to call; defaults to the configured ones. */
  subgraphUrls?: Record<SubgraphName, string>;
  /** The supergraph to serve; defaults to the committed schema/supergraph.graphql, or Apollo Uplink when managed. */
  supergraphSdl?: string;
}

export interface GatewayApp {
  apollo: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  handle: GatewayHandle;
  /** Feature flags and dynamic settings, evaluated in process. */
  flags: PlatformFlags;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** The features' parts, in feature order (attach, drain and close are the server's to call). */
  parts: FeatureParts[];
  /** Builds the context for a request's headers, or throws UNAUTHENTICATED. */
  contextFor: GatewayHandle['contextFor'];
  start(): Promise<void>;
  /** Stops Apollo Server and closes the gateway's database. */
  stop(): Promise<void>;
}

const traceHeaderNames = ['traceparent', 'tracestate'];

const apolloLogger = (logger: Logger) => ({
  debug: () => undefined,
  info: (m: unknown) => logger.info(String(m)),
  warn: (m: unknown) => logger.warn(String(m)),
  error: (m: unknown) => logger.error(String(m)),
});

/** Builds the gateway and its features without listening: `server.ts` listens, attaches and shuts down. */
export async function createGatewayApp(options: GatewayOptions): Promise<GatewayApp> {
  const { config, logger } = options;
  const subgraphUrls = options.subgraphUrls ?? config.subgraphUrls;
  const managed = config.apollo.managedFederation && !options.supergraphSdl;
  // Without this, @apollo/gateway sends metrics of its own to Apollo and probes cloud metadata addresses
  // (the GCP resource detector's MetadataLookupWarning) as it is constructed; Studio reporting is the studio feature's.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const subgraphGuards = new SubgraphGuards(config.subgraphCalls);
  const gateway = new ApolloGateway({
    ...(managed ? {} : { supergraphSdl: options.supergraphSdl ?? (await readCommittedSupergraph()) }),
    buildService: ({ name, url }) => new SubgraphSource(subgraphUrls[subgraphNameOf(name)] ?? url!, config.gatewaySecret, subgraphGuards.for(name)),
    logger: apolloLogger(logger),
  });

  let supergraph: LoadedSupergraph | undefined;
  const supergraphListeners: ((loaded: LoadedSupergraph) => void)[] = [];
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    supergraph = { sdl: coreSupergraphSdl, apiSchema };
    for (const listener of supergraphListeners) listener(supergraph);
  });

  const migrations = [...new Set(options.features.flatMap((feature) => feature.migrations ?? []))];
  const database: DataSource | undefined =
    migrations.length > 0
      ? (await openDatabase({ url: options.databaseUrl, schema: 'gateway', entities: [], migrations, poolMax: 5, applicationName: 'gateway' })).dataSource
      : undefined;

  const flags = await PlatformFlags.open({ databaseUrl: options.databaseUrl, config, logger });

  let apollo!: ApolloServer<GatewayContext>;
  let parseOptions: ParseOptions = {};
  let validationRules: ValidationRule[] = [];
  let authenticators = [bearerAuthenticator(options.verifier)];

  const contextFor: GatewayHandle['contextFor'] = async (headers, socketAddress) => {
    const auth = await authenticate(authenticators, headers).catch((error: unknown) => {
      if (error instanceof GraphQLError) {
        throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 401 } } });
      }
      throw error;
    });
    const header = (name: string) => (typeof headers[name] === 'string' ? (headers[name] as string) : undefined);
    const traceHeaders: Record<string, string> = {};
    for (const name of traceHeaderNames) {
      const value = header(name);
      if (value) traceHeaders[name] = value;
    }
    return {
      principal: auth?.principal ?? null,
      forwardAuthorization: auth?.forwardAuthorization,
      clientName: header('apollographql-client-name'),
      clientVersion: header('apollographql-client-version'),
      traceHeaders,
      responseHeaders: new Map(),
      ...(socketAddress === undefined
        ? {}
        : {
            client: { address: clientAddressAtEdge(socketAddress, headers['x-forwarded-for'], config.trustedProxyHops), userAgent: header('user-agent')?.slice(0, 512) ?? null },
            requestId: randomUUID(),
          }),
    };
  };

  const handle: GatewayHandle = {
    contextFor,
    execute: (request, contextValue) => apollo.executeOperation(request, { contextValue }),
    documentRules: () => ({ parseOptions, validationRules }),
    async admitSubscription(request, context) {
      const refusals: GraphQLError[] = [];
      for (const part of parts) {
        const refusal = await part.admitSubscription?.(request, context);
        if (refusal) refusals.push(refusal);
      }
      return refusals;
    },
    supergraph() {
      if (!supergraph) throw new Error('The gateway has not loaded its supergraph yet.');
      return supergraph;
    },
    onSupergraph(listener) {
      supergraphListeners.push(listener);
      if (supergraph) listener(supergraph);
    },
  };

  const parts: FeatureParts[] = [];
  for (const feature of options.features) {
    parts.push(
      await feature.setup({
        config,
        logger,
        verifier: options.verifier,
        signer: options.signer,
        bus: options.bus,
        store: options.store,
        subgraphUrls,
        subgraphGuards,
        flags,
        database() {
          if (!database) throw new Error(`The ${feature.name} feature needs the gateway database: declare its migrations.`);
          return database;
        },
        gateway: handle,
      }),
    );
  }
  authenticators = [...parts.flatMap((part) => part.authenticators ?? []), bearerAuthenticator(options.verifier)];
  const routes: GatewayRoute[] = parts.flatMap((part) => part.routes ?? []);
  const requestHooks = parts.flatMap((part) => (part.onRequest ? [part.onRequest.bind(part)] : []));
  const persistedQueries = parts.find((part) => part.persistedQueries)?.persistedQueries;
  parseOptions = parts.find((part) => part.parseOptions)?.parseOptions ?? {};
  validationRules = parts.flatMap((part) => part.validationRules ?? []);

  apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.introspection,
    // The process's shutdown drains in-flight requests and then stops Apollo; Apollo's own signal handler would
    // stop it at once and re-raise the signal.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted) => formatGatewayError(formatted),
    apollo: config.apollo.key && config.apollo.graphRef ? { key: config.apollo.key, graphRef: config.apollo.graphRef } : undefined,
    ...(persistedQueries ? { persistedQueries } : {}),
    parseOptions,
    validationRules,
    plugins: [
      // The response cache reads the policy the subgraphs' headers give; browsers are not told it, since a
      // browser's copy would outlive the mutation that makes the gateway's stale.
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      ...(config.deployed ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...parts.flatMap((part) => part.plugins ?? []),
    ],
    logger: apolloLogger(logger),
  });

  const metrics = createGatewayMetrics();

  async function serve(req: IncomingMessage, res: ServerResponse, pathname: string, route?: GatewayRoute) {
    for (const hook of requestHooks) if (await hook(req, res)) return;
    if (route) return route.handle(req, res);
    switch (pathname) {
      case '/graphql': {
        let context: GatewayContext | undefined;
        const clientLeft = new AbortController();
        res.once('close', () => {
          if (!res.writableFinished) clientLeft.abort();
        });
        return executeHttp(apollo, req, res, {
          context: async () => (context = { ...(await contextFor(req.headers, req.socket.remoteAddress ?? '')), signal: clientLeft.signal }),
          extraHeaders: () => new Map([...(context?.requestId ? [['x-request-id', context.requestId] as const] : []), ...(context?.responseHeaders ?? [])]),
        });
      }
      case '/healthz':
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz': {
        // A subgraph being down takes its fields away, not the others': the gateway stays in rotation
        // (degraded) while any subgraph answers, and reports which do not.
        const subgraphs = await checkSubgraphs(subgraphUrls);
        const states = Object.values(subgraphs);
        const status = states.every((state) => state === 'ready') ? 'ready' : states.some((state) => state === 'ready') ? 'degraded' : 'unavailable';
        return sendJson(res, status === 'unavailable' ? 503 : 200, { status, subgraphs });
      }
      case '/metrics':
        res.writeHead(200, { 'content-type': metricsContentType });
        return void res.end(await metricsText(metrics.registry));
      default:
        return sendJson(res, 404, { errors: [{ message: `No route for ${pathname}. GraphQL is served at /graphql.`, extensions: { code: ErrorCode.NOT_FOUND } }] });
    }
  }

  return {
    apollo,
    gateway,
    handle,
    flags,
    parts,
    contextFor,
    handler: (req, res) => {
      const started = process.hrtime.bigint();
      const pathname = new URL(req.url ?? '/', 'http://gateway').pathname;
      const route = routes.find((r) => r.matches(pathname));
      const done = (label: string) => () =>
        metrics.requestDuration.observe({ route: label, status: String(res.statusCode) }, Number(process.hrtime.bigint() - started) / 1e9);
      res.once('finish', done(route ? 'route' : pathname === '/graphql' ? 'graphql' : pathname));
      void serve(req, res, pathname, route).catch((error: unknown) => {
        if (error instanceof RequestError) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
        logger.error('request failed', { error });
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
        else res.end();
      });
    },
    start: () => apollo.start(),
    async stop() {
      await apollo.stop();
      await flags.close();
      await database?.destroy();
    },
  };
}
