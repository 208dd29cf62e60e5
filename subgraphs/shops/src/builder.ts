import { createSubgraphBuilder } from '@cip/platform';
import type { ShopsContext } from './context';

export const { builder, Money, toSchema } = createSubgraphBuilder<ShopsContext>();

builder.mutationType({});
builder.subscriptionType({});
