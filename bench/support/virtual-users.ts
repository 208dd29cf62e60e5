import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';

const sdk = fileURLToPath(new URL('../../clients/sdk/src/', import.meta.url));

export interface PublishedOperation {
  name: string;
  hash: string;
  text: string;
}

/** Published operations by name, from codegen's manifests: what the apps and partners send (the hash, not the text). */
export function publishedOperations(): Map<string, PublishedOperation> {
  const operations = new Map<string, PublishedOperation>();
  for (const manifest of ['persisted-documents.json', 'customer/persisted-documents.json', 'partner/persisted-documents.json']) {
    const documents = JSON.parse(readFileSync(`${sdk}${manifest}`, 'utf8')) as Record<string, string>;
    for (const [hash, text] of Object.entries(documents)) {
      const name = /\b(?:query|mutation|subscription)\s+(\w+)/.exec(text)?.[1];
      if (name) operations.set(name, { name, hash, text });
    }
  }
  return operations;
}

interface OperationSamples {
  latenciesMs: number[];
  errors: number;
  /** The first few distinct error messages, to name what failed. */
  errorExamples: Set<string>;
}

export interface OperationFigures {
  name: string;
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errorExamples: string[];
}

/**
 * Latencies and errors per operation, of requests started inside the measured window only (after every
 * virtual user has started): a ramp's cold caches and connection set-up are not the steady state.
 */
export class OperationRecorder {
  private readonly samples = new Map<string, OperationSamples>();
  private window: { from: number; until: number } = { from: Infinity, until: Infinity };

  measureBetween(from: number, until: number): void {
    this.window = { from, until };
  }

  record(operation: string, startedAt: number, latencyMs: number, error?: string): void {
    if (startedAt < this.window.from || startedAt >= this.window.until) return;
    let samples = this.samples.get(operation);
    if (!samples) this.samples.set(operation, (samples = { latenciesMs: [], errors: 0, errorExamples: new Set() }));
    samples.latenciesMs.push(latencyMs);
    if (error) {
      samples.errors++;
      if (samples.errorExamples.size < 3) samples.errorExamples.add(error.slice(0, 160));
    }
  }

  figures(operation: string): OperationFigures {
    const samples = this.samples.get(operation) ?? { latenciesMs: [], errors: 0, errorExamples: new Set<string>() };
    const sorted = [...samples.latenciesMs].sort((a, b) => a - b);
    const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : Number.NaN);
    return { name: operation, requests: sorted.length, errors: samples.errors, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted.at(-1) ?? Number.NaN, errorExamples: [...samples.errorExamples] };
  }

  totalRequests(): number {
    return [...this.samples.values()].reduce((n, s) => n + s.latenciesMs.length, 0);
  }
}

/** One keep-alive connection pool for every virtual user, as many sockets as requests in flight. */
const dispatcher = new Agent({ keepAliveTimeout: 60_000, headersTimeout: 60_000, bodyTimeout: 60_000 });

export interface GraphQLCall {
  operation: PublishedOperation;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * Sends a published operation by its hash (Apollo's persisted-query extension), records its latency and
 * whether it failed (transport error, non-2xx, or GraphQL `errors`), and returns its data (null on failure).
 */
export async function callOperation<T = any>(gatewayUrl: string, recorder: OperationRecorder, label: string, call: GraphQLCall): Promise<T | null> {
  const startedAt = Date.now();
  const started = performance.now();
  let error: string | undefined;
  let data: T | null = null;
  try {
    const response = await request(gatewayUrl, {
      method: 'POST',
      dispatcher,
      headers: { 'content-type': 'application/json', ...call.headers },
      body: JSON.stringify({
        operationName: call.operation.name,
        variables: call.variables ?? {},
        extensions: { persistedQuery: { version: 1, sha256Hash: call.operation.hash } },
      }),
    });
    const body = (await response.body.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (response.statusCode >= 300 || body.errors?.length) {
      const first = body.errors?.[0];
      error = `${response.statusCode} ${first?.extensions?.code ?? ''} ${first?.message ?? ''}`.trim();
    } else data = body.data ?? null;
  } catch (cause) {
    error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  }
  recorder.record(label, startedAt, performance.now() - started, error);
  return data;
}

export async function closeVirtualUserConnections(): Promise<void> {
  await dispatcher.close();
}

/** A pause of a uniformly random length between `min` and `max` seconds, cut short at `until` (epoch ms). */
export function think(minSeconds: number, maxSeconds: number, until: number): Promise<void> {
  const ms = Math.min((minSeconds + Math.random() * (maxSeconds - minSeconds)) * 1000, Math.max(0, until - Date.now()));
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}
