import { randomUUID } from 'node:crypto';
import { appError, ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { BusSubscription, EventBus } from './bus';
import type { CatalogEvent, EventType } from './catalog';
import { catalogHandler } from './typed-consumer';

export interface LiveFeed<T extends EventType, V = CatalogEvent<T>> {
  /**
   * The feed's items for the events `accept` takes, from now on, as an async iterator for a GraphQL
   * subscription. Resolves once the feed reads the bus, so nothing published after that is missed.
   */
  subscribe(accept: (event: CatalogEvent<T>) => boolean): Promise<AsyncIterableIterator<V>>;
  /** Starts reading the bus ahead of the first subscriber (the first `subscribe` otherwise does). */
  open(): Promise<void>;
  /** Subscribers open right now. */
  readonly subscribers: number;
  /** Ends every subscriber and stops reading the bus. */
  close(): Promise<void>;
}

export interface LiveFeedOptions<T extends EventType, V> {
  types: readonly T[];
  logger: Logger;
  /** Turns an event into what subscribers receive, once per event however many of them take it (default: the event). */
  project?: (event: CatalogEvent<T>) => Promise<V>;
  /**
   * Items one subscriber may have waiting (default 1,000). A subscriber that falls further behind is
   * ended with SUBSCRIPTION_LAGGING rather than held in memory or allowed to hold up the others.
   */
  bufferLimit?: number;
}

export const defaultLiveBufferLimit = 1_000;

interface Subscriber<T extends EventType, V> {
  accept(event: CatalogEvent<T>): boolean;
  push(item: V): void;
  end(): void;
}

/**
 * Live updates for every subscriber of this process from one bus consumer group of its own (so every
 * replica sees every event, whichever replica caused it), fanned out in memory: the bus sees one reader
 * and one polling loop per process and feed, whatever the number of subscribers. The group is created
 * at the first subscriber and deleted when the feed closes.
 */
export function liveFeed<T extends EventType, V = CatalogEvent<T>>(bus: EventBus, name: string, options: LiveFeedOptions<T, V>): LiveFeed<T, V> {
  const subscribers = new Set<Subscriber<T, V>>();
  const group = `${name}.live.${randomUUID()}`;
  const project = options.project ?? (async (event: CatalogEvent<T>) => event as unknown as V);
  const bufferLimit = options.bufferLimit ?? defaultLiveBufferLimit;
  let reading: Promise<BusSubscription> | undefined;
  let closed = false;

  const fanOut = catalogHandler(options.types, { group, logger: options.logger }, async (event) => {
    const takers = [...subscribers].filter((subscriber) => subscriber.accept(event));
    if (takers.length === 0) return;
    const item = await project(event).catch((error: unknown) => {
      options.logger.warn('live update skipped: it could not be prepared', { group, eventId: event.id, type: event.type, error });
      return undefined;
    });
    if (item !== undefined) for (const taker of takers) taker.push(item);
  });

  const start = () => {
    reading ??= bus.consume({ group, from: 'latest', ephemeral: true, types: options.types }, async (envelope) => {
      // A malformed event is logged by the handler; a live feed skips it rather than stalling every subscriber.
      await fanOut(envelope).catch(() => undefined);
    });
    return reading;
  };

  return {
    async open() {
      await start();
    },
    get subscribers() {
      return subscribers.size;
    },
    async subscribe(accept) {
      if (closed) throw new Error('the live feed is closed');
      await start();
      const queued: V[] = [];
      let waiting: ((result: IteratorResult<V>) => void) | null = null;
      let done = false;
      let lagged = false;
      const subscriber: Subscriber<T, V> = {
        accept,
        push(item) {
          if (done) return;
          if (waiting) {
            const resolve = waiting;
            waiting = null;
            resolve({ value: item, done: false });
          } else if (queued.length < bufferLimit) queued.push(item);
          else {
            queued.length = 0;
            lagged = true;
            subscriber.end();
            options.logger.warn('live subscriber ended: it fell behind its buffer', { group, bufferLimit });
          }
        },
        end() {
          done = true;
          subscribers.delete(subscriber);
          waiting?.({ value: undefined, done: true });
          waiting = null;
        },
      };
      subscribers.add(subscriber);
      const finish = async (): Promise<IteratorResult<V>> => {
        subscriber.end();
        return { value: undefined, done: true };
      };
      const iterator: AsyncIterableIterator<V> = {
        async next() {
          if (queued.length > 0) return { value: queued.shift()!, done: false };
          if (lagged) {
            lagged = false;
            throw appError(ErrorCode.SUBSCRIPTION_LAGGING, `This subscription fell more than ${bufferLimit} updates behind and was ended; subscribe again and read the current state.`);
          }
          if (done) return { value: undefined, done: true };
          return new Promise((resolve) => (waiting = resolve));
        },
        return: finish,
        async throw(error?: unknown) {
          await finish();
          throw error;
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
    async close() {
      closed = true;
      for (const subscriber of [...subscribers]) subscriber.end();
      await (await reading)?.close();
    },
  };
}
