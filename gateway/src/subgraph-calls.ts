import { AsyncLocalStorage } from 'node:async_hooks';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import CircuitBreaker from 'opossum';
import { Counter, Gauge } from 'prom-client';
import { ErrorCode, platformRegistry, type Config } from '@cip/platform/core';
import { BufferedResponse } from './subgraph-http';

export type SubgraphCallSettings = Config['subgraphCalls'];

/** Why a subgraph call failed, as the client is told it (`extensions.code`, with the service's name). */
export class SubgraphCallError extends Error {
  constructor(
    readonly code: typeof ErrorCode.SUBGRAPH_UNAVAILABLE | typeof ErrorCode.SUBGRAPH_TIMEOUT,
    message: string,
    readonly retryable = false,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The latest guard of each subgraph name, read by the metrics below when scraped. */
const guards = new Map<string, SubgraphGuard>();

const breakerMetric = 'cip_subgraph_breaker_state';
if (!platformRegistry.getSingleMetric(breakerMetric)) {
  new Gauge({
    name: breakerMetric,
    help: "State of the gateway's circuit breaker per subgraph: 0 closed, 1 half-open (trying), 2 open (refusing calls).",
    labelNames: ['subgraph'],
    registers: [platformRegistry],
    collect() {
      for (const [subgraph, guard] of guards) this.set({ subgraph }, guard.breaker.opened ? 2 : guard.breaker.halfOpen ? 1 : 0);
    },
  });
}

const callsMetric = 'cip_subgraph_calls';
if (!platformRegistry.getSingleMetric(callsMetric)) {
  new Gauge({
    name: callsMetric,
    help: "The gateway's calls to each subgraph now: holding one of its bulkhead's slots (in_flight) or queued for one (waiting).",
    labelNames: ['subgraph', 'state'],
    registers: [platformRegistry],
    collect() {
      for (const [subgraph, guard] of guards) {
        this.set({ subgraph, state: 'in_flight' }, guard.inFlightCount);
        this.set({ subgraph, state: 'waiting' }, guard.waitingCount);
      }
    },
  });
}

const refusedMetric = 'cip_subgraph_calls_refused_total';
const refused =
  (platformRegistry.getSingleMetric(refusedMetric) as Counter<'subgraph' | 'reason'> | undefined) ??
  new Counter({
    name: refusedMetric,
    help: 'Calls the gateway refused without sending them to the subgraph: no bulkhead slot within the queue time (bulkhead), or its circuit breaker open (breaker).',
    labelNames: ['subgraph', 'reason'],
    registers: [platformRegistry],
  });

/** Statuses a proxy or an overloaded subgraph answers with before it has run anything. */
const transientStatuses = new Set([502, 503, 504]);

/** True for a read: only those are retried (a mutation whose response was lost may have run). */
const isQuery = (body: FetcherRequestInit['body']) => typeof body === 'string' && /^\{"query":"\s*(query\b|\{)/.test(body);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One call to a subgraph: it must settle once `signal` aborts (the call's budget is spent, or its caller left). */
export type SubgraphTask<T> = (signal: AbortSignal) => Promise<T>;

export interface SubgraphCallOptions {
  /** The call may be tried again when it failed before the subgraph ran it (reads only). */
  retryable?: boolean;
  /** The caller no longer wants the result: the call is aborted and counts neither for nor against the subgraph. */
  signal?: AbortSignal;
  /**
   * With every slot taken, wait the call's whole budget for one to free instead of the queue time
   * (`queueMs`): for calls a burst makes all at once and that hold their slot only briefly, such as the
   * opening of subscription streams when every dashboard reconnects after a deploy.
   */
  waitForSlot?: boolean;
}

/** A call its caller abandoned: it says nothing about the subgraph's health. */
class Abandoned extends Error {}

type Attempt = (task: SubgraphTask<unknown>, deadline: number, caller: AbortSignal | undefined) => Promise<unknown>;

/**
 * The bulkhead, timeout, retries and circuit breaker (opossum) of one subgraph, shared by everything the
 * gateway sends it: query and mutation fetches, entity fetches, and the opening of subscription streams. The
 * timeout is the whole call's budget, retries included, and aborts the call, so a hung subgraph holds neither
 * the caller nor a socket longer than that; at most `maxConcurrency` calls are in flight, and a call finding
 * every slot taken waits for one, first come first served, up to `queueMs` (a burst is served in turn) and is
 * refused after that or when `maxConcurrency` × 10 already wait (an overload is shed); bulkhead refusals say nothing about the
 * subgraph's health, so they never open the breaker; calls that fail before the subgraph ran them are retried
 * with full jitter when they are reads.
 */
export class SubgraphGuard {
  readonly breaker: CircuitBreaker<Parameters<Attempt>, unknown>;
  /** Calls holding a slot: at most `maxConcurrency`. */
  private inFlight = 0;
  /** Calls waiting for a slot, first come first served. */
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly serviceName: string,
    private readonly settings: SubgraphCallSettings,
  ) {
    const attempt: Attempt = async (task, deadline, caller) => {
      const budget = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
      try {
        return await task(caller ? AbortSignal.any([budget, caller]) : budget);
      } catch (error) {
        if (caller?.aborted) throw new Abandoned('The caller left.', { cause: error });
        if (budget.aborted) throw new SubgraphCallError(ErrorCode.SUBGRAPH_TIMEOUT, `The ${serviceName} service did not answer in time.`);
        if (error instanceof SubgraphCallError) throw error;
        throw new SubgraphCallError(ErrorCode.SUBGRAPH_UNAVAILABLE, `The ${serviceName} service could not be reached.`, true, { cause: error });
      }
    };
    this.breaker = new CircuitBreaker(attempt, {
      name: serviceName,
      timeout: false,
      errorThresholdPercentage: settings.breakerErrorPercent,
      volumeThreshold: settings.breakerVolume,
      resetTimeout: settings.breakerResetMs,
      rollingCountTimeout: 10_000,
      errorFilter: (error) => error instanceof Abandoned,
    });
    guards.set(serviceName, this);
  }

  get inFlightCount(): number {
    return this.inFlight;
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  /** Runs `task` within the subgraph's guard; fails with a SubgraphCallError naming the service. */
  async call<T>(task: SubgraphTask<T>, options: SubgraphCallOptions = {}): Promise<T> {
    const deadline = Date.now() + this.settings.timeoutMs;
    const retries = options.retryable ? this.settings.retries : 0;
    for (let tried = 0; ; tried++) {
      try {
        return (await this.fire(task, deadline, options)) as T;
      } catch (error) {
        const delay = Math.random() * this.settings.retryBaseMs * 2 ** tried;
        if (!(error instanceof SubgraphCallError) || !error.retryable || tried >= retries || Date.now() + delay >= deadline) throw error;
        await sleep(delay);
      }
    }
  }

  private async fire(task: SubgraphTask<unknown>, deadline: number, options: SubgraphCallOptions) {
    const caller = options.signal;
    if (!(await this.takeSlot(deadline, options))) {
      refused.inc({ subgraph: this.serviceName, reason: 'bulkhead' });
      throw new SubgraphCallError(ErrorCode.SUBGRAPH_UNAVAILABLE, `The ${this.serviceName} service has too many calls in flight; try again shortly.`);
    }
    try {
      return await this.breaker.fire(task, deadline, caller);
    } catch (error) {
      if (error instanceof SubgraphCallError || caller?.aborted) throw error;
      refused.inc({ subgraph: this.serviceName, reason: 'breaker' });
      throw new SubgraphCallError(ErrorCode.SUBGRAPH_UNAVAILABLE, `The ${this.serviceName} service is failing; calls to it are paused.`);
    } finally {
      this.releaseSlot();
    }
  }

  /**
   * A slot for one call: free now, or handed over by a call that ends before the queue time (with
   * `waitForSlot`, the budget) is spent or the caller leaves (at most `maxConcurrency` × 10 wait). False when
   * there is none.
   */
  private takeSlot(deadline: number, { waitForSlot, signal }: SubgraphCallOptions): boolean | Promise<boolean> {
    if (this.inFlight < this.settings.maxConcurrency) {
      this.inFlight++;
      return true;
    }
    const waitUntil = waitForSlot ? deadline : Math.min(deadline, Date.now() + this.settings.queueMs);
    if (waitUntil <= Date.now() || this.waiting.length >= this.settings.maxConcurrency * 10 || signal?.aborted) return false;
    return new Promise((resolve) => {
      const settle = (granted: boolean) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', gaveUp);
        resolve(granted);
      };
      const granted = () => settle(true);
      const gaveUp = () => {
        const at = this.waiting.indexOf(granted);
        if (at >= 0) this.waiting.splice(at, 1);
        settle(false);
      };
      const timer = setTimeout(gaveUp, waitUntil - Date.now());
      signal?.addEventListener('abort', gaveUp, { once: true });
      this.waiting.push(granted);
    });
  }

  /** The slot passes to the longest waiter, if any, without ever being free for another to take. */
  private releaseSlot() {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }
}

/** The guard of every subgraph one gateway calls, one per service name. */
export class SubgraphGuards {
  private readonly guards = new Map<string, SubgraphGuard>();

  constructor(private readonly settings: SubgraphCallSettings) {}

  for(serviceName: string): SubgraphGuard {
    let guard = this.guards.get(serviceName);
    if (!guard) this.guards.set(serviceName, (guard = new SubgraphGuard(serviceName, this.settings)));
    return guard;
  }
}

/**
 * The signal of the client a fetch is made for, where Apollo's data source passes no signal to its fetcher:
 * set around a data source's `process`, read by `guardedFetcher`.
 */
export const callerSignal = new AsyncLocalStorage<AbortSignal | undefined>();

/**
 * A fetcher whose every call goes through `guard` and stops when the client it is made for leaves
 * (`callerSignal`); a 502, 503 or 504 counts as the subgraph failing. The call ends once the whole body has
 * arrived, so a budget spent while it is still arriving is a SUBGRAPH_TIMEOUT too, not an aborted read after
 * the guard let go.
 */
export function guardedFetcher(guard: SubgraphGuard, fetcher: Fetcher, options: Pick<SubgraphCallOptions, 'waitForSlot'> = {}): Fetcher {
  return (url, init = {}) =>
    guard.call(
      async (signal) => {
        const response: FetcherResponse = await fetcher(url, { ...init, signal } as FetcherRequestInit);
        if (transientStatuses.has(response.status)) throw new SubgraphCallError(ErrorCode.SUBGRAPH_UNAVAILABLE, `The ${guard.serviceName} service is unavailable.`, true);
        if (response instanceof BufferedResponse) return response;
        return new BufferedResponse(response.url, response.status, response.headers, await response.text());
      },
      { retryable: isQuery(init.body), waitForSlot: options.waitForSlot, signal: callerSignal.getStore() },
    );
}
