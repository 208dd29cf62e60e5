import { buildOperationContext } from '@apollo/gateway';
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import { Kind, parse, print, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/** How the gateway runs one subscription operation: the subgraph fetch that streams, and what to fetch per event. */
export interface SubscriptionPlan {
  /** The root field forwarded as a subscription to the subgraph that owns it. */
  primary: FetchNode;
  /** Fetches from other subgraphs that complete each event (entity lookups by key), if the selection needs any. */
  rest?: PlanNode;
  /**
   * True when the subgraph is asked for exactly the caller's selection and nothing else is fetched: its
   * events are already the answer, and the per-event plan execution (and its result shaping) is skipped.
   */
  passThrough: boolean;
  operationContext: ReturnType<typeof buildOperationContext>;
}

/**
 * Plans subscriptions with the same query planner and supergraph the gateway uses for queries: the
 * planner already knows how to split a subscription into a primary fetch and the entity fetches that
 * follow it (`SubscriptionNode`). Plans are cached per operation text.
 */
export class SubscriptionPlanner {
  readonly supergraphSchema: GraphQLSchema;
  readonly apiSchema: Schema;
  readonly apiGraphQLSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly cache = new Map<string, SubscriptionPlan>();

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.apiSchema = supergraph.apiSchema();
    this.apiGraphQLSchema = this.apiSchema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  plan(document: DocumentNode, operationName?: string | null): SubscriptionPlan {
    const key = `${operationName ?? ''}\n${print(document)}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const operation = operationFromDocument(this.apiSchema, document, { operationName: operationName ?? undefined });
    const plan = this.planner.buildQueryPlan(operation);
    if (plan.node?.kind !== 'Subscription') throw new Error('not a subscription operation');
    const result: SubscriptionPlan = {
      primary: plan.node.primary,
      rest: plan.node.rest,
      passThrough: !plan.node.rest && sameSelection(document, operationName, plan.node.primary.operation),
      operationContext: buildOperationContext({ schema: this.apiGraphQLSchema, operationDocument: document, operationName: operationName ?? undefined }),
    };
    if (this.cache.size > 1_000) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }
}

function sameSelection(document: DocumentNode, operationName: string | null | undefined, subgraphOperation: string): boolean {
  if (document.definitions.some((d) => d.kind === Kind.FRAGMENT_DEFINITION)) return false;
  const ours = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  const theirs = parse(subgraphOperation).definitions[0] as OperationDefinitionNode;
  return Boolean(ours) && print(ours!.selectionSet) === print(theirs.selectionSet);
}
