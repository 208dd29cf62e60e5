import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export interface ComplexityLimits {
  maxDepth: number;
  maxCost: number;
}

export const defaultComplexityLimits: ComplexityLimits = { maxDepth: 12, maxCost: 5_000 };

/** Pages are assumed this long when a list field names no `first`/`limit`. */
const assumedListSize = 1;

/**
 * Depth (fields nested in fields) and cost of an operation: every field costs 1, and a field paged with
 * `first`/`limit` multiplies the cost of what it selects by that page size.
 */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  const pageSize = (args: readonly { name: { value: string }; value: import('graphql').ValueNode }[] = []) => {
    for (const arg of args) {
      if (arg.name.value !== 'first' && arg.name.value !== 'limit') continue;
      const value = arg.value.kind === Kind.INT ? Number(arg.value.value) : arg.value.kind === Kind.VARIABLE ? Number(variables[arg.value.name.value]) : NaN;
      if (Number.isFinite(value) && value > 0) return value;
    }
    return assumedListSize;
  };

  const walk = (set: SelectionSetNode, visiting: Set<string>): { depth: number; cost: number } => {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const inner = selection.selectionSet ? walk(selection.selectionSet, visiting) : { depth: 0, cost: 0 };
        depth = Math.max(depth, inner.depth + 1);
        cost += 1 + pageSize(selection.arguments) * inner.cost;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = walk(selection.selectionSet, visiting);
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        const inner = walk(fragment.selectionSet, new Set([...visiting, name]));
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
      }
    }
    return { depth, cost };
  };

  return walk(operation.selectionSet, new Set());
}
