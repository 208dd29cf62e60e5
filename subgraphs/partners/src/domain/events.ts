import { buildEvent } from '@cip/platform';
import type { AppendedEntry } from '../data/ledger';

/** Partner events belong to no organization; the nil UUID stands in for the envelope's orgId. */
export const noOrganization = '00000000-0000-0000-0000-000000000000';

export const commissionEvent = (entry: AppendedEntry) =>
  buildEvent(entry.kind === 'ACCRUAL' ? 'commission.accrued' : 'commission.reversed', {
    orgId: entry.orgId,
    shopId: entry.shopId,
    subjectId: entry.shopId,
    data: {
      ledgerEntryId: entry.id,
      partnerId: entry.partnerId,
      programId: entry.programId,
      amountCents: Math.abs(entry.amountCents),
      currency: entry.currency,
      sourceEventId: entry.sourceEventId,
    },
  });

export const apiKeyIssued = (key: { id: string; partnerId: string; keyHash: string; prefix: string; plan: string }, shopIds: string[]) =>
  buildEvent('partner.api_key_issued', {
    orgId: noOrganization,
    shopId: null,
    subjectId: key.partnerId,
    data: { keyId: key.id, partnerId: key.partnerId, keyHash: key.keyHash, prefix: key.prefix, plan: key.plan, shopIds },
  });

export const apiKeyRevoked = (key: { id: string; partnerId: string }) =>
  buildEvent('partner.api_key_revoked', { orgId: noOrganization, shopId: null, subjectId: key.partnerId, data: { keyId: key.id, partnerId: key.partnerId } });

export const enrollmentChanged = (partnerId: string, shopIds: string[]) =>
  buildEvent('partner.enrollment_changed', { orgId: noOrganization, shopId: null, subjectId: partnerId, data: { partnerId, shopIds } });
