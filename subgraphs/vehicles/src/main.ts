import { runSubgraph } from '@cip/platform';
import { vehiclesSubgraph } from './app';

await runSubgraph(vehiclesSubgraph);
