import autocannon from 'autocannon';
import { medianOf } from './stats';

export interface LoadTarget {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  /** A bearer token sent as `authorization`. */
  token?: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  connections?: number;
  durationSeconds?: number;
  /** Load applied first and thrown away: JIT, connection pools, query-plan and JWKS caches. */
  warmupSeconds?: number;
  /** A run that completes no request reports zeros instead of failing (a gateway slower than the run is long). */
  allowEmpty?: boolean;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  /** Socket errors and timeouts. */
  transportErrors: number;
  non2xx: number;
  /** 2xx responses whose body carries GraphQL `errors`. */
  graphqlErrors: number;
  /** Everything a client would count as a failed request. */
  errors: number;
  /** The first few distinct failed answers (status, code and message), to say what failed. */
  errorSamples: string[];
}

/** Drives one GraphQL operation with autocannon and returns throughput, latency percentiles and every kind of error. */
export async function runLoad(target: LoadTarget, options: LoadOptions = {}): Promise<LoadResult> {
  const connections = options.connections ?? 100;
  if (options.warmupSeconds) await warmUp(target, { connections, durationSeconds: options.warmupSeconds });
  return measure(target, connections, options.durationSeconds ?? 10, { allowEmpty: options.allowEmpty });
}

/** Load thrown away (JIT, pools, caches); on a busy machine it may complete no request at all, which is no failure. */
export async function warmUp(target: LoadTarget, options: { connections: number; durationSeconds: number }): Promise<void> {
  await measure(target, options.connections, options.durationSeconds, { allowEmpty: true });
}

/** The same measurement `times` times (each after its own warm-up); read the medians, not one lucky run. */
export async function repeatLoad(target: LoadTarget, options: LoadOptions & { times?: number } = {}): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (let i = 0; i < (options.times ?? 3); i++) results.push(await runLoad(target, options));
  return results;
}

export function medianLoad(results: LoadResult[]): LoadResult {
  const numbers = results.map(({ errorSamples: _, ...figures }) => figures);
  return { ...medianOf(numbers), errorSamples: [...new Set(results.flatMap((r) => r.errorSamples))].slice(0, errorSamplesKept) };
}

const errorSamplesKept = 3;

/** `200 SUBGRAPH_UNAVAILABLE The shops service …`: what a failed answer says, without its ids. */
function describeFailure(status: number, body: string): string {
  try {
    const error = (JSON.parse(body) as { errors?: { message?: string; extensions?: { code?: string } }[] }).errors?.[0];
    if (error) return `${status} ${error.extensions?.code ?? 'no code'} ${error.message ?? ''}`.trim();
  } catch {
    // Not JSON: the status says it.
  }
  return `${status}`;
}

/** Sends the operation once and throws unless it answers data without errors: a load test of an error is worthless. */
export async function checkOperation(target: LoadTarget): Promise<Record<string, unknown>> {
  const response = await fetch(target.url, { method: 'POST', headers: headersFor(target), body: bodyFor(target) });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`${target.url} answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data;
}

function headersFor(target: LoadTarget): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
    ...target.headers,
  };
}

function bodyFor(target: LoadTarget): string {
  return JSON.stringify({ query: target.query, variables: target.variables ?? {} });
}

async function measure(target: LoadTarget, connections: number, durationSeconds: number, options: { allowEmpty?: boolean } = {}): Promise<LoadResult> {
  let graphqlErrors = 0;
  const errorSamples = new Set<string>();
  const sample = (status: number, body: string) => {
    if (errorSamples.size < errorSamplesKept) errorSamples.add(describeFailure(status, body));
  };
  const result = await autocannon({
    url: target.url,
    connections,
    duration: durationSeconds,
    requests: [
      {
        method: 'POST',
        headers: headersFor(target),
        body: bodyFor(target),
        onResponse: (status: number, body: string) => {
          const ok = status >= 200 && status < 300;
          if (ok && body.includes('"errors"')) graphqlErrors++;
          if (!ok || body.includes('"errors"')) sample(status, body);
        },
      },
    ],
  });
  if (result.requests.total === 0 && !options.allowEmpty) throw new Error(`no request to ${target.url} completed in ${durationSeconds} s at ${connections} connections`);
  const transportErrors = result.errors + result.timeouts;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    transportErrors,
    non2xx: result.non2xx,
    graphqlErrors,
    errors: transportErrors + result.non2xx + graphqlErrors,
    errorSamples: [...errorSamples, ...(transportErrors ? [`${transportErrors} socket errors or timeouts`] : [])],
  };
}
