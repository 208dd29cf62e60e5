import type { DataSource } from 'typeorm';
import { processOnce, type AuditRecord, type CatalogEvent } from '@cip/platform';
import type { AuditLog } from './audit';
import type { ThreatDetector } from './threats';

export const auditConsumer = 'shops-audit';

/** What the audit log takes from the bus: the gateway's record of every mutation, and the services' own work (partner accruals). */
export const auditedEventTypes = ['audit.recorded', 'commission.accrued', 'commission.reversed'] as const;
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
      const entry = await this.audit.append(manager, event.type === 'audit.recorded' ? event.data : serviceRecord(event));
      if (entry) await this.threats.mutationRecorded(manager, entry);
    });
  }
}

/** A partner accrual or reversal, as an entry of the partners service. */
function serviceRecord(event: Exclude<AuditedEvent, CatalogEvent<'audit.recorded'>>): AuditRecord {
  return {
    id: event.id,
    occurredAt: new Date(event.occurredAt).toISOString(),
    actorKind: 'SERVICE',
    actorId: 'partners',
    orgId: event.orgId,
    shopId: event.shopId,
    type: 'EVENT',
    operation: event.type,
    targetIds: [event.data.ledgerEntryId, event.data.partnerId, event.data.programId, event.data.sourceEventId],
    inputDigest: null,
    outcome: 'SUCCESS',
    errorCode: null,
    requestId: null,
    traceId: null,
    clientAddress: null,
    userAgent: null,
  };
}
