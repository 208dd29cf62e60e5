import { createSubgraphBuilder } from '@cip/platform';
import type { InspectionsContext } from './context';

export const { builder, Money, toSchema } = createSubgraphBuilder<InspectionsContext>();

builder.mutationType({});
builder.subscriptionType({});
