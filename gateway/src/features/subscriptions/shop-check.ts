import { getArgumentValues, getVariableValues, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { collectFields } from 'graphql/execution/collectFields.js';
import { canReadShop, type Principal } from '@cip/platform/core';

/**
 * The gateway's own tenancy check before anything is forwarded: every root field's `shopId` argument must
 * name a shop the caller may read. Root fields are collected as execution would collect them (fragments
 * spread, inline fragments and aliases flattened, `@skip`/`@include` applied) and their arguments coerced
 * with the variables, so no spelling of the operation reaches the subgraph unchecked. Returns the refused
 * shop id, if any.
 */
export function deniedShop(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
  principal: Principal | null,
): string | null {
  const root = schema.getSubscriptionType();
  if (!root) return null;
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  // Variables that do not coerce leave nothing to check against: refuse rather than guess.
  if (variables.errors) return '';
  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const fields = root.getFields();
  for (const nodes of collectFields(schema, fragments, variables.coerced, root, operation.selectionSet).values()) {
    for (const node of nodes) {
      const definition = fields[node.name.value];
      if (!definition?.args.some((arg) => arg.name === 'shopId')) continue;
      const shopId = getArgumentValues(definition, node, variables.coerced).shopId;
      if (typeof shopId !== 'string' || !canReadShop(principal, shopId)) return String(shopId ?? '');
    }
  }
  return null;
}
