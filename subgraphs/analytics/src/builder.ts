import { createSubgraphBuilder } from '@cip/platform';
import type { AnalyticsContext } from './context';

export const { builder, Money, toSchema } = createSubgraphBuilder<AnalyticsContext>();

builder.subscriptionType({});
