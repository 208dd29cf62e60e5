import { getNamedType, isInputObjectType, isNonNullType, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { inputObjectSchema, inputSchema, selectionSchema, type JsonSchema } from './json-schema';
import { isJsonArgument, type RestRoute } from './routes';

/** The refusals every route may answer, with the codes each carries. */
export const refusals = {
  400: { name: 'BadRequest', description: 'The arguments do not fit (`BAD_USER_INPUT`, `QUERY_TOO_COMPLEX`, a VIN error code).' },
  401: { name: 'Unauthenticated', description: 'No valid token or API key was sent, or this route needs one (`UNAUTHENTICATED`).' },
  403: { name: 'Forbidden', description: 'The caller may not do this (`FORBIDDEN`); a partner API key calls only the `/partner-operations/…` routes (`PERSISTED_QUERY_NOT_ALLOWED`).' },
  404: { name: 'NotFound', description: 'Nothing with that id exists for the caller; another organization’s ids answer the same (`NOT_FOUND`).' },
  409: { name: 'Conflict', description: 'The change does not fit the current state (`CONFLICT`, `INVALID_TRANSITION`, `PERIOD_CLOSED`).' },
  429: { name: 'RateLimited', description: 'The quota is used up (`RATE_LIMITED`); `Retry-After` says when to try again.' },
} as const;

const refName = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function summaryOf(description: string | null | undefined, fallback: string) {
  const sentence = (description ?? '').split(/(?<=\.)\s/)[0]?.trim().replace(/\.$/, '');
  if (!sentence) return fallback;
  return sentence.length <= 100 ? sentence : `${sentence.slice(0, 97).replace(/\s+\S*$/, '')}…`;
}

const humanize = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

/** The input object types an argument refers to, transitively: each becomes a component schema. */
function collectInputs(type: GraphQLNamedType, into: Map<string, GraphQLNamedType>) {
  if (!isInputObjectType(type) || into.has(type.name)) return;
  into.set(type.name, type);
  for (const field of Object.values(type.getFields())) collectInputs(getNamedType(field.type), into);
}

function operationOf(route: RestRoute) {
  const field = route.field;
  const body = route.args.filter((a) => a.place === 'body');
  const parameters = route.args
    .filter((a) => a.place !== 'body')
    .map((a) => {
      const schema = inputSchema(a.arg.type, refName);
      const required = a.place === 'path' || (isNonNullType(a.arg.type) && a.arg.defaultValue === undefined);
      return {
        name: a.name,
        in: a.place,
        required,
        ...(a.arg.description ? { description: a.arg.description } : {}),
        ...(isJsonArgument(a) ? { content: { 'application/json': { schema } } } : { schema, ...(schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array')) ? { style: 'form', explode: true } : {}) }),
      };
    });
  const description = route.partnerHash
    ? `The published partner operation \`${route.operation.name!.value}\` (${field.description ?? humanize(field.name)}). Partner API keys call these routes only.`
    : (field.description ?? humanize(field.name));
  const response = selectionSchema(field.type, (route.operation.selectionSet.selections[0] as { selectionSet?: OperationDefinitionNode['selectionSet'] }).selectionSet, route.fragments);
  return {
    operationId: route.operationId,
    summary: route.partnerHash ? `Partner operation ${route.operation.name!.value}` : summaryOf(field.description, humanize(field.name)),
    description,
    tags: [route.partnerHash ? 'Partner operations' : route.method === 'get' ? 'Queries' : 'Mutations'],
    ...(field.deprecationReason && !route.partnerHash ? { deprecated: true } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body.length > 0
      ? {
          requestBody: {
            required: body.some((a) => isNonNullType(a.arg.type) && a.arg.defaultValue === undefined),
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: Object.fromEntries(body.map((a) => [a.name, { ...inputSchema(a.arg.type, refName), ...(a.arg.description ? { description: a.arg.description } : {}) }])),
                  required: body.filter((a) => isNonNullType(a.arg.type) && a.arg.defaultValue === undefined).map((a) => a.name),
                  additionalProperties: false,
                },
              },
            },
          },
        }
      : {}),
    responses: {
      200: { description: `What \`${field.name}\` returns.`, content: { 'application/json': { schema: response } } },
      ...Object.fromEntries(Object.entries(refusals).map(([status, { name }]) => [status, { $ref: `#/components/responses/${name}` }])),
    },
  };
}

/**
 * The OpenAPI 3.1 document of the REST routes: each route's response schema is derived from the very
 * operation it runs, so a nested entity is documented as the `{ id }` it is returned as, and every
 * nullable field as nullable.
 */
export function openApiDocument(schema: GraphQLSchema, routes: RestRoute[], basePath: string) {
  const inputs = new Map<string, GraphQLNamedType>();
  for (const route of routes) for (const a of route.args) collectInputs(getNamedType(a.arg.type), inputs);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method]: operationOf(route) };
    const pathArg = route.args.find((a) => a.place === 'path');
    if (pathArg && !pathArg.arg.description) {
      const operation = paths[route.path]![route.method] as { parameters: { name: string; description?: string }[] };
      operation.parameters.find((p) => p.name === pathArg.name)!.description = 'The id of what to read.';
    }
  }
  const error = {
    type: 'object',
    description: 'A refusal: one or more errors, each with a message for people and a code for programs.',
    properties: {
      errors: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            message: { type: 'string' },
            path: { type: 'array', items: { type: ['string', 'integer'] } },
            extensions: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'], additionalProperties: false },
          },
          required: ['message', 'extensions'],
          additionalProperties: false,
        },
      },
    },
    required: ['errors'],
    additionalProperties: false,
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Courtesy Inspection Platform REST API',
      version: '1',
      description:
        'Generated from the GraphQL schema: one route per root query (`GET`) and mutation (`POST`, arguments in the JSON body), and one per published partner operation. A nested entity is returned as a reference `{ "id": … }`; read it from its own route. Authenticate with `Authorization: Bearer <token>`, or as a partner with `X-Api-Key` (partner keys call only the `/partner-operations/…` routes). See docs/integration.md.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: basePath, description: 'The gateway that serves this document.' }],
    tags: [
      { name: 'Queries', description: 'Reads: one per root query field.' },
      { name: 'Mutations', description: 'Changes: one per root mutation field, arguments in the JSON body.' },
      { name: 'Partner operations', description: 'The published partner operations, the only routes a partner API key may call.' },
    ],
    security: [{ bearer: [] }, { apiKey: [] }, {}],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A staff access token (from `login`) or a customer share-link token.' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'A partner API key.' },
      },
      schemas: {
        Error: error,
        ...Object.fromEntries([...inputs.values()].sort((a, b) => a.name.localeCompare(b.name)).map((type) => [type.name, inputObjectSchema(type, refName)])),
      } as Record<string, JsonSchema>,
      responses: Object.fromEntries(
        Object.values(refusals).map(({ name, description }) => [
          name,
          {
            description,
            ...(name === 'RateLimited' ? { headers: { 'Retry-After': { description: 'Seconds until the quota allows another call.', schema: { type: 'integer' } } } } : {}),
            content: { 'application/json': { schema: refName('Error') } },
          },
        ]),
      ),
    },
  };
}
