import { useSyncExternalStore } from 'react';
import { registerSW } from 'virtual:pwa-register';

/** A new version was deployed and its service worker is waiting: the shell offers to reload into it. */
let updateReady = false;
let applyUpdate: (() => Promise<void>) | null = null;
const listeners = new Set<() => void>();

export function registerUpdates() {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    onNeedRefresh() {
      updateReady = true;
      listeners.forEach((listener) => listener());
    },
    onRegisteredSW(_url, registration) {
      // Look for a new deployment every ten minutes while the app stays open.
      if (registration) setInterval(() => void registration.update(), 10 * 60_000);
    },
  });
  applyUpdate = () => update(true);
}

export function useUpdateReady() {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => updateReady,
  );
}

export const reloadIntoUpdate = () => applyUpdate?.();
