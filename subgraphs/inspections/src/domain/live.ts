import { randomUUID } from 'node:crypto';
import type { BusSubscription, EventBus, EventEnvelope } from '@cip/platform';

/**
 * The bus events matching `accept`, from the moment of subscribing, as an async iterator for a GraphQL
 * subscription. Every subscriber reads through a group of its own that is deleted when it goes away,
 * so each sees every event and nothing lingers on the bus.
 */
export function liveEvents(bus: EventBus, accept: (event: EventEnvelope) => boolean): AsyncIterableIterator<EventEnvelope> {
  const queued: EventEnvelope[] = [];
  let waiting: ((result: IteratorResult<EventEnvelope>) => void) | null = null;
  let done = false;
  const subscription: Promise<BusSubscription> = bus.consume({ group: `inspections.live.${randomUUID()}`, from: 'latest', ephemeral: true }, async (event) => {
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
      await (await subscription).close();
    }
    return { value: undefined, done: true };
  };

  return {
    async next() {
      await subscription;
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
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
