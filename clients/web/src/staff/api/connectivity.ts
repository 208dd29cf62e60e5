import { useSyncExternalStore } from 'react';

/** Whether the API answers, and when it last did: the shell's "offline, last updated …" marker. */
export interface Connectivity {
  online: boolean;
  lastUpdatedAt: string | null;
}

const lastUpdatedKey = 'cip.lastUpdatedAt';
let state: Connectivity = { online: navigator.onLine, lastUpdatedAt: localStorage.getItem(lastUpdatedKey) };
const listeners = new Set<() => void>();

function update(next: Partial<Connectivity>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function reportResponse() {
  const now = new Date().toISOString();
  localStorage.setItem(lastUpdatedKey, now);
  update({ online: true, lastUpdatedAt: now });
}

export function reportNetworkFailure() {
  update({ online: false });
}

export function setLastUpdated(at: string | null) {
  if (at && (!state.lastUpdatedAt || at > state.lastUpdatedAt)) update({ lastUpdatedAt: at });
}

window.addEventListener('online', () => update({ online: true }));
window.addEventListener('offline', () => update({ online: false }));

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const getConnectivity = () => state;
export const useConnectivity = () => useSyncExternalStore(subscribe, getConnectivity);
export const onConnectivityChange = subscribe;

/** fetch that reports whether the API answered. */
export const trackedFetch: typeof fetch = async (input, init) => {
  try {
    const response = await fetch(input, init);
    reportResponse();
    return response;
  } catch (error) {
    reportNetworkFailure();
    throw error;
  }
};
