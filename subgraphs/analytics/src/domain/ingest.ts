import { enqueueEvents, newEvent, processOnce, type EventEnvelope, type Logger } from '@cip/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { FactRepository, type NewFact } from '../data/facts';

export const analyticsConsumer = 'analytics';

/** Published after a shop's rollups changed, once the change is committed; live dashboards listen for it. */
export const metricsUpdatedEvent = 'analytics.shop_metrics_updated';

export interface MetricsUpdated {
  days: string[];
}

type Data = Record<string, any>;

const at = (value: unknown, fallback: string) => new Date(typeof value === 'string' ? value : fallback);
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0);

/** How a domain event reads as a fact: which business instant it describes and what it measures. */
export function factOf(event: EventEnvelope): NewFact {
  const data = (event.data ?? {}) as Data;
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
      return { ...base, occurredAt: at(data.startedAt, event.occurredAt), supersedeKey: `started:${data.inspectionId}` };
    case 'inspection.completed':
      return {
        ...base,
        occurredAt: at(data.completedAt, event.occurredAt),
        supersedeKey: `completed:${data.inspectionId}`,
        itemsGreen: count(data.items?.green),
        itemsYellow: count(data.items?.yellow),
        itemsRed: count(data.items?.red),
        itemCount: count(data.recommendationCount),
        amountCents: count(data.recommendedCents),
      };
    case 'inspection.sent':
      return {
        ...base,
        occurredAt: at(data.sentAt, event.occurredAt),
        supersedeKey: `sent:${data.inspectionId}`,
        itemCount: Array.isArray(data.recommendations) ? data.recommendations.length : 0,
        amountCents: count(data.presentedCents),
      };
    case 'recommendation.approved':
    case 'recommendation.declined': {
      const decidedAt = at(data.decidedAt, event.occurredAt);
      const sentAt = typeof data.sentAt === 'string' ? new Date(data.sentAt) : null;
      return {
        ...base,
        occurredAt: decidedAt,
        supersedeKey: `decision:${data.recommendationId ?? event.subject.id}`,
        amountCents: count(data.totalCents),
        itemCount: 1,
        responseMs: sentAt && !Number.isNaN(sentAt.getTime()) ? Math.max(0, decidedAt.getTime() - sentAt.getTime()) : null,
      };
    }
    case 'recommendation.refunded':
      return {
        ...base,
        occurredAt: at(data.refundedAt, event.occurredAt),
        supersedeKey: `refund:${data.recommendationId ?? event.subject.id}`,
        amountCents: count(data.totalCents),
        itemCount: 1,
      };
    case 'inspection.closed':
      return {
        ...base,
        occurredAt: at(data.closedAt, event.occurredAt),
        supersedeKey: `closed:${data.inspectionId}`,
        itemCount: count(data.approvedCount),
        amountCents: count(data.approvedCents),
      };
    case 'commission.accrued':
      return { ...base, amountCents: count(data.amountCents) };
    case 'commission.reversed':
      return { ...base, amountCents: -Math.abs(count(data.amountCents)) };
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

  async handle(event: EventEnvelope): Promise<boolean> {
    if (event.type.startsWith('analytics.')) return false;
    return processOnce(this.dataSource, 'analytics', analyticsConsumer, event, (manager) => this.apply(manager, event));
  }

  private async apply(manager: EntityManager, event: EventEnvelope): Promise<void> {
    const shopId = event.shopId;
    if (shopId) await manager.query(`/* ingest.lockShop */ SELECT pg_advisory_xact_lock(hashtext('analytics:shop:' || $1))`, [shopId]);
    const fact = factOf(event);
    if (!(await this.facts.insert(manager, fact)) || !shopId) return;

    let days: string[];
    if (event.type === 'shop.created') {
      const data = event.data as Data;
      await this.facts.upsertProfile(manager, {
        shopId,
        orgId: event.orgId,
        name: typeof data.name === 'string' ? data.name : null,
        timezone: validTimezone(data.timezone) ? data.timezone : 'UTC',
        currency: typeof data.currency === 'string' ? data.currency : 'USD',
      });
      await this.facts.recompute(manager, { shopId });
      days = [];
    } else {
      const own = await this.facts.localDay(manager, fact.eventId);
      const settled = fact.supersedeKey ? await this.facts.settleSupersede(manager, fact.supersedeKey) : [];
      days = [...new Set([...(own ? [own] : []), ...settled])].sort();
      if (days.length === 0) return;
      await this.facts.recompute(manager, { shopId, days });
    }
    await enqueueEvents(manager, 'analytics', [
      newEvent<MetricsUpdated>({ type: metricsUpdatedEvent, orgId: event.orgId, shopId, subject: { typename: 'Shop', id: shopId }, data: { days } }),
    ]);
    this.logger?.debug('event applied', { type: event.type, shopId, days });
  }

  /** Recomputes every rollup from the facts in one transaction. */
  rebuild(): Promise<void> {
    return this.dataSource.transaction((manager) => this.facts.rebuild(manager));
  }
}

function validTimezone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
