import { appError, ErrorCode, liveFeed, type CatalogEvent, type EventBus, type Logger } from '@cip/platform';

/** What live subscriptions of this subgraph watch: every change to an inspection or its recommendations. */
export const liveEventTypes = [
  'inspection.started',
  'inspection.completed',
  'inspection.sent',
  'inspection.closed',
  'recommendation.approved',
  'recommendation.declined',
  'recommendation.refunded',
] as const;
export type LiveEvent = CatalogEvent<(typeof liveEventTypes)[number]>;

export interface LiveUpdates {
  /** Resolves once the feed is reading, so no event published after that is missed. */
  events(accept: (event: LiveEvent) => boolean): Promise<AsyncIterableIterator<LiveEvent>>;
  /** Runs the work of delivering one event, so `close` can wait for deliveries in flight. */
  deliver<T>(work: () => Promise<T>): Promise<T>;
  /** Ends every open subscription and waits for deliveries in flight: the app stops them before the bus and the database close. */
  close(): Promise<void>;
}

/** Every subscriber of this process reads one live feed (one bus group, fanned out in memory). */
export function createLiveUpdates(bus: EventBus, logger: Logger): LiveUpdates {
  const feed = liveFeed(bus, 'inspections', { types: liveEventTypes, logger });
  const delivering = new Set<Promise<unknown>>();
  let closed = false;
  const shuttingDown = () => appError(ErrorCode.SERVICE_UNAVAILABLE, 'The service is shutting down; subscribe again.');
  return {
    async events(accept) {
      if (closed) throw shuttingDown();
      return feed.subscribe(accept);
    },
    deliver(work) {
      if (closed) return Promise.reject(shuttingDown());
      const delivery = work();
      delivering.add(delivery);
      const forget = () => delivering.delete(delivery);
      delivery.then(forget, forget);
      return delivery;
    },
    async close() {
      closed = true;
      await feed.close();
      await Promise.allSettled([...delivering]);
    },
  };
}
