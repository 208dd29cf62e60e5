import type { Logger } from '../logger';
import type { BusSubscription, ConsumeOptions, EventBus } from './bus';
import { EventSchemaError, parseEvent, type CatalogEvent, type EventType } from './catalog';
import type { EventEnvelope } from './envelope';

/**
 * Wraps a handler of catalog events: events of other types pass by; an event of one of `types` that
 * does not match its catalog schema is logged with its code and thrown back to the bus, which keeps it
 * unacknowledged and retries it (a fixed producer or consumer then takes it) rather than losing it.
 */
export function catalogHandler<T extends EventType>(
  types: readonly T[],
  context: { group: string; logger: Logger },
  handler: (event: CatalogEvent<T>) => Promise<void>,
): (envelope: EventEnvelope) => Promise<void> {
  const wanted = new Set<string>(types);
  return async (envelope) => {
    if (!wanted.has(envelope.type)) return;
    let event: CatalogEvent;
    try {
      event = parseEvent(envelope);
    } catch (error) {
      if (error instanceof EventSchemaError) {
        context.logger.error('event rejected: it does not match its catalog schema; it stays unacknowledged', {
          code: error.code,
          group: context.group,
          eventId: error.event.id,
          type: error.event.type,
          version: error.event.version,
          reason: error.message,
          issues: error.issues,
        });
      }
      throw error;
    }
    await handler(event as CatalogEvent<T>);
  };
}

/** Consumes the catalog events of `types` for a group, parsed; see catalogHandler. */
export function consumeEvents<T extends EventType>(
  bus: EventBus,
  options: ConsumeOptions & { types: readonly T[]; logger: Logger },
  handler: (event: CatalogEvent<T>) => Promise<void>,
): Promise<BusSubscription> {
  const { types, logger, ...consume } = options;
  return bus.consume({ ...consume, types }, catalogHandler(types, { group: consume.group, logger }, handler));
}

/**
 * Consumes the catalog events of `types` for a group a batch at a time, parsed (other types dropped from
 * the batch); a malformed event fails the whole batch, which stays unacknowledged as with consumeEvents.
 */
export function consumeEventBatches<T extends EventType>(
  bus: EventBus,
  options: ConsumeOptions & { types: readonly T[]; logger: Logger },
  handler: (events: CatalogEvent<T>[]) => Promise<void>,
): Promise<BusSubscription> {
  const { types, logger, ...consume } = options;
  return bus.consumeBatches({ ...consume, types }, async (envelopes) => {
    const events: CatalogEvent<T>[] = [];
    const parse = catalogHandler(types, { group: consume.group, logger }, async (event) => void events.push(event));
    for (const envelope of envelopes) await parse(envelope);
    if (events.length > 0) await handler(events);
  });
}
