import { appError, ErrorCode, liveFeed, type CatalogEvent, type EventBus, type Logger } from '@cip/platform';
import type { Inspection } from '../data/inspection';
import type { Recommendation } from '../data/recommendation';

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

/** What one delivery of `inspectionUpdated` reports beside the inspection. */
export interface InspectionChange {
  eventId: string;
  type: LiveEvent['type'];
  actorKind: 'STAFF' | 'CUSTOMER' | 'SYSTEM';
  occurredAt: Date;
  changedFields: readonly string[];
  recommendationId: string | null;
}

/** The Inspection fields each kind of change sets. */
const changedFields: Record<LiveEvent['type'], readonly string[]> = {
  'inspection.started': ['status', 'startedAt', 'technician'],
  'inspection.completed': ['status', 'completedAt', 'recommendations', 'approval'],
  'inspection.sent': ['status', 'sentAt', 'shareExpiresAt'],
  'inspection.closed': ['status', 'closedAt'],
  'recommendation.approved': ['recommendations', 'approval'],
  'recommendation.declined': ['recommendations', 'approval'],
  'recommendation.refunded': ['recommendations', 'approval'],
};

const dateOf = (value: string | null) => (value ? new Date(value) : null);

export function changeOf(event: LiveEvent): InspectionChange {
  return {
    eventId: event.id,
    type: event.type,
    actorKind: event.data.actor?.kind ?? 'SYSTEM',
    occurredAt: new Date(event.occurredAt),
    changedFields: changedFields[event.type],
    recommendationId: event.subject.typename === 'Recommendation' ? event.subject.id : null,
  };
}

/**
 * The inspection as the event left it: its state from the event's payload over the stored row (whose
 * other columns never change after it opens). Events from before payloads carried the state show the row.
 */
export function inspectionAfter(current: Inspection, event: LiveEvent): Inspection {
  const after = event.data.after;
  if (!after) return current;
  return {
    ...current,
    status: after.status,
    technicianId: after.technicianId,
    startedAt: dateOf(after.startedAt),
    completedAt: dateOf(after.completedAt),
    sentAt: dateOf(after.sentAt),
    closedAt: dateOf(after.closedAt),
    shareExpiresAt: dateOf(after.shareExpiresAt),
  };
}

/** Recommendations as of the change: decisions and refunds made after it show as not yet made. */
export function recommendationsAt(recommendations: readonly Recommendation[], at: Date): Recommendation[] {
  return recommendations.map((r) => {
    const decided = r.decidedAt !== null && r.decidedAt <= at;
    const refunded = r.refundedAt !== null && r.refundedAt <= at;
    return {
      ...r,
      ...(decided ? {} : { decision: null, decidedAt: null, decidedBy: null }),
      ...(refunded ? {} : { refundedAt: null, refundReason: null }),
    };
  });
}

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
