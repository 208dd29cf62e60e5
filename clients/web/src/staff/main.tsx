import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client';
import '../shared/base.css';
import './styles.css';
import { createApolloClient } from './api/client';
import { startOutbox } from './offline/outbox';
import { App } from './App';
import { registerUpdates } from './shell/updates';

const { client, restore, reset } = createApolloClient();
registerUpdates();

void restore()
  .catch(() => undefined)
  .then(() => {
    startOutbox(client);
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <ApolloProvider client={client}>
          <App onSignOut={async () => {
            await reset();
            await client.clearStore();
          }} />
        </ApolloProvider>
      </StrictMode>,
    );
  });
