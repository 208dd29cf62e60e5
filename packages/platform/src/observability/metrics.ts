import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';
import type { EventEnvelope } from '../events/envelope';

/**
 * Process-wide metrics, served by every service's `/metrics` after its own: memory, CPU, event-loop lag and
 * the saturation signals (requests in flight, open connections, database pools, event lag, breakers). Names
 * are listed in docs/operations.md; alert rules and dashboards use those names.
 */
export const platformRegistry = new Registry();
collectDefaultMetrics({ register: platformRegistry });

/** A service's own registry followed by the process-wide one, as one Prometheus text page. */
export async function metricsText(own?: Registry): Promise<string> {
  return `${own ? await own.metrics() : ''}${await platformRegistry.metrics()}`;
}

export const metricsContentType = platformRegistry.contentType;

/** One metric per name in the process, however many services run in it (npm start runs all six). */
function once<T extends Metric>(name: string, create: () => T): T {
  return (platformRegistry.getSingleMetric(name) as T | undefined) ?? create();
}

export const httpInFlight = once(
  'cip_http_requests_in_flight',
  () => new Gauge({ name: 'cip_http_requests_in_flight', help: 'HTTP requests being served, by service.', labelNames: ['service'], registers: [platformRegistry] }),
);

export const httpOpenConnections = once(
  'cip_http_open_connections',
  () => new Gauge({ name: 'cip_http_open_connections', help: 'Open client connections (kept-alive and WebSocket included), by service.', labelNames: ['service'], registers: [platformRegistry] }),
);

interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

const pools = new Map<string, PoolLike>();

/** Connections of every database pool registered with `observePool`, by service and state. */
once(
  'cip_db_pool_connections',
  () =>
    new Gauge({
      name: 'cip_db_pool_connections',
      help: 'Database pool connections by service and state: in_use, idle, waiting (callers queued for a connection), max.',
      labelNames: ['service', 'pool', 'state'],
      registers: [platformRegistry],
      collect() {
        this.reset();
        for (const [key, pool] of pools) {
          const [service, name] = key.split('/');
          const labels = { service, pool: name };
          this.set({ ...labels, state: 'in_use' }, pool.totalCount - pool.idleCount);
          this.set({ ...labels, state: 'idle' }, pool.idleCount);
          this.set({ ...labels, state: 'waiting' }, pool.waitingCount);
          this.set({ ...labels, state: 'max' }, pool.options?.max ?? 0);
        }
      },
    }),
);

/** Reports a pg pool's saturation as `cip_db_pool_connections` until `forget` is called. */
export function observePool(service: string, name: string, pool: PoolLike): () => void {
  const key = `${service}/${name}`;
  pools.set(key, pool);
  return () => void (pools.get(key) === pool && pools.delete(key));
}

export const eventDeliveryLag = once(
  'cip_event_delivery_lag_seconds',
  () =>
    new Histogram({
      name: 'cip_event_delivery_lag_seconds',
      help: 'Time from an event occurring to a consumer group handling it.',
      labelNames: ['group', 'type'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [platformRegistry],
    }),
);

export const eventLastLag = once(
  'cip_event_consumer_lag_seconds',
  () =>
    new Gauge({
      name: 'cip_event_consumer_lag_seconds',
      help: 'Age of the last event a consumer group handled when it handled it: grows when a consumer falls behind.',
      labelNames: ['group'],
      registers: [platformRegistry],
    }),
);

export const eventHandlerFailures = once(
  'cip_event_handler_failures_total',
  () =>
    new Counter({
      name: 'cip_event_handler_failures_total',
      help: 'Event handler failures (the event is redelivered), by consumer group.',
      labelNames: ['group'],
      registers: [platformRegistry],
    }),
);

/** Runs a consumer group's handler for one event: its lag when handled, or a failure (then rethrown). */
export async function observeHandling(group: string, event: EventEnvelope, handle: () => Promise<void>): Promise<void> {
  try {
    await handle();
  } catch (error) {
    eventHandlerFailures.inc({ group });
    throw error;
  }
  const lag = Math.max(0, (Date.now() - Date.parse(event.occurredAt)) / 1000);
  eventDeliveryLag.observe({ group, type: event.type }, lag);
  eventLastLag.set({ group }, lag);
}
