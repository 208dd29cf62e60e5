import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { peerSettings } from './supergraph';

/**
 * Bare Apollo Gateway on Apollo Server with its defaults, as a peer in `npm run bench -- peers`: the only
 * additions are the gateway credential the subgraphs require and the caller's own `authorization`.
 */
const { port, gatewaySecret, supergraphSdl } = peerSettings();

interface Context {
  authorization?: string;
}

const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource<Context>({
      url,
      willSendRequest({ request, context }) {
        request.http?.headers.set('gateway-authorization', gatewaySecret);
        if (context.authorization) request.http?.headers.set('authorization', context.authorization);
      },
    }),
});
const server = new ApolloServer<Context>({ gateway });
await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' }, context: async ({ req }) => ({ authorization: req.headers.authorization }) });
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
