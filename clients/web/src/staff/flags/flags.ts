import { useEffect, useSyncExternalStore } from 'react';
import { useApolloClient } from '@apollo/client';
import { OpenFeature, ProviderEvents } from '@openfeature/web-sdk';
import { ClientFeatureFlagsDocument } from '@cip/sdk/documents';
import { GatewayFlagProvider } from './provider';

let providerSet = false;

/** How often open screens read the served flags again, so a flag an operator changes reaches them without a reload. */
const refreshEveryMs = 15_000;

/** Evaluates flags for the signed-in user at the shop in view: the provider is set once, the context on every change. */
export function useFlagContext(userId: string, shopId: string) {
  const client = useApolloClient();
  useEffect(() => {
    const context = { targetingKey: userId, shopId };
    if (providerSet) {
      void OpenFeature.setContext(context);
      return;
    }
    providerSet = true;
    const provider = new GatewayFlagProvider(async (next) => {
      const { data } = await client.query({ query: ClientFeatureFlagsDocument, variables: { shopId: typeof next.shopId === 'string' ? next.shopId : null }, fetchPolicy: 'network-only' });
      return data.clientFeatureFlags;
    });
    void OpenFeature.setProviderAndWait(provider, context).catch(() => undefined);
    const refresh = () => void provider.refresh().catch(() => undefined);
    setInterval(refresh, refreshEveryMs);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && refresh());
  }, [client, userId, shopId]);
}

const changes = [ProviderEvents.Ready, ProviderEvents.ContextChanged, ProviderEvents.ConfigurationChanged];

/** A string flag through OpenFeature, re-read when the provider is ready or the context changes; the default until then. */
export function useStringFlag(key: string, defaultValue: string): string {
  const client = OpenFeature.getClient();
  return useSyncExternalStore(
    (onChange) => {
      for (const event of changes) client.addHandler(event, onChange);
      return () => {
        for (const event of changes) client.removeHandler(event, onChange);
      };
    },
    () => client.getStringValue(key, defaultValue),
  );
}
