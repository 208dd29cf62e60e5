import type { Principal } from '../auth/principal';
import type { AuditRecord } from './entry';

/** Who a principal is in the audit log, and the organization whose chain their actions join when the token names one. */
export function auditActorOf(principal: Principal | null): Pick<AuditRecord, 'actorKind' | 'actorId' | 'orgId' | 'shopId'> {
  switch (principal?.kind) {
    case 'staff':
      return { actorKind: 'USER', actorId: principal.userId, orgId: principal.orgId, shopId: null };
    case 'customer':
      return { actorKind: 'SHARE_LINK', actorId: principal.grant ?? principal.inspectionId, orgId: principal.orgId, shopId: principal.shopId };
    case 'partner':
      return { actorKind: 'PARTNER_KEY', actorId: principal.keyId, orgId: null, shopId: principal.shopIds.length === 1 ? principal.shopIds[0] : null };
    case 'operator':
      return { actorKind: 'OPERATOR', actorId: principal.operator, orgId: null, shopId: null };
    default:
      return { actorKind: 'ANONYMOUS', actorId: null, orgId: null, shopId: null };
  }
}
