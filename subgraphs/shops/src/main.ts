import { runSubgraph } from '@cip/platform';
import { shopsSubgraph } from './app';

await runSubgraph(shopsSubgraph);
