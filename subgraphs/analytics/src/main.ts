import { runSubgraph } from '@cip/platform';
import { analyticsSubgraph } from './app';

await runSubgraph(analyticsSubgraph);
