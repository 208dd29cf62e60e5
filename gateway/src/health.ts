import type { SubgraphName } from '@cip/platform/core';

export type SubgraphHealth = Record<string, 'ready' | 'unavailable'>;

/** Asks every subgraph's `/readyz`, in parallel, each with a short timeout. */
export async function checkSubgraphs(urls: Record<SubgraphName, string>, timeoutMs = 2000): Promise<SubgraphHealth> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const readyUrl = new URL('/readyz', url);
      const ok = await fetch(readyUrl, { signal: AbortSignal.timeout(timeoutMs) })
        .then((response) => response.ok)
        .catch(() => false);
      return [name, ok ? 'ready' : 'unavailable'] as const;
    }),
  );
  return Object.fromEntries(entries);
}
