import { buildEvent, type Principal } from '@cip/platform';
import type { Inspection, InspectionItem } from '../data/inspection';
import { totalCents, type Recommendation } from '../data/recommendation';
import { approvalTotals } from './approval';
import { summarize } from './conditions';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Who made a change, as its event names them. */
export interface Actor {
  kind: 'STAFF' | 'CUSTOMER' | 'SYSTEM';
  userId: string | null;
}

export const actorOf = (principal: Principal | null): Actor =>
  principal?.kind === 'staff' ? { kind: 'STAFF', userId: principal.userId } : principal?.kind === 'customer' ? { kind: 'CUSTOMER', userId: null } : { kind: 'SYSTEM', userId: null };

/** The inspection as the change left it and who made it: live subscribers show this, not a later read. */
const change = (i: Inspection, actor: Actor) => ({
  actor,
  after: {
    status: i.status,
    technicianId: i.technicianId,
    startedAt: iso(i.startedAt),
    completedAt: iso(i.completedAt),
    sentAt: iso(i.sentAt),
    closedAt: iso(i.closedAt),
    shareExpiresAt: iso(i.shareExpiresAt),
  },
});

const aboutInspection = (i: Inspection, occurredAt: Date) => ({ orgId: i.orgId, shopId: i.shopId, subjectId: i.id, occurredAt });
const aboutRecommendation = (r: Recommendation, occurredAt: Date) => ({ orgId: r.orgId, shopId: r.shopId, subjectId: r.id, occurredAt });

export const inspectionStarted = (i: Inspection, actor: Actor) =>
  buildEvent('inspection.started', {
    ...aboutInspection(i, i.startedAt!),
    data: {
      inspectionId: i.id,
      vehicleId: i.vehicleId,
      customerId: i.customerId,
      technicianId: i.technicianId,
      templateId: i.templateId,
      templateVersion: i.templateVersion,
      repairOrderNumber: i.repairOrderNumber,
      startedAt: i.startedAt!.toISOString(),
      ...change(i, actor),
    },
  });

export function inspectionCompleted(i: Inspection, items: InspectionItem[], recommendations: Recommendation[], actor: Actor) {
  const { green, yellow, red, notInspected } = summarize(items);
  return buildEvent('inspection.completed', {
    ...aboutInspection(i, i.completedAt!),
    data: {
      inspectionId: i.id,
      vehicleId: i.vehicleId,
      customerId: i.customerId,
      technicianId: i.technicianId,
      startedAt: iso(i.startedAt),
      completedAt: i.completedAt!.toISOString(),
      items: { green, yellow, red, notInspected },
      recommendationCount: recommendations.length,
      recommendedCents: recommendations.reduce((sum, r) => sum + totalCents(r), 0),
      currency: i.currency,
      ...change(i, actor),
    },
  });
}

export const inspectionSent = (i: Inspection, recommendations: Recommendation[], actor: Actor) =>
  buildEvent('inspection.sent', {
    ...aboutInspection(i, i.sentAt!),
    data: {
      inspectionId: i.id,
      technicianId: i.technicianId,
      completedAt: iso(i.completedAt),
      sentAt: i.sentAt!.toISOString(),
      recommendations: recommendations.map((r) => ({ recommendationId: r.id, totalCents: totalCents(r), partnerProductId: r.partnerProductId, quantity: r.quantity })),
      presentedCents: recommendations.reduce((sum, r) => sum + totalCents(r), 0),
      currency: i.currency,
      ...change(i, actor),
    },
  });

/** The customer's link, for the shops subgraph to deliver; `sealedUrl` is sealed for the services holding the signing key. */
export const linkIssued = (i: Inspection, sealedUrl: string, issuedAt: Date, renewal: boolean) =>
  buildEvent('inspection.link_issued', {
    ...aboutInspection(i, issuedAt),
    data: {
      inspectionId: i.id,
      customerId: i.customerId,
      vehicleId: i.vehicleId,
      sealedUrl,
      issuedAt: issuedAt.toISOString(),
      expiresAt: i.shareExpiresAt!.toISOString(),
      renewal,
    },
  });

export const inspectionOpened = (i: Inspection, openedAt: Date) =>
  buildEvent('inspection.opened', { ...aboutInspection(i, openedAt), data: { inspectionId: i.id, customerId: i.customerId, openedAt: openedAt.toISOString() } });

export function inspectionClosed(i: Inspection, recommendations: Recommendation[], actor: Actor) {
  const totals = approvalTotals(recommendations);
  return buildEvent('inspection.closed', {
    ...aboutInspection(i, i.closedAt!),
    data: {
      inspectionId: i.id,
      technicianId: i.technicianId,
      closedAt: i.closedAt!.toISOString(),
      approvedCount: totals.approvedCount,
      declinedCount: totals.declinedCount,
      approvedCents: totals.approvedCents,
      declinedCents: totals.declinedCents,
      currency: i.currency,
      ...change(i, actor),
    },
  });
}

export const recommendationDecided = (i: Inspection, r: Recommendation, actor: Actor, closesInspection: boolean) =>
  buildEvent(r.decision === 'APPROVED' ? 'recommendation.approved' : 'recommendation.declined', {
    ...aboutRecommendation(r, r.decidedAt!),
    data: {
      inspectionId: i.id,
      recommendationId: r.id,
      technicianId: i.technicianId,
      decidedAt: r.decidedAt!.toISOString(),
      sentAt: iso(i.sentAt),
      partsCents: r.partsCents * r.quantity,
      laborCents: r.laborCents,
      totalCents: totalCents(r),
      currency: i.currency,
      quantity: r.quantity,
      partnerProductId: r.partnerProductId,
      educationViewed: r.educationViewedAt !== null && (r.decidedAt === null || r.educationViewedAt <= r.decidedAt),
      closesInspection,
      ...change(i, actor),
    },
  });

export const recommendationRefunded = (i: Inspection, r: Recommendation, actor: Actor) =>
  buildEvent('recommendation.refunded', {
    ...aboutRecommendation(r, r.refundedAt!),
    data: { inspectionId: i.id, recommendationId: r.id, refundedAt: r.refundedAt!.toISOString(), totalCents: totalCents(r), currency: i.currency, partnerProductId: r.partnerProductId, reason: r.refundReason, ...change(i, actor) },
  });
