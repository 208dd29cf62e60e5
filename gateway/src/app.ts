import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import { ErrorCode, type Config, type Logger, type SubgraphName, type TokenVerifier } from '@cip/platform';
import { authenticate, bearerAuthenticator, type Authenticator } from './auth';
import type { GatewayContext } from './context';
import { formatGatewayError } from './errors';
import { checkSubgraphs } from './health';
import { executeHttp, RequestError, sendJson } from './http-adapter';
import { createGatewayMetrics } from './metrics';
import { SubgraphSource } from './subgraph-source';
import { readCommittedSupergraph, subgraphNameOf } from './supergraph';

/** An HTTP route the gateway serves beside `/graphql` (REST adapter, webhooks admin, …). */
export interface GatewayRoute {
  matches(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, gateway: GatewayApp): Promise<void>;
}

export interface GatewayOptions {
  config: Config;
  logger: Logger;
  verifier: TokenVerifier;
  /** Subgraph URLs to call; defaults to the configured ones. */
  subgraphUrls?: Record<SubgraphName, string>;
  /** The supergraph to serve; defaults to the committed schema/supergraph.graphql, or Apollo Uplink when managed. */
  supergraphSdl?: string;
  /** Credentials beyond bearer tokens (partner API keys), tried before the bearer check. */
  authenticators?: Authenticator[];
  plugins?: ApolloServerPlugin<GatewayContext>[];
  routes?: GatewayRoute[];
  /** Where automatic persisted queries are kept (the shared store); Apollo Server's in-memory cache otherwise. */
  persistedQueries?: { cache: KeyValueCache<string>; ttl?: number };
}

export interface GatewayApp {
  apollo: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Builds the context for a request's headers, or throws UNAUTHENTICATED. */
  contextFor(headers: IncomingMessage['headers']): Promise<GatewayContext>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const traceHeaderNames = ['traceparent', 'tracestate'];

export async function createGatewayApp(options: GatewayOptions): Promise<GatewayApp> {
  const { config, logger } = options;
  const subgraphUrls = options.subgraphUrls ?? config.subgraphUrls;
  const managed = Boolean(config.apollo.key && config.apollo.graphRef) && !options.supergraphSdl;
  const gateway = new ApolloGateway({
    ...(managed ? {} : { supergraphSdl: options.supergraphSdl ?? (await readCommittedSupergraph()) }),
    buildService: ({ name, url }) => new SubgraphSource(subgraphUrls[subgraphNameOf(name)] ?? url!),
    logger: { debug: () => undefined, info: (m) => logger.info(String(m)), warn: (m) => logger.warn(String(m)), error: (m) => logger.error(String(m)) },
  });
  const authenticators = [...(options.authenticators ?? []), bearerAuthenticator(options.verifier)];
  const metrics = createGatewayMetrics();

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted) => formatGatewayError(formatted),
    apollo: config.apollo.key && config.apollo.graphRef ? { key: config.apollo.key, graphRef: config.apollo.graphRef } : undefined,
    ...(options.persistedQueries ? { persistedQueries: options.persistedQueries } : {}),
    plugins: [
      // The response cache reads the policy the subgraphs' headers give; browsers are not told it, since a
      // browser's copy would outlive the mutation that makes the gateway's stale.
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      ...(config.env === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(options.plugins ?? []),
    ],
    logger: { debug: () => undefined, info: (m) => logger.info(String(m)), warn: (m) => logger.warn(String(m)), error: (m) => logger.error(String(m)) },
  });

  const contextFor = async (headers: IncomingMessage['headers']): Promise<GatewayContext> => {
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
    };
  };

  const app: GatewayApp = {
    apollo,
    gateway,
    contextFor,
    handler: (req, res) => {
      const started = process.hrtime.bigint();
      const pathname = new URL(req.url ?? '/', 'http://gateway').pathname;
      const route = options.routes?.find((r) => r.matches(pathname));
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
    stop: () => apollo.stop(),
  };

  async function serve(req: IncomingMessage, res: ServerResponse, pathname: string, route?: GatewayRoute) {
    if (route) return route.handle(req, res, app);
    switch (pathname) {
      case '/graphql': {
        let context: GatewayContext | undefined;
        return executeHttp(apollo, req, res, {
          context: async () => (context = await contextFor(req.headers)),
          extraHeaders: () => context?.responseHeaders ?? new Map(),
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
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        return void res.end(await metrics.registry.metrics());
      default:
        return sendJson(res, 404, { errors: [{ message: `No route for ${pathname}. GraphQL is served at /graphql.`, extensions: { code: ErrorCode.NOT_FOUND } }] });
    }
  }

  return app;
}
