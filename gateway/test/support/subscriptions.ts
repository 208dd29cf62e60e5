import { randomUUID } from 'node:crypto';
import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { buildEvent } from '@cip/platform';
import type { SeededOrg } from './seed';

/** Every client opened through `connect`, so a test file can dispose of them all. */
export const clients: Client[] = [];

export const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

export function connect(url: string, token: string | null, onClose?: (code: number) => void, connectionParams?: Record<string, string>): Client {
  const client = createClient({
    url: wsUrl(url),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: connectionParams ?? (token ? { authorization: `Bearer ${token}` } : {}),
    on: { closed: (event) => onClose?.((event as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
  clients.push(client);
  return client;
}

/** Collects a subscription's results; `next(predicate)` waits for the first result matching it. */
export function collect(client: Client, query: string, variables: Record<string, unknown>) {
  const results: { at: number; result: ExecutionResult<any> }[] = [];
  const waiters: (() => void)[] = [];
  let error: unknown;
  const stop = client.subscribe(
    { query, variables },
    {
      next: (result) => {
        results.push({ at: Date.now(), result: result as ExecutionResult<any> });
        for (const wake of waiters.splice(0)) wake();
      },
      error: (e) => {
        error = e;
        for (const wake of waiters.splice(0)) wake();
      },
      complete: () => undefined,
    },
  );
  return {
    results,
    stop,
    get error() {
      return error;
    },
    async next(predicate: (result: ExecutionResult<any>) => boolean, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = results.find((r) => predicate(r.result));
        if (found) return found;
        if (error || Date.now() > deadline) return null;
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

/** An inspection completed at one of the org's shops, as the inspections subgraph publishes it. */
export function completed(org: SeededOrg, red: number) {
  const inspectionId = randomUUID();
  return buildEvent('inspection.completed', {
    orgId: org.orgId,
    shopId: org.shopId,
    subjectId: inspectionId,
    data: {
      inspectionId,
      vehicleId: randomUUID(),
      customerId: randomUUID(),
      technicianId: null,
      startedAt: new Date(Date.now() - 600_000).toISOString(),
      completedAt: new Date().toISOString(),
      items: { green: 30, yellow: 2, red, notInspected: 0 },
      recommendationCount: red,
      recommendedCents: red * 10_000,
      currency: 'USD',
    },
  });
}

export const metricsSubscription = `subscription($shopId: ID!) {
  shopMetricsUpdated(shopId: $shopId) { from totals { inspectionsCompleted itemsRed } shop { id name } }
}`;

