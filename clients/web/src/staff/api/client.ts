import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, split } from '@apollo/client';
import { setContext } from '@apollo/client/link/context';
import { onError } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { appDb } from '../offline/db';
import { reportResponse, setLastUpdated, trackedFetch } from './connectivity';
import { startNewLiveGeneration } from './live';
import { getSession, refreshSession, setSession, subscribeSession } from './session';

const snapshotKey = 'apollo';
/** Close code the gateway sends when the token a socket authenticated with expires. */
const tokenExpired = 4401;
/** Close code the app uses to reconnect with a renewed token (graphql-ws retries it; 4401 it does not). */
const restartWithNewToken = 4205;

async function validAccessToken(): Promise<string | undefined> {
  const session = getSession();
  if (!session) return undefined;
  if (Date.parse(session.accessTokenExpiresAt) - Date.now() > 5_000) return session.accessToken;
  return (await refreshSession().catch(() => session))?.accessToken;
}

export function createApolloClient() {
  const cache = new InMemoryCache({
    typePolicies: {
      Inspection: { fields: { items: { merge: false }, recommendations: { merge: false } } },
      OrganizationMetrics: { fields: { shops: { merge: false } } },
    },
  });

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const persist = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      void appDb().then((db) => db.put('snapshot', { savedAt: new Date().toISOString(), data: cache.extract() }, snapshotKey));
    }, 500);
  };

  let socket: WebSocket | null = null;
  let socketToken: string | undefined;
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const ws = createClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries))),
    connectionParams: async () => {
      socketToken = await validAccessToken();
      return socketToken ? { authorization: `Bearer ${socketToken}` } : {};
    },
    on: {
      connected: (connected, _payload, wasRetry) => {
        socket = connected as WebSocket;
        reportResponse();
        // Events sent while the socket was down are gone: reload what the screens show.
        if (wasRetry) void client.refetchQueries({ include: 'active' });
      },
      closed: (event) => {
        socket = null;
        if ((event as CloseEvent | undefined)?.code === tokenExpired) {
          void refreshSession()
            .catch(() => undefined)
            .then(startNewLiveGeneration);
        }
      },
    },
  });
  // A renewed session replaces the socket's token before the gateway closes it for expiry.
  subscribeSession(() => {
    const token = getSession()?.accessToken;
    if (socket?.readyState === WebSocket.OPEN && token !== socketToken) socket.close(restartWithNewToken, 'Session renewed');
  });

  const auth = setContext(async (_, { headers }) => {
    const token = await validAccessToken();
    return { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });
  const signOutWhenRefused = onError(({ graphQLErrors }) => {
    if (graphQLErrors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') && getSession()) {
      void refreshSession().catch(() => setSession(null));
    }
  });
  const http = new HttpLink({ uri: '/graphql', fetch: trackedFetch });
  // Results are written to the cache right after the link chain: save a snapshot once they settle.
  const persistAfter = new ApolloLink((operation, forward) =>
    forward(operation).map((result) => {
      persist();
      return result;
    }),
  );
  const link = persistAfter.concat(split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    ApolloLink.from([signOutWhenRefused, auth, http]),
  ));

  const client = new ApolloClient({
    cache,
    link,
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' } },
  });

  return {
    client,
    /** Restores the last data shown, so the app starts with it even without a network. */
    async restore() {
      const snapshot = await (await appDb()).get('snapshot', snapshotKey).catch(() => undefined);
      if (snapshot) {
        cache.restore(snapshot.data as ReturnType<typeof cache.extract>);
        setLastUpdated(snapshot.savedAt);
      }
      client.onClearStore(async () => void (await appDb()).delete('snapshot', snapshotKey));
    },
    /** Ends the live connection (on sign-out; it reconnects lazily with the next session). */
    async reset() {
      await ws.dispose();
    },
  };
}
