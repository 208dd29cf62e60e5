import { createSubgraphBuilder } from '@cip/platform';
import type { PartnersContext } from './context';

export const { builder, Money, toSchema } = createSubgraphBuilder<PartnersContext>();

builder.mutationType({});
