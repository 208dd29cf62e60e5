import { createSubgraphBuilder } from '@cip/platform';
import type { VehiclesContext } from './context';

export const { builder, Money, toSchema } = createSubgraphBuilder<VehiclesContext>();

builder.mutationType({});
