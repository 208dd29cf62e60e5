import type DataLoader from 'dataloader';
import { appError, ErrorCode, liveFeed, type CatalogEvent, type EventBus, type Logger, type Principal } from '@cip/platform';
import type { Inspection, InspectionItem } from '../data/inspection';
import type { Recommendation } from '../data/recommendation';
import type { Repositories } from '../data/repositories';
import { canReadInspection } from './access';

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

/** The stored inspection an event is about, with its items and recommendations. */
export interface LiveState {
  inspection: Inspection;
  items: InspectionItem[];
  recommendations: Recommendation[];
}

/** One event as every subscriber of this process receives it. */
export interface LiveDelivery {
  event: LiveEvent;
  /** Read once, at the first subscriber that resolves it, and shared by all of them; null when the inspection is gone. */
  state(): Promise<LiveState | null>;
}

/** The request loaders a delivery primes, so the fields a subscriber selects read the state of the change. */
export interface LiveLoaders {
  inspection: DataLoader<string, Inspection | null>;
  recommendation: DataLoader<string, Recommendation | null>;
  itemsByInspection: DataLoader<string, InspectionItem[]>;
  recommendationsByInspection: DataLoader<string, Recommendation[]>;
}

/** The inspection as the delivery's change left it, for a caller allowed to read it (else null), with its loaders primed to match. */
export async function inspectionUpdate(delivery: LiveDelivery, principal: Principal | null, loaders: LiveLoaders): Promise<(Inspection & { change: InspectionChange }) | null> {
  const state = await delivery.state();
  if (!state || !canReadInspection(principal, state.inspection)) return null;
  const change = changeOf(delivery.event);
  const { id } = state.inspection;
  const asOf = recommendationsAt(state.recommendations, change.occurredAt);
  loaders.inspection.clear(id).prime(id, state.inspection);
  loaders.itemsByInspection.clear(id).prime(id, state.items);
  loaders.recommendationsByInspection.clear(id).prime(id, asOf);
  for (const r of asOf) loaders.recommendation.clear(r.id).prime(r.id, r);
  return { ...inspectionAfter(state.inspection, delivery.event), change };
}

/** The recommendation a decision event is about, as stored, for a caller allowed to read its inspection (else null). */
export async function decidedRecommendation(delivery: LiveDelivery, principal: Principal | null, loaders: LiveLoaders): Promise<Recommendation | null> {
  const state = await delivery.state();
  if (!state || !canReadInspection(principal, state.inspection)) return null;
  const recommendation = state.recommendations.find((r) => r.id === delivery.event.subject.id);
  if (!recommendation) return null;
  loaders.inspection.clear(state.inspection.id).prime(state.inspection.id, state.inspection);
  return recommendation;
}

export interface LiveUpdates {
  /** Resolves once the feed is reading, so no event published after that is missed. */
  events(accept: (event: LiveEvent) => boolean): Promise<AsyncIterableIterator<LiveDelivery>>;
  /** Runs the work of delivering one event, so `close` can wait for deliveries in flight. */
  deliver<T>(work: () => Promise<T>): Promise<T>;
  /** Ends every open subscription and waits for deliveries in flight: the app stops them before the bus and the database close. */
  close(): Promise<void>;
}

async function readState(repos: Repositories, inspectionId: string): Promise<LiveState | null> {
  const [[inspection], [items], [recommendations]] = await Promise.all([
    repos.inspections.findByIds([inspectionId]),
    repos.items.listByInspectionIds([inspectionId]),
    repos.recommendations.listByInspectionIds([inspectionId]),
  ]);
  return inspection ? { inspection, items, recommendations } : null;
}

/**
 * Every subscriber of this process reads one live feed (one bus group, fanned out in memory), and each
 * event's inspection is read once for all of them, not once per subscriber.
 */
export function createLiveUpdates(bus: EventBus, logger: Logger, repos: Repositories): LiveUpdates {
  const feed = liveFeed<LiveEvent['type'], LiveDelivery>(bus, 'inspections', {
    types: liveEventTypes,
    logger,
    project: async (event) => {
      let read: Promise<LiveState | null> | undefined;
      return { event, state: () => (read ??= readState(repos, event.data.inspectionId)) };
    },
  });
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
