import { randomUUID } from 'node:crypto';
import { appError, ErrorCode, type BusSubscription, type EventBus, type EventEnvelope } from '@cip/platform';

/**
 * The bus events matching `accept`, from the moment of subscribing, as an async iterator for a GraphQL
 * subscription. Every subscriber reads through a group of its own that is deleted when it goes away,
 * so each sees every event and nothing lingers on the bus.
 */
async function liveEvents(bus: EventBus, accept: (event: EventEnvelope) => boolean): Promise<AsyncIterableIterator<EventEnvelope>> {
  const queued: EventEnvelope[] = [];
  let waiting: ((result: IteratorResult<EventEnvelope>) => void) | null = null;
  let done = false;
  const subscription: BusSubscription = await bus.consume({ group: `inspections.live.${randomUUID()}`, from: 'latest', ephemeral: true }, async (event) => {
    if (done || !accept(event)) return;
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve({ value: event, done: false });
    } else queued.push(event);
  });

  const finish = async (): Promise<IteratorResult<EventEnvelope>> => {
    if (!done) {
      done = true;
      waiting?.({ value: undefined, done: true });
      waiting = null;
      await subscription.close();
    }
    return { value: undefined, done: true };
  };

  const iterator: AsyncIterableIterator<EventEnvelope> = {
    async next() {
      const event = queued.shift();
      if (event) return { value: event, done: false };
      if (done) return { value: undefined, done: true };
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    throw: async (error?: unknown) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

export interface LiveUpdates {
  /** Resolves once the subscriber's group is reading, so no event published after that is missed. */
  events(accept: (event: EventEnvelope) => boolean): Promise<AsyncIterableIterator<EventEnvelope>>;
  /** Runs the work of delivering one event, so `close` can wait for deliveries in flight. */
  deliver<T>(work: () => Promise<T>): Promise<T>;
  /** Ends every open subscription and waits for deliveries in flight: the app stops them before the bus and the database close. */
  close(): Promise<void>;
}

export function createLiveUpdates(bus: EventBus): LiveUpdates {
  const open = new Set<AsyncIterableIterator<EventEnvelope>>();
  const delivering = new Set<Promise<unknown>>();
  let closed = false;
  return {
    async events(accept) {
      if (closed) throw appError(ErrorCode.SERVICE_UNAVAILABLE, 'The service is shutting down; subscribe again.');
      const iterator = await liveEvents(bus, accept);
      const finish = iterator.return!.bind(iterator);
      iterator.return = async () => {
        open.delete(iterator);
        return finish();
      };
      open.add(iterator);
      return iterator;
    },
    deliver(work) {
      if (closed) return Promise.reject(appError(ErrorCode.SERVICE_UNAVAILABLE, 'The service is shutting down; subscribe again.'));
      const delivery = work();
      delivering.add(delivery);
      const forget = () => delivering.delete(delivery);
      delivery.then(forget, forget);
      return delivery;
    },
    async close() {
      closed = true;
      await Promise.all([...open].map((iterator) => iterator.return!()));
      await Promise.allSettled([...delivering]);
    },
  };
}
