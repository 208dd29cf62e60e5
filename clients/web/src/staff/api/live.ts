import { useSyncExternalStore } from 'react';

/**
 * Counts live connections that ended for good (the gateway closed the socket for an expired token,
 * which graphql-ws does not retry). Components holding subscriptions key on it, so they subscribe
 * again over a new connection with the renewed session.
 */
let generation = 0;
const listeners = new Set<() => void>();

export function startNewLiveGeneration() {
  generation += 1;
  listeners.forEach((listener) => listener());
}

export const useLiveGeneration = () =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => generation,
  );
