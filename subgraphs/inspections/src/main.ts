import { runSubgraph } from '@cip/platform';
import { inspectionsSubgraph } from './app';

await runSubgraph(inspectionsSubgraph);
