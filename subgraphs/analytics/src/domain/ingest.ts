import { buildEvent, enqueueEvents, eventCatalog, processOnce, type CatalogEvent, type EventType, type Logger } from '@cip/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { FactRepository, type NewFact } from '../data/facts';

export const analyticsConsumer = 'analytics';

/** Published after a shop's rollups changed, once the change is committed; live dashboards listen for it. */
export const metricsUpdatedEvent = 'analytics.shop_metrics_updated';

/** Every catalog event but analytics' own becomes a fact. */
export const ingestedEventTypes = [...new Set(eventCatalog.map((definition) => definition.type))].filter(
  (type): type is Exclude<EventType, `analytics.${string}`> => !type.startsWith('analytics.'),
);
export type IngestedEvent = CatalogEvent<(typeof ingestedEventTypes)[number]>;


/** How a domain event reads as a fact: which business instant it describes and what it measures. */
export function factOf(event: IngestedEvent): NewFact {
  const data: Record<string, unknown> = event.data;
  const base: NewFact = {
    eventId: event.id,
    type: event.type,
    orgId: event.orgId,
    shopId: event.shopId,
    subjectId: event.subject.id,
    inspectionId: typeof data.inspectionId === 'string' ? data.inspectionId : null,
    technicianId: typeof data.technicianId === 'string' ? data.technicianId : null,
    occurredAt: new Date(event.occurredAt),
    supersedeKey: null,
    amountCents: 0,
    itemCount: 0,
    itemsGreen: 0,
    itemsYellow: 0,
    itemsRed: 0,
    responseMs: null,
    currency: typeof data.currency === 'string' ? data.currency : null,
    payload: data,
  };
  switch (event.type) {
    case 'inspection.started':
      return { ...base, occurredAt: new Date(event.data.startedAt), supersedeKey: `started:${event.data.inspectionId}` };
    case 'inspection.completed':
      return {
        ...base,
        occurredAt: new Date(event.data.completedAt),
        supersedeKey: `completed:${event.data.inspectionId}`,
        itemsGreen: event.data.items.green,
        itemsYellow: event.data.items.yellow,
        itemsRed: event.data.items.red,
        itemCount: event.data.recommendationCount,
        amountCents: event.data.recommendedCents,
      };
    case 'inspection.sent':
      return {
        ...base,
        occurredAt: new Date(event.data.sentAt),
        supersedeKey: `sent:${event.data.inspectionId}`,
        itemCount: event.data.recommendations.length,
        amountCents: event.data.presentedCents,
      };
    case 'recommendation.approved':
    case 'recommendation.declined': {
      const decidedAt = new Date(event.data.decidedAt);
      const sentAt = event.data.sentAt ? new Date(event.data.sentAt) : null;
      return {
        ...base,
        occurredAt: decidedAt,
        supersedeKey: `decision:${event.data.recommendationId}`,
        amountCents: event.data.totalCents,
        itemCount: 1,
        responseMs: sentAt ? Math.max(0, decidedAt.getTime() - sentAt.getTime()) : null,
      };
    }
    case 'recommendation.refunded':
      return {
        ...base,
        occurredAt: new Date(event.data.refundedAt),
        supersedeKey: `refund:${event.data.recommendationId}`,
        amountCents: event.data.totalCents,
        itemCount: 1,
      };
    case 'inspection.closed':
      return {
        ...base,
        occurredAt: new Date(event.data.closedAt),
        supersedeKey: `closed:${event.data.inspectionId}`,
        itemCount: event.data.approvedCount,
        amountCents: event.data.approvedCents,
      };
    case 'follow_up.sent':
      return { ...base, occurredAt: new Date(event.data.sentAt), supersedeKey: `follow_up_sent:${event.data.followUpId}` };
    case 'follow_up.converted':
      return { ...base, occurredAt: new Date(event.data.convertedAt), supersedeKey: `follow_up_converted:${event.data.followUpId}`, amountCents: event.data.approvedCents, itemCount: 1 };
    case 'commission.accrued':
      return { ...base, amountCents: event.data.amountCents };
    case 'commission.reversed':
      return { ...base, amountCents: -event.data.amountCents };
    default:
      return base;
  }
}

/**
 * Applies one domain event exactly once: records its fact, settles which fact of its kind counts, and
 * recomputes the rollups of the local days it touched. Work on one shop is serialized by an advisory
 * lock so two consumers never compute a day from each other's uncommitted facts.
 */
export class Ingestor {
  private readonly facts = new FactRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger?: Logger,
  ) {}

  async handle(event: CatalogEvent): Promise<boolean> {
    if (event.type === metricsUpdatedEvent) return false;
    return processOnce(this.dataSource, 'analytics', analyticsConsumer, event, (manager) => this.apply(manager, event));
  }

  private async apply(manager: EntityManager, event: IngestedEvent): Promise<void> {
    const shopId = event.shopId;
    if (shopId) await manager.query(`/* ingest.lockShop */ SELECT pg_advisory_xact_lock(hashtext('analytics:shop:' || $1))`, [shopId]);
    const fact = factOf(event);
    if (!(await this.facts.insert(manager, fact)) || !shopId) return;

    let days: string[];
    if (event.type === 'shop.created') {
      await this.facts.upsertProfile(manager, {
        shopId,
        orgId: event.orgId,
        name: event.data.name,
        timezone: validTimezone(event.data.timezone) ? event.data.timezone : 'UTC',
        currency: event.data.currency,
      });
      await this.facts.recompute(manager, { shopId });
      days = [];
    } else {
      const own = await this.facts.localDay(manager, fact.eventId);
      const settled = fact.supersedeKey ? await this.facts.settleSupersede(manager, fact.supersedeKey) : [];
      days = [...new Set([...(own ? [own] : []), ...settled])].sort();
      if (days.length === 0) return;
      await this.facts.recompute(manager, { shopId, days });
      // The inspection.closed of the same change follows at once; pushing now would show the approval
      // without the closed inspection (an ARO of null on a shop's first close of the day).
      if (closesInspection(event)) return;
    }
    await enqueueEvents(manager, 'analytics', [
      buildEvent(metricsUpdatedEvent, { orgId: event.orgId, shopId, subjectId: shopId, data: { days } }),
    ]);
    this.logger?.debug('event applied', { type: event.type, shopId, days });
  }

  /** Recomputes every rollup from the facts in one transaction. */
  rebuild(): Promise<void> {
    return this.dataSource.transaction((manager) => this.facts.rebuild(manager));
  }
}

const closesInspection = (event: IngestedEvent) =>
  (event.type === 'recommendation.approved' || event.type === 'recommendation.declined') && event.data.closesInspection === true;

function validTimezone(zone: string): boolean {
  if (zone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
