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
}

export interface BusSubscription {
  close(): Promise<void>;
}

/** Delivery is at least once and in publish order per group; handlers must be idempotent on `event.id`. */
export interface EventBus {
  readonly kind: 'postgres' | 'redis';
  /** Reading loops running now: one per consumed group, whatever fans out behind it. */
  readonly consumers: number;
  publish(events: EventEnvelope<unknown>[]): Promise<void>;
  consume(options: ConsumeOptions, handler: (event: EventEnvelope) => Promise<void>): Promise<BusSubscription>;
  close(): Promise<void>;
}
