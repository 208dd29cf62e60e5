import { runSubgraph } from '@cip/platform';
import { partnersSubgraph } from './app';

await runSubgraph(partnersSubgraph);
