import {
  getNamedType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  typeFromAST,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** Where a route reads an argument from: the path (`{id}`), the query string, or the JSON body (mutations). */
export type ArgumentPlace = 'path' | 'query' | 'body';

export interface RestArgument {
  name: string;
  place: ArgumentPlace;
  arg: Pick<GraphQLArgument, 'name' | 'type' | 'description' | 'defaultValue' | 'deprecationReason'>;
}

/** One REST route: a GraphQL operation with its arguments mapped onto HTTP. */
export interface RestRoute {
  method: 'get' | 'post';
  /** The OpenAPI path under the base path, e.g. `/shop/{id}`. */
  path: string;
  operationId: string;
  /** The root field it reads or changes; its value is the response body. */
  rootField: string;
  /** The operation's text, run through the gateway's own pipeline. */
  document: string;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  rootType: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  args: RestArgument[];
  /** A published partner operation (run by its hash): the only routes a partner API key may call. */
  partnerHash?: string;
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** Types with an `id` are entities: nested in a response they are references `{ id }`, read by their own route. */
const isEntity = (type: GraphQLObjectType) => 'id' in type.getFields();

/**
 * Every field of a type that a route can return: leaves, entities as `{ id }`, other objects in full.
 * Fields that take arguments (pages, filters, periods) are left out; a route cannot supply them.
 */
function selectionOf(type: GraphQLObjectType, seen: Set<string>): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.length > 0) continue;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) parts.push(field.name);
    else if (isEntity(named)) parts.push(`${field.name} { id }`);
    else if (!seen.has(named.name)) {
      const nested = selectionOf(named, new Set([...seen, named.name]));
      if (nested) parts.push(`${field.name} ${nested}`);
    }
  }
  return parts.length > 0 ? `{ ${parts.join(' ')} }` : '';
}

const variableType = (arg: GraphQLArgument) => arg.type.toString();

function fieldRoute(schema: GraphQLSchema, rootType: GraphQLObjectType, field: GraphQLField<unknown, unknown>): RestRoute {
  const isMutation = rootType === schema.getMutationType();
  const idArg = !isMutation ? field.args.find((arg) => arg.name === 'id' && isNonNullType(arg.type)) : undefined;
  const args: RestArgument[] = field.args.map((arg) => ({ name: arg.name, place: isMutation ? 'body' : arg === idArg ? 'path' : 'query', arg }));
  const named = getNamedType(field.type);
  const selection = isObjectType(named) ? selectionOf(named, new Set([named.name])) : '';
  const operationName = field.name.charAt(0).toUpperCase() + field.name.slice(1);
  const variables = field.args.length > 0 ? `(${field.args.map((arg) => `$${arg.name}: ${variableType(arg)}`).join(', ')})` : '';
  const passed = field.args.length > 0 ? `(${field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  const document = `${isMutation ? 'mutation' : 'query'} ${operationName}${variables} { ${field.name}${passed} ${selection} }`;
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  return {
    method: isMutation ? 'post' : 'get',
    path: `/${kebab(field.name)}${idArg ? '/{id}' : ''}`,
    operationId: field.name,
    rootField: field.name,
    document,
    operation,
    fragments: {},
    rootType,
    field,
    args,
  };
}

/** A published partner operation as a route `/partner-operations/<operation-name>`, with its variables as arguments. */
function partnerRoute(schema: GraphQLSchema, hash: string, document: string): RestRoute | null {
  const parsed = parse(document);
  const operations = parsed.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  if (operations.length !== 1 || !operation?.name || operation.operation === 'subscription') return null;
  const rootFields = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD);
  if (rootFields.length !== 1 || rootFields[0]!.kind !== Kind.FIELD) return null;
  const rootType = (operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType())!;
  const field = rootType.getFields()[rootFields[0]!.name.value];
  if (!field) return null;
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const isMutation = operation.operation === 'mutation';
  const args: RestArgument[] = (operation.variableDefinitions ?? []).map((definition) => {
    const name = definition.variable.name.value;
    const fieldArg = field.args.find((arg) => rootFields[0]!.kind === Kind.FIELD && rootFields[0]!.arguments?.some((a) => a.name.value === arg.name && a.value.kind === Kind.VARIABLE && a.value.name.value === name));
    const type = typeFromAST(schema, definition.type as never) as GraphQLArgument['type'];
    return {
      name,
      place: isMutation ? 'body' : name === 'id' && isNonNullType(type) ? 'path' : 'query',
      arg: { name, type, description: fieldArg?.description, defaultValue: undefined, deprecationReason: undefined },
    };
  });
  return {
    method: isMutation ? 'post' : 'get',
    path: `/partner-operations/${kebab(operation.name.value)}${args.some((a) => a.place === 'path') ? '/{id}' : ''}`,
    operationId: `partner${operation.name.value}`,
    rootField: rootFields[0]!.alias?.value ?? field.name,
    document,
    operation,
    fragments,
    rootType,
    field,
    args,
    partnerHash: hash,
  };
}

/**
 * The REST surface of a schema: one route per root query and mutation field (subscriptions are
 * webhooks), plus one per published partner operation. Both the router and the OpenAPI document are
 * built from this one list, so the document describes exactly what the routes return.
 */
export function restRoutes(schema: GraphQLSchema, partnerOperations: Map<string, string> = new Map()): RestRoute[] {
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((type): type is GraphQLObjectType => Boolean(type));
  const fieldRoutes = roots.flatMap((rootType) => Object.values(rootType.getFields()).map((field) => fieldRoute(schema, rootType, field)));
  const partner = [...partnerOperations].map(([hash, document]) => partnerRoute(schema, hash, document)).filter((route): route is RestRoute => route !== null);
  return [...fieldRoutes, ...partner];
}

/** True for an argument the query string carries as JSON (an input object). */
export const isJsonArgument = (arg: RestArgument) => isInputObjectType(getNamedType(arg.arg.type));

/** The published partner operations (hash → text) of a persisted-operations manifest. */
export const partnerOperationsOf = (manifest: { documents: Map<string, string>; partnerHashes: Set<string> }) =>
  new Map([...manifest.partnerHashes].map((hash) => [hash, manifest.documents.get(hash)!]));
