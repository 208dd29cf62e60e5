import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal';
import type { Readiness } from '../db/readiness';
import type { BusSubscription, ConsumeOptions } from '../events/bus';
import type { CatalogEvent, EventType } from '../events/catalog';
import { consumeEventBatches, consumeEvents } from '../events/typed-consumer';
import { runtimeReadiness, type SubgraphApp, type SubgraphRuntime } from '../runtime';
import type { CacheHints } from './cache-control';
import { createSubgraphYoga, type Route } from './subgraph-yoga';

/** A bus consumer the app runs while it is started; build it with `eventConsumer`. */
export interface EventConsumer {
  group: string;
  open(runtime: SubgraphRuntime): Promise<BusSubscription>;
}

/** Consumes the catalog events of `types` for `group` (parsed, idempotency left to `handle`). */
export function eventConsumer<T extends EventType>(options: Omit<ConsumeOptions, 'group'> & {
  group: string;
  types: readonly T[];
  handle: (event: CatalogEvent<T>) => Promise<unknown>;
}): EventConsumer {
  const { handle, types, ...consume } = options;
  return {
    group: options.group,
    open: (runtime) => consumeEvents(runtime.bus, { ...consume, types, logger: runtime.logger }, async (event) => void (await handle(event))),
  };
}

/** Like eventConsumer, for a handler that applies each batch the bus reads at once (one transaction per batch). */
export function batchEventConsumer<T extends EventType>(options: Omit<ConsumeOptions, 'group'> & {
  group: string;
  types: readonly T[];
  handleBatch: (events: CatalogEvent<T>[]) => Promise<unknown>;
}): EventConsumer {
  const { handleBatch, types, ...consume } = options;
  return {
    group: options.group,
    open: (runtime) => consumeEventBatches(runtime.bus, { ...consume, types, logger: runtime.logger }, async (events) => void (await handleBatch(events))),
  };
}

/** Work repeated every `everyMs` while the app runs; a run never overlaps the previous one. */
export interface IntervalJob {
  /** Names the job in logs ("tier recompute"). */
  name: string;
  everyMs: number;
  /** `stopping()` turns true when the app stops: a long run should end early and leave the rest to the next start. */
  run(control: { stopping(): boolean }): Promise<unknown>;
}

export interface SubgraphAppOptions<Ctx extends object> {
  schema: GraphQLSchema;
  /** Root fields anyone may call without a token (sign-up, login, a customer's share link). */
  publicFields?: string[];
  /** Builds the per-request context: repositories and fresh DataLoaders. */
  context: (base: { principal: Principal | null; request: Request }) => Ctx | Promise<Ctx>;
  /** `/readyz`; the runtime's database, bus and store by default. */
  ready?: () => Promise<boolean | Readiness>;
  routes?: Record<string, Route>;
  /** How long query results may be cached, by schema coordinate; queries touching anything unhinted are not cacheable. */
  cacheHints?: CacheHints;
  plugins?: Plugin[];
  consumers?: EventConsumer[];
  jobs?: IntervalJob[];
  /** Runs before the consumers and jobs start (warming caches, opening live feeds). */
  start?(): Promise<void>;
  /** Runs after the jobs and consumers have stopped. */
  stop?(): Promise<void>;
}

/**
 * A subgraph's app from its runtime: the Yoga server (the gateway-only edge, token verification, error
 * masking, tracing, metrics, `/readyz`), its event consumers and interval jobs, started and stopped in the
 * order that loses no work: consumers and jobs stop before the pools close.
 */
export function createSubgraphApp<Ctx extends object>(runtime: SubgraphRuntime, options: SubgraphAppOptions<Ctx>): SubgraphApp {
  const { config } = runtime;
  const yoga = createSubgraphYoga({
    name: runtime.name,
    schema: options.schema,
    verifier: runtime.verifier,
    logger: runtime.logger,
    tracerProvider: runtime.tracerProvider,
    publicFields: options.publicFields,
    context: options.context,
    ready: options.ready ?? (() => runtimeReadiness(runtime)),
    routes: options.routes,
    cacheHints: options.cacheHints,
    plugins: options.plugins,
    edge: { gatewaySecret: config.gatewaySecret, requireGateway: config.deployed, introspection: config.introspection },
  });
  const subscriptions: BusSubscription[] = [];
  const jobs = (options.jobs ?? []).map((job) => intervalRunner(job, runtime));
  return {
    yoga,
    async start() {
      await options.start?.();
      for (const consumer of options.consumers ?? []) subscriptions.push(await consumer.open(runtime));
      for (const job of jobs) job.start();
    },
    async stop() {
      await Promise.all(jobs.map((job) => job.stop()));
      for (const subscription of subscriptions.splice(0)) await subscription.close();
      await options.stop?.();
    },
  };
}

function intervalRunner(job: IntervalJob, runtime: SubgraphRuntime) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopping = false;
  const control = { stopping: () => stopping };
  return {
    start() {
      stopping = false;
      timer = setInterval(() => {
        running ??= job
          .run(control)
          .then(() => undefined)
          .catch((error: unknown) => runtime.logger.error(`${job.name} failed; the next run tries again`, { error }))
          .finally(() => (running = undefined));
      }, job.everyMs);
      timer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
