import {
  getNamedType,
  isCompositeType,
  isIntrospectionType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  BREAK,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';

export interface CacheHint {
  /** Seconds a response may be served from a cache. */
  maxAge: number;
  /** PRIVATE: only to the caller it was computed for. Everything a staff user reads is private. */
  scope: 'PRIVATE' | 'PUBLIC';
}

/** Hints by schema coordinate: a type (`Shop`) or a field (`Query.shops`, `Shop.customers`). */
export type CacheHints = Record<string, CacheHint>;

export type CachePolicy = CacheHint;

const entityUnion = '_Entity';

/**
 * The cache policy of one operation, by the rules Apollo's cache control uses: every root field, every
 * field returning an object, interface or union, and every fragment on an entity type must be hinted
 * (by its coordinate, else by the type it returns), or the operation is not cacheable; leaf fields
 * inherit unless their coordinate is hinted. The policy is the smallest maxAge and the narrowest scope
 * met. Mutations, subscriptions and introspection are never cacheable.
 */
export function cachePolicyOf(schema: GraphQLSchema, hints: CacheHints, document: DocumentNode, operationName?: string | null): CachePolicy | null {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation || operation.operation !== 'query') return null;
  let policy: CachePolicy | null = { maxAge: Number.POSITIVE_INFINITY, scope: 'PUBLIC' };
  const restrict = (hint: CacheHint | undefined) => {
    if (!hint || hint.maxAge <= 0 || !policy) {
      policy = null;
      return;
    }
    policy = { maxAge: Math.min(policy.maxAge, hint.maxAge), scope: hint.scope === 'PRIVATE' ? 'PRIVATE' : policy.scope };
  };
  const typeInfo = new TypeInfo(schema);
  const rootType = schema.getQueryType();
  const fragmentsUsed = new Set<string>();
  const walk = (node: DocumentNode | OperationDefinitionNode | DocumentNode['definitions'][number]) =>
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const parent = typeInfo.getParentType();
          const definition = typeInfo.getFieldDef();
          if (field.name.value === '__typename') return;
          if (!parent || !definition) return void restrict(undefined);
          const returned = getNamedType(definition.type);
          if (isIntrospectionType(returned) || field.name.value.startsWith('__')) return void restrict(undefined);
          const coordinate = hints[`${parent.name}.${definition.name}`];
          // Entity references (`_entities`) take the policy of the entity types their fragments name.
          if (coordinate) restrict(coordinate);
          else if (returned.name === entityUnion) return;
          else if (parent === rootType || isCompositeType(returned)) restrict(isCompositeType(returned) ? hints[returned.name] : undefined);
          if (!policy) return BREAK;
        },
        InlineFragment(fragment) {
          if (fragment.typeCondition) restrict(hints[fragment.typeCondition.name.value]);
          if (!policy) return BREAK;
        },
        FragmentSpread(spread) {
          fragmentsUsed.add(spread.name.value);
        },
      }),
    );
  walk(operation);
  for (const definition of document.definitions) {
    if (!policy) break;
    if (definition.kind === Kind.FRAGMENT_DEFINITION && fragmentsUsed.has(definition.name.value)) {
      restrict(hints[definition.typeCondition.name.value]);
      walk(definition);
    }
  }
  const decided = policy as CachePolicy | null;
  return decided && Number.isFinite(decided.maxAge) ? decided : null;
}

/** Throws at start-up on a hint naming a type or field the schema does not have. */
export function checkCacheHints(schema: GraphQLSchema, hints: CacheHints): void {
  for (const coordinate of Object.keys(hints)) {
    const [typeName, fieldName] = coordinate.split('.');
    const type = schema.getType(typeName!);
    const known = type && (!fieldName || ('getFields' in type && fieldName in (type.getFields() as Record<string, unknown>)));
    if (!known) throw new Error(`cache hint for unknown schema coordinate "${coordinate}"`);
  }
}

/**
 * Sends `Cache-Control: private, max-age=N` (or `public`) on query responses whose every field is hinted,
 * and nothing otherwise. The gateway folds these headers of every subgraph it called into the policy of
 * the whole response, so a response is cacheable only if each subgraph said so.
 */
export function useCacheControl(schema: GraphQLSchema, hints: CacheHints): Plugin {
  checkCacheHints(schema, hints);
  const policies = new WeakMap<DocumentNode, Map<string, CachePolicy | null>>();
  const decided = new WeakMap<Request, CachePolicy>();
  const policyFor = (document: DocumentNode, operationName?: string | null) => {
    let byName = policies.get(document);
    if (!byName) policies.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (!byName.has(key)) byName.set(key, cachePolicyOf(schema, hints, document, operationName));
    return byName.get(key)!;
  };
  return {
    onExecute({ args }) {
      const policy = policyFor(args.document, args.operationName);
      if (!policy) return;
      const request = (args.contextValue as YogaInitialContext).request;
      return {
        onExecuteDone({ result }) {
          if ('errors' in result && result.errors?.length) return;
          decided.set(request, policy);
        },
      };
    },
    onResponse({ request, response }) {
      const policy = decided.get(request);
      if (policy && response.status === 200) response.headers.set('cache-control', `${policy.scope.toLowerCase()}, max-age=${policy.maxAge}`);
    },
  };
}
