import type { DataSource } from 'typeorm';
import { processOnce, type AuditRecord, type CatalogEvent } from '@cip/platform';
import type { AuditLog } from './audit';
import type { ThreatDetector } from './threats';

export const auditConsumer = 'shops-audit';

/** What the audit log takes from the bus: the gateway's record of every mutation, the services' own work (partner accruals) and feature flag changes. */
export const auditedEventTypes = ['audit.recorded', 'commission.accrued', 'commission.reversed', 'feature_flag.changed'] as const;
type AuditedEvent = CatalogEvent<(typeof auditedEventTypes)[number]>;

/** Appends what the bus brings to the audit log, once per event, and lets threat detection look at each mutation in the same transaction. */
export class AuditConsumer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly threats: ThreatDetector,
  ) {}

  handle(event: AuditedEvent): Promise<boolean> {
    return processOnce(this.dataSource, 'shops', auditConsumer, event, async (manager) => {
      const record = event.type === 'audit.recorded' ? event.data : event.type === 'feature_flag.changed' ? flagRecord(event) : serviceRecord(event);
      const entry = await this.audit.append(manager, record);
      if (entry) await this.threats.mutationRecorded(manager, entry);
    });
  }
}

/** A flag change, in the platform's chain: the operator, the flag, what it was and became, and why. */
function flagRecord(event: CatalogEvent<'feature_flag.changed'>): AuditRecord {
  const { operator, ...details } = event.data;
  return eventRecord(event, {
    actorKind: 'OPERATOR',
    actorId: operator,
    orgId: null,
    shopId: null,
    targetIds: [event.data.key],
    details: { ...details, previousState: details.previousState ?? null },
  });
}

/** A partner accrual or reversal, as an entry of the partners service. */
function serviceRecord(event: CatalogEvent<'commission.accrued' | 'commission.reversed'>): AuditRecord {
  return eventRecord(event, {
    actorKind: 'SERVICE',
    actorId: 'partners',
    orgId: event.orgId,
    shopId: event.shopId,
    targetIds: [event.data.ledgerEntryId, event.data.partnerId, event.data.programId, event.data.sourceEventId],
  });
}

/** What every entry made from an event says alike: the event's id, time and type, a success, and no request behind it. */
function eventRecord(event: AuditedEvent, who: Pick<AuditRecord, 'actorKind' | 'actorId' | 'orgId' | 'shopId' | 'targetIds' | 'details'>): AuditRecord {
  return {
    id: event.id,
    occurredAt: new Date(event.occurredAt).toISOString(),
    type: 'EVENT',
    operation: event.type,
    inputDigest: null,
    outcome: 'SUCCESS',
    errorCode: null,
    requestId: null,
    traceId: null,
    clientAddress: null,
    userAgent: null,
    ...who,
  };
}
