import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it). */
export type JsonSchema = Record<string, unknown>;

/** How each scalar is written in JSON. */
const scalars: Record<string, JsonSchema> = {
  ID: { type: 'string' },
  String: { type: 'string' },
  Boolean: { type: 'boolean' },
  Int: { type: 'integer', format: 'int32' },
  Float: { type: 'number' },
  DateTime: { type: 'string', format: 'date-time' },
  Cents: { type: 'integer', format: 'int64' },
  JSON: {},
};

const described = (schema: JsonSchema, description?: string | null) => (description ? { ...schema, description } : schema);

function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'], ...(Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {}) };
  return { anyOf: [schema, { type: 'null' }] };
}

function leafSchema(type: GraphQLNamedType): JsonSchema {
  if (isEnumType(type)) return described({ type: 'string', enum: type.getValues().map((value) => value.name) }, type.description);
  if (isScalarType(type)) return described(scalars[type.name] ?? { type: 'string' }, type.description);
  throw new Error(`${type.name} is not a leaf type`);
}

/** The JSON Schema of an input value (an argument or an input object field); input objects are components. */
export function inputSchema(type: GraphQLInputType, ref: (name: string) => JsonSchema): JsonSchema {
  const base = (inner: GraphQLInputType): JsonSchema => {
    if (isListType(inner)) return { type: 'array', items: inputSchema(inner.ofType, ref) };
    if (isInputObjectType(inner)) return ref(inner.name);
    return leafSchema(inner as GraphQLNamedType);
  };
  return isNonNullType(type) ? base(type.ofType) : nullable(base(type));
}

/** The component schema of an input object type. */
export function inputObjectSchema(type: GraphQLNamedType, ref: (name: string) => JsonSchema): JsonSchema {
  if (!isInputObjectType(type)) throw new Error(`${type.name} is not an input object type`);
  const fields = Object.values(type.getFields());
  const required = fields.filter((field) => isNonNullType(field.type) && field.defaultValue === undefined).map((field) => field.name);
  return described(
    {
      type: 'object',
      properties: Object.fromEntries(fields.map((field) => [field.name, described(inputSchema(field.type, ref), field.description)])),
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: false,
    },
    type.description,
  );
}

/**
 * The JSON Schema of what GraphQL returns for a selection: every selected key is present (aliases
 * included), nullable fields may be null, and nothing else appears.
 */
export function selectionSchema(
  type: GraphQLOutputType,
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode> = {},
): JsonSchema {
  const base = (inner: GraphQLOutputType): JsonSchema => {
    if (isListType(inner)) return { type: 'array', items: selectionSchema(inner.ofType, selectionSet, fragments) };
    const named = getNamedType(inner);
    if (!isObjectType(named)) return leafSchema(named);
    const fields = named.getFields();
    const properties: Record<string, JsonSchema> = {};
    const collect = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD) collect(fragments[selection.name.value]!.selectionSet);
        else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
        else if (selection.name.value === '__typename') properties[selection.alias?.value ?? '__typename'] = { type: 'string', const: named.name };
        else {
          const field = fields[selection.name.value]!;
          properties[selection.alias?.value ?? field.name] = {
            ...described(selectionSchema(field.type, selection.selectionSet, fragments), field.description),
            ...(field.deprecationReason ? { deprecated: true } : {}),
          };
        }
      }
    };
    if (selectionSet) collect(selectionSet);
    return described({ type: 'object', properties, required: Object.keys(properties), additionalProperties: false }, named.description);
  };
  return isNonNullType(type) ? base(type.ofType) : nullable(base(type));
}
