import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { peerSettings } from './supergraph';

/**
 * Hive Gateway as a peer in `npm run bench -- peers`, with its defaults but for: the gateway credential the
 * subgraphs require and the caller's `authorization` sent on, `HIVE_DEDUPLICATE=false` to turn off its
 * deduplication of identical subgraph requests, and `HIVE_PLANNER=rust` for its Rust query planner.
 */
const { port, gatewaySecret, supergraphSdl } = peerSettings();
const deduplicate = process.env.HIVE_DEDUPLICATE !== 'false';

const gateway = createGatewayRuntime({
  supergraph: supergraphSdl,
  logging: false,
  transportEntries: {
    '*.http': { headers: [['gateway-authorization', gatewaySecret]], options: { deduplicateInflightRequests: deduplicate } },
  },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
  ...(process.env.HIVE_PLANNER === 'rust' ? { unifiedGraphHandler } : {}),
});
const server = createServer(gateway).listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(async () => {
  await gateway.dispose();
  process.exit(0);
}));
