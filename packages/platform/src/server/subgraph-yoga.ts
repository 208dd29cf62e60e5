import { useOpenTelemetry } from '@envelop/opentelemetry';
import { useApolloInlineTrace } from '@graphql-yoga/plugin-apollo-inline-trace';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { context, type TracerProvider } from '@opentelemetry/api';
import { GraphQLError, Kind, type DefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import { createYoga, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import { Registry } from 'prom-client';
import { fromGateway } from '../auth/client';
import type { Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/tokens';
import { appError, ErrorCode, isPublicError, unauthenticated } from '../errors';
import type { Logger } from '../logger';
import { metricsContentType, metricsText } from '../observability/metrics';
import { isDatabaseUnavailable } from '../db/pg-client';
import type { Readiness } from '../db/readiness';
import { contextFromHeaders, tracingRecords } from '../telemetry/tracing';
import { useCacheControl, type CacheHints } from './cache-control';
import { useSubgraphEdge, type SubgraphEdgeOptions } from './gateway-only';

export type Route = (request: Request) => Promise<Response> | Response;

export interface RequestContext extends YogaInitialContext {
  principal: Principal | null;
}

export interface SubgraphYogaOptions<Ctx> {
  name: string;
  schema: GraphQLSchema;
  verifier: TokenVerifier;
  logger: Logger;
  tracerProvider?: TracerProvider;
  /** Root fields anyone may call without a token (sign-up, login, a customer's share link). */
  publicFields?: string[];
  /** Builds the per-request context: repositories and fresh DataLoaders. */
  context: (base: { principal: Principal | null; request: Request }) => Ctx | Promise<Ctx>;
  /** `/readyz`: true, or each dependency's state (`checkDependencies`). */
  ready: () => Promise<boolean | Readiness>;
  routes?: Record<string, Route>;
  /** How long query results may be cached, by schema coordinate; queries touching anything unhinted are not cacheable. */
  cacheHints?: CacheHints;
  /** Who may call the subgraph directly, and the body and depth limits. */
  edge: SubgraphEdgeOptions;
  plugins?: Plugin[];
}

/**
 * The Yoga app every subgraph serves: the gateway-only edge with its limits, token verification, the
 * public-field gate, error masking that keeps codes (and answers SERVICE_UNAVAILABLE when the database cannot give a request a session), inline traces (ftv1) for the gateway, tracing continued from the caller's `traceparent`, Prometheus metrics and health routes.
 */
export function createSubgraphYoga<Ctx extends object>(options: SubgraphYogaOptions<Ctx>) {
  const publicFields = new Set(['_service', '__typename', ...(options.publicFields ?? [])]);
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.name });

  return createYoga<Record<string, unknown>, Ctx & RequestContext>({
    schema: options.schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    healthCheckEndpoint: '/healthz',
    logging: false,
    context: async ({ request }) => {
      const principal = await options.verifier.fromHeader(request.headers.get('authorization'));
      return { principal, ...(await options.context({ principal, request })) } as unknown as Ctx & RequestContext;
    },
    maskedErrors: {
      maskError(error, message) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (error instanceof GraphQLError && (!original || isPublicError(original) || isPublicError(error))) return error;
        if (error instanceof GraphQLError && original instanceof GraphQLError && !original.originalError) return error;
        if (isDatabaseUnavailable(original)) {
          options.logger.warn('database unavailable for a request', { error: original });
          return appError(ErrorCode.SERVICE_UNAVAILABLE, `The ${options.name} service cannot reach its database right now; try again shortly.`, { serviceName: options.name });
        }
        options.logger.error('unexpected error', { error: original ?? error });
        return new GraphQLError(message, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
      },
    },
    plugins: [
      ...useSubgraphEdge(options.edge),
      useRoutes({ ...options.routes, '/readyz': readyRoute(options.ready), '/metrics': metricsRoute(registry) }),
      // Field timings (ftv1) for Studio, only when the gateway asks for them: nobody else learns resolver timings.
      useApolloInlineTrace({ ignoreRequest: (request) => request.headers.get('apollo-federation-include-trace') !== 'ftv1' || !fromGateway(request.headers, options.edge.gatewaySecret) }),
      ...(tracingRecords()
        ? [
            useTraceParent(),
            useOpenTelemetry({ resolvers: false, variables: false, result: false, document: true }, options.tracerProvider, undefined, undefined, options.name),
          ]
        : []),
      usePrometheus({ endpoint: false, registry, metrics: requestMetrics }),
      useRequireToken(publicFields),
      ...(options.cacheHints ? [useCacheControl(options.schema, options.cacheHints)] : []),
      ...(options.plugins ?? []),
    ],
  });
}

/**
 * Request count, errors and latency per operation. The plugin's other defaults (per-phase histograms, a
 * summary, a walk of every document for deprecated fields) cost more CPU per request than the request's own
 * resolvers on small operations; deprecated-field use is counted once, at the gateway.
 */
const requestMetrics = {
  graphql_envelop_request: true,
  graphql_envelop_error_result: true,
  graphql_yoga_http_duration: true,
} as const;

/** The subgraph's request metrics, then the process-wide ones (memory, pools, saturation). */
function metricsRoute(registry: Registry): Route {
  return async () => new Response(await metricsText(registry), { headers: { 'content-type': metricsContentType } });
}

function readyRoute(ready: () => Promise<boolean | Readiness>): Route {
  return async () => {
    const answer = await ready().catch(() => false);
    const readiness: Readiness = typeof answer === 'boolean' ? { status: answer ? 'ready' : 'unavailable', checks: {} } : answer;
    return Response.json(readiness, { status: readiness.status === 'unavailable' ? 503 : 200 });
  };
}

function useRoutes(routes: Record<string, Route>): Plugin {
  return {
    async onRequest({ url, request, endResponse }) {
      const route = routes[url.pathname];
      if (route) endResponse(await route(request));
    },
  };
}

/**
 * Continues the trace the gateway started: the whole request runs in the context its `traceparent`
 * describes, so the OpenTelemetry plugin's spans become children of the gateway's fetch span.
 */
function useTraceParent(): Plugin<RequestContext> {
  return {
    instrumentation: {
      request: ({ request }, wrapped) => context.with(contextFromHeaders(request.headers), wrapped),
    },
  };
}

/**
 * Refuses any operation touching a non-public root field (including `_entities`) without a verified
 * caller: a subgraph never trusts that the gateway already checked.
 */
function useRequireToken(publicFields: Set<string>): Plugin<RequestContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (args.contextValue.principal) return;
      const operation = args.document.definitions.find(
        (d: DefinitionNode): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      const needsToken = operation?.selectionSet.selections.some((s: SelectionNode) => s.kind !== Kind.FIELD || !publicFields.has(s.name.value));
      if (needsToken) setResultAndStopExecution({ errors: [unauthenticated()] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      if (args.contextValue.principal) return;
      setResultAndStopExecution({ errors: [unauthenticated()] });
    },
  };
}
