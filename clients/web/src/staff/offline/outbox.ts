import { useEffect, useState } from 'react';
import type { ApolloClient } from '@apollo/client';
import { RecordItemResultsDocument, type InspectionItemResultInput } from '@cip/sdk/documents';
import { onConnectivityChange } from '../api/connectivity';
import { appDb, type QueuedResult } from './db';

type Listener = () => void;
const listeners = new Set<Listener>();
const notify = () => listeners.forEach((listener) => listener());
let flushing: Promise<void> | null = null;
let lastError: string | null = null;

/**
 * Item results go through this queue, online or not: each change is stored in IndexedDB first and sent
 * in the order it was made, one request each, removed only once the server has it. A change the
 * server refuses (the inspection was completed meanwhile, …) is dropped and reported, since sending
 * it again cannot succeed; a network failure keeps it and every later change for the next attempt.
 */
export async function enqueueResult(client: ApolloClient<object>, inspectionId: string, result: InspectionItemResultInput) {
  const db = await appDb();
  await db.add('outbox', { inspectionId, result, queuedAt: new Date().toISOString() });
  notify();
  void flushOutbox(client);
}

export function flushOutbox(client: ApolloClient<object>): Promise<void> {
  flushing ??= drain(client).finally(() => {
    flushing = null;
    notify();
  });
  return flushing;
}

async function drain(client: ApolloClient<object>) {
  const db = await appDb();
  for (;;) {
    const next = await db.getAll('outbox', undefined, 1);
    const entry = next[0];
    if (!entry) return;
    try {
      await client.mutate({ mutation: RecordItemResultsDocument, variables: { inspectionId: entry.inspectionId, results: [entry.result] } });
      lastError = null;
    } catch (error) {
      if (isNetworkFailure(error)) return;
      lastError = `A change to ${entry.result.itemKey} was refused: ${(error as Error).message}`;
    }
    await db.delete('outbox', entry.id!);
    notify();
  }
}

/** No answer, or a server error worth retrying; a 4xx or a GraphQL error is a refusal of this change. */
function isNetworkFailure(error: unknown) {
  const { networkError, graphQLErrors } = error as { networkError?: { statusCode?: number } | null; graphQLErrors?: unknown[] };
  if (!networkError || graphQLErrors?.length) return false;
  const status = networkError.statusCode;
  return status === undefined || status >= 500 || status === 429;
}

/** The queued changes of an inspection, oldest first, kept up to date. */
export function usePendingResults(inspectionId: string) {
  const [pending, setPending] = useState<QueuedResult[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const rows = await (await appDb()).getAllFromIndex('outbox', 'byInspection', inspectionId);
      if (live) {
        setPending(rows.sort((a, b) => a.id! - b.id!));
        setError(lastError);
      }
    };
    listeners.add(load);
    void load();
    return () => {
      live = false;
      listeners.delete(load);
    };
  }, [inspectionId]);
  return { pending, error };
}

/** Sends what is queued whenever the network comes back (and once at start). */
export function startOutbox(client: ApolloClient<object>) {
  const flushWhenOnline = () => {
    if (navigator.onLine) void flushOutbox(client);
  };
  window.addEventListener('online', flushWhenOnline);
  onConnectivityChange(flushWhenOnline);
  setInterval(flushWhenOnline, 15_000);
  flushWhenOnline();
}
