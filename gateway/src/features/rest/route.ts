import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { isObjectType, isScalarType, print, specifiedScalarTypes, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createSofa, createSofaRouter } from 'sofa-api';
import { ErrorCode } from '@cip/platform';
import type { GatewayContext } from '../../context';
import { sendJson } from '../../http-adapter';
import type { GatewayHandle, GatewayRoute } from '../feature';
import { allowGeneratedOperation } from '../persisted-operations/plugin';
import { deprecationHeaders } from './deprecation';

/**
 * The schema routes are generated from: subscriptions are left to webhooks, and nested fields that take
 * arguments (pages, filters, periods) are left out of a route's response, since a route cannot supply them;
 * that data has a route of its own or stays with GraphQL.
 */
function routableSchema(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  return mapSchema(schema, {
    [MapperKind.SUBSCRIPTION]: () => null,
    [MapperKind.COMPOSITE_FIELD]: (field, _name, typeName) => (!roots.has(typeName) && Object.keys(field.args ?? {}).length > 0 ? null : field),
  });
}

/** Every type with an `id` is an entity: nested in a response it is a reference `{ id }`, fetched by its own route. */
const entityTypes = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__') && 'id' in type.getFields())
    .map((type) => type.name);

/** OpenAPI schemas of the custom scalars (sofa refers to them by name). */
const scalarSchemas = (schema: GraphQLSchema) => {
  const builtIn = new Set(specifiedScalarTypes.map((t) => t.name));
  const known: Record<string, object> = { DateTime: { type: 'string', format: 'date-time' }, Cents: { type: 'integer', format: 'int64' } };
  return Object.fromEntries(
    Object.values(schema.getTypeMap())
      .filter((type) => isScalarType(type) && !builtIn.has(type.name) && !type.name.startsWith('_') && !type.name.includes('__'))
      .map((type) => [type.name, { ...(known[type.name] ?? { type: 'string' }), ...(type.description ? { description: type.description } : {}) }]),
  );
};

interface RestRequestState {
  context: GatewayContext;
  headers: Record<string, string>;
}

/**
 * The REST surface generated from the API schema by SOFA: every root field is a route under `basePath`
 * (OpenAPI at `<basePath>/openapi.json`). Each call is one GraphQL operation run through the gateway's own
 * pipeline, so it is authenticated, counted against quotas and limited exactly like `/graphql`.
 */
export function restRoute(gateway: GatewayHandle, basePath: string): GatewayRoute {
  let router: ReturnType<typeof createSofaRouter> | undefined;
  let schemaOfRouter: GraphQLSchema | undefined;
  const states = new WeakMap<GatewayContext, RestRequestState>();

  const routerFor = () => {
    const schema = gateway.supergraph().apiSchema;
    if (router && schemaOfRouter === schema) return router;
    schemaOfRouter = schema;
    const routable = routableSchema(schema);
    const sofa = createSofa({
      basePath,
      schema: routable,
      customScalars: scalarSchemas(routable),
      context: ((serverContext: { gatewayContext: GatewayContext }) => serverContext.gatewayContext) as never,
      execute: (async (args: ExecutionArgs): Promise<ExecutionResult> => {
        const context = args.contextValue as GatewayContext;
        Object.assign(states.get(context)?.headers ?? {}, deprecationHeaders(schema, args.document));
        allowGeneratedOperation(context);
        const response = await gateway.execute(
          { query: print(args.document), variables: (args.variableValues ?? {}) as Record<string, unknown>, operationName: args.operationName ?? undefined },
          context,
        );
        if (response.body.kind !== 'single') throw new Error('REST routes run single-result operations only.');
        const status = response.http.status;
        const errors = response.body.singleResult.errors?.map((error) => ({ ...error, extensions: { ...error.extensions, ...(status ? { http: { status } } : {}) } }));
        return { ...response.body.singleResult, ...(errors ? { errors } : {}) } as ExecutionResult;
      }) as never,
      openAPI: {
        info: {
          title: 'Courtesy Inspection Platform REST API',
          version: '1',
          description: 'Generated from the GraphQL schema: one route per root field. Authenticate with `Authorization: Bearer <token>` or `X-Api-Key`.',
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
          },
        },
        security: [{ bearer: [] }, { apiKey: [] }],
      } as never,
    });
    sofa.models = entityTypes(routable);
    router = createSofaRouter(sofa);
    return router;
  };

  return {
    matches: (pathname) => pathname === basePath || pathname.startsWith(`${basePath}/`),
    async handle(req: IncomingMessage, res: ServerResponse) {
      let context: GatewayContext;
      try {
        context = await gateway.contextFor(req.headers);
      } catch (error) {
        const message = error instanceof Error ? error.message : 'A valid access token or API key is required.';
        return sendJson(res, 401, { errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
      }
      const url = `http://${req.headers.host ?? 'gateway'}${req.url ?? '/'}`;
      const method = req.method ?? 'GET';
      const request = new Request(url, {
        method,
        headers: Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]])),
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: Readable.toWeb(req) as never, duplex: 'half' }),
      } as RequestInit);
      const state: RestRequestState = { context, headers: {} };
      states.set(context, state);
      const response = await routerFor().fetch(request, { gatewayContext: context } as never);
      res.statusCode = response.status;
      response.headers.forEach((value, key) => res.setHeader(key, value));
      for (const [key, value] of context.responseHeaders) res.setHeader(key, value);
      for (const [key, value] of Object.entries(state.headers)) res.setHeader(key, value);
      res.end(Buffer.from(await response.arrayBuffer()));
    },
  };
}
