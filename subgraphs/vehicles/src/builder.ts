import { createSubgraphBuilder } from '@cip/platform';
import type { VehiclesContext } from './context';

export const { builder, Money, toSchema } = createSubgraphBuilder<VehiclesContext>();

/** The schema types of this subgraph's builder, for helpers that take its refs. */
export type VehiclesTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

builder.mutationType({});
