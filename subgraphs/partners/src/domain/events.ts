import { newEvent } from '@cip/platform';
import type { LedgerEntry } from '../data/ledger';

/** Payloads of the inspections events the ledger consumes (see the event contract in the briefing). */
export interface InspectionSent {
  inspectionId: string;
  sentAt: string;
  recommendations: { recommendationId: string; totalCents: number; partnerProductId: string | null; quantity: number }[];
  currency: string;
}

export interface RecommendationDecided {
  inspectionId: string;
  recommendationId: string;
  decidedAt: string;
  totalCents: number;
  currency: string;
  quantity: number;
  partnerProductId: string | null;
  educationViewed: boolean;
}

export interface RecommendationRefunded {
  inspectionId: string;
  recommendationId: string;
  refundedAt: string;
  totalCents: number;
  currency: string;
  partnerProductId: string | null;
  reason: string;
}

/** Partner events belong to no organization; the nil UUID stands in for the envelope's orgId. */
export const noOrganization = '00000000-0000-0000-0000-000000000000';

export const commissionEvent = (entry: LedgerEntry) =>
  newEvent({
    type: entry.kind === 'ACCRUAL' ? 'commission.accrued' : 'commission.reversed',
    orgId: entry.orgId,
    shopId: entry.shopId,
    subject: { typename: 'Shop', id: entry.shopId },
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
  newEvent({
    type: 'partner.api_key_issued',
    orgId: noOrganization,
    shopId: null,
    subject: { typename: 'Partner', id: key.partnerId },
    data: { keyId: key.id, partnerId: key.partnerId, keyHash: key.keyHash, prefix: key.prefix, plan: key.plan, shopIds },
  });

export const apiKeyRevoked = (key: { id: string; partnerId: string }) =>
  newEvent({
    type: 'partner.api_key_revoked',
    orgId: noOrganization,
    shopId: null,
    subject: { typename: 'Partner', id: key.partnerId },
    data: { keyId: key.id, partnerId: key.partnerId },
  });

export const enrollmentChanged = (partnerId: string, shopIds: string[]) =>
  newEvent({
    type: 'partner.enrollment_changed',
    orgId: noOrganization,
    shopId: null,
    subject: { typename: 'Partner', id: partnerId },
    data: { partnerId, shopIds },
  });
