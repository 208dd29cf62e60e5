import type { IncomingMessage, ServerResponse } from 'node:http';
import { getNamedType, isListType, isNonNullType, parse, type GraphQLFormattedError, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '@cip/platform/core';
import type { GatewayContext } from '../../context';
import { readBody, RequestError, sendJson } from '../../http-adapter';
import type { GatewayHandle, GatewayRoute } from '../feature';
import { deprecationHeaders } from './deprecation';
import { openApiDocument } from './openapi';
import { isJsonArgument, restRoutes, type RestArgument, type RestRoute } from './routes';

/** The HTTP status of a refusal, by its error code; anything unlisted is a server error. */
const statusOf: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.INVALID_VIN_LENGTH]: 400,
  [ErrorCode.INVALID_VIN_CHARACTER]: 400,
  [ErrorCode.CHECK_DIGIT_MISMATCH]: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.PERSISTED_QUERY_NOT_ALLOWED]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.INVALID_TRANSITION]: 409,
  [ErrorCode.PERIOD_CLOSED]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
};

class Refusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const refusalBody = (errors: { message: string; code: string; path?: readonly (string | number)[] }[]) => ({
  errors: errors.map(({ message, code, path }) => ({ message, ...(path ? { path } : {}), extensions: { code } })),
});

/** Reads one query-string value as the argument's GraphQL type wants it. */
function fromQuery(values: string[], type: GraphQLInputType, argument: RestArgument): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isJsonArgument(argument)) {
    try {
      return JSON.parse(values[0]!);
    } catch {
      throw new Refusal(400, ErrorCode.BAD_USER_INPUT, `${argument.name}: not valid JSON.`);
    }
  }
  if (isListType(inner)) return values.map((value) => fromQuery([value], inner.ofType, argument));
  const value = values[0]!;
  switch (getNamedType(inner).name) {
    case 'Int':
    case 'Cents':
      if (!/^-?\d+$/.test(value)) throw new Refusal(400, ErrorCode.BAD_USER_INPUT, `${argument.name}: expected an integer.`);
      return Number(value);
    case 'Float':
      if (Number.isNaN(Number(value)) || value.trim() === '') throw new Refusal(400, ErrorCode.BAD_USER_INPUT, `${argument.name}: expected a number.`);
      return Number(value);
    case 'Boolean':
      if (value !== 'true' && value !== 'false') throw new Refusal(400, ErrorCode.BAD_USER_INPUT, `${argument.name}: expected true or false.`);
      return value === 'true';
    default:
      return value;
  }
}

async function variablesOf(route: RestRoute, req: IncomingMessage, url: URL, pathId: string | undefined) {
  const variables: Record<string, unknown> = {};
  let body: Record<string, unknown> = {};
  if (route.method === 'post') {
    const text = await readBody(req);
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      throw new Refusal(400, ErrorCode.BAD_USER_INPUT, 'The body is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Refusal(400, ErrorCode.BAD_USER_INPUT, 'The body must be a JSON object of the arguments.');
    const unknown = Object.keys(body).filter((key) => !route.args.some((a) => a.name === key));
    if (unknown.length > 0) throw new Refusal(400, ErrorCode.BAD_USER_INPUT, `Unknown arguments: ${unknown.join(', ')}.`);
  }
  for (const argument of route.args) {
    if (argument.place === 'path') variables[argument.name] = pathId;
    else if (argument.place === 'body') {
      if (argument.name in body) variables[argument.name] = body[argument.name];
    } else {
      const values = url.searchParams.getAll(argument.name);
      if (values.length > 0) variables[argument.name] = fromQuery(values, argument.arg.type, argument);
    }
  }
  return variables;
}

const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new Refusal(400, ErrorCode.BAD_USER_INPUT, 'The path is not validly percent-encoded.');
  }
};

/** The route for a method and path, and the `{id}` it carries; a fixed path wins over a templated one. */
function match(routes: RestRoute[], method: string, path: string): { route: RestRoute; id?: string } | 'wrong-method' | null {
  const fixed = routes.filter((route) => route.path === path);
  const templated = routes.flatMap((route) => {
    const prefix = route.path.endsWith('/{id}') ? route.path.slice(0, -'/{id}'.length) : undefined;
    const id = prefix && path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : '';
    return id && !id.includes('/') ? [{ route, id: decoded(id) }] : [];
  });
  const candidates = fixed.length > 0 ? fixed.map((route) => ({ route })) : templated;
  return candidates.find((c) => c.route.method === method) ?? (candidates.length > 0 ? 'wrong-method' : null);
}

/**
 * The REST surface: every root field is a route under `basePath` and every published partner operation
 * one under `<basePath>/partner-operations/`, with the OpenAPI document at `<basePath>/openapi.json`. Each call is one
 * GraphQL operation run through the gateway's own pipeline (authentication, quotas, limits), and a
 * refusal answers with its HTTP status and code.
 */
export function restRoute(gateway: GatewayHandle, basePath: string, partnerOperations: () => Map<string, string>): GatewayRoute {
  let built: { schema: GraphQLSchema; routes: RestRoute[]; document: unknown; deprecations: Map<RestRoute, Record<string, string>> } | undefined;
  const current = () => {
    const schema = gateway.supergraph().apiSchema;
    if (built?.schema !== schema) {
      const routes = restRoutes(schema, partnerOperations());
      const deprecations = new Map(routes.map((route) => [route, deprecationHeaders(schema, parse(route.document))]));
      built = { schema, routes, document: openApiDocument(schema, routes, basePath), deprecations };
    }
    return built;
  };

  return {
    matches: (pathname) => pathname === basePath || pathname.startsWith(`${basePath}/`),
    async handle(req: IncomingMessage, res: ServerResponse) {
      const url = new URL(req.url ?? '/', 'http://gateway');
      const path = url.pathname.slice(basePath.length) || '/';
      const method = (req.method ?? 'GET').toLowerCase();
      let context: GatewayContext | undefined;
      try {
        const { routes, document, deprecations } = current();
        if (path === '/openapi.json' && method === 'get') return sendJson(res, 200, document);
        const found = match(routes, method, path);
        if (found === 'wrong-method') throw new Refusal(405, ErrorCode.BAD_USER_INPUT, `${req.method} is not allowed on ${path}.`);
        if (!found) throw new Refusal(404, ErrorCode.NOT_FOUND, `No REST route ${path}; see ${basePath}/openapi.json.`);
        const { route, id } = found;
        context = await gateway.contextFor(req.headers, req.socket.remoteAddress ?? '').catch(() => {
          throw new Refusal(401, ErrorCode.UNAUTHENTICATED, 'The access token or API key is not valid.');
        });
        if (context.principal?.kind === 'partner' && !route.partnerHash) {
          throw new Refusal(403, ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, `API keys may call only the published partner operations (${basePath}/partner-operations/…).`);
        }
        const variables = await variablesOf(route, req, url, id);
        const response = await gateway.execute(
          {
            query: route.document,
            variables,
            operationName: route.operation.name!.value,
            ...(route.partnerHash ? { extensions: { persistedQuery: { version: 1, sha256Hash: route.partnerHash } } } : {}),
          },
          context,
        );
        for (const [key, value] of context.responseHeaders) res.setHeader(key, value);
        if (response.body.kind !== 'single') throw new Error('REST routes run single-result operations only.');
        const { data, errors } = response.body.singleResult;
        const value = (data as Record<string, unknown> | null | undefined)?.[route.rootField];
        if (errors?.length && (value === null || value === undefined)) {
          const first = errors[0] as GraphQLFormattedError;
          const code = String(first.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
          const status = statusOf[code] ?? 500;
          return sendJson(res, status, refusalBody(errors.map((e) => ({ message: e.message, code: String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR), path: e.path }))));
        }
        return sendJson(res, 200, value ?? null, deprecations.get(route));
      } catch (error) {
        if (context) for (const [key, value] of context.responseHeaders) res.setHeader(key, value);
        if (error instanceof Refusal) return sendJson(res, error.status, refusalBody([{ message: error.message, code: error.code }]));
        if (error instanceof RequestError) return sendJson(res, error.status, refusalBody([{ message: error.message, code: ErrorCode.BAD_USER_INPUT }]));
        throw error;
      }
    },
  };
}
