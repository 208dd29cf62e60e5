import type { EventEnvelope } from './envelope';

export interface ConsumeOptions {
  /**
   * Consumers sharing a group share the work (each event reaches one of them). A gateway replica that
   * fans events out to its own clients uses a group of its own.
   */
  group: string;
  /** Where a new group starts: every retained event, or only those published from now on. */
  from?: 'beginning' | 'latest';
  /** Deletes the group's position when the subscription closes (per-replica fan-out groups). */
  ephemeral?: boolean;
  /**
   * The event types the handler takes; the group is handed only those and moves past the others (all of
   * them when left out). The PostgreSQL bus does not even wake the group for a publish of other types.
   */
  types?: readonly string[];
}

export interface BusSubscription {
  close(): Promise<void>;
}

/**
 * The bus may have lost what this producer published lately (a Redis that restarted without its data):
 * the producer publishes its recent events again, then calls `acknowledgeReset`.
 */
export class BusResetError extends Error {
  readonly code = 'BUS_RESET';
  constructor(readonly source: string) {
    super(`the event bus may have lost events of ${source}; publish them again`);
    this.name = 'BusResetError';
  }
}

export interface PublishOptions {
  /** The producer (a service's outbox); with it, a bus that may have lost its events says so with BusResetError. */
  source?: string;
}

/** Delivery is at least once and in publish order per group; handlers must be idempotent on `event.id`. */
export interface EventBus {
  readonly kind: 'postgres' | 'redis';
  /** Reading loops running now: one per consumed group, whatever fans out behind it. */
  readonly consumers: number;
  publish(events: EventEnvelope<unknown>[], options?: PublishOptions): Promise<void>;
  /** Records that `source` has published again what the bus lost (after a BusResetError). */
  acknowledgeReset(source: string): Promise<void>;
  /** Whether the bus answers right now (for readiness). */
  healthy(): Promise<boolean>;
  consume(options: ConsumeOptions, handler: (event: EventEnvelope) => Promise<void>): Promise<BusSubscription>;
  /**
   * Like `consume`, but hands the handler each batch the bus reads at once, in order (for consumers that
   * apply a batch in one transaction); the batch is acknowledged after the handler returns and delivered
   * again, whole, when it throws.
   */
  consumeBatches(options: ConsumeOptions, handler: (events: EventEnvelope[]) => Promise<void>): Promise<BusSubscription>;
  close(): Promise<void>;
}
