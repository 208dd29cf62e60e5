import { newEvent } from '@cip/platform';
import type { Inspection, InspectionItem } from '../data/inspection';
import { totalCents, type Recommendation } from '../data/recommendation';
import { approvalTotals } from './approval';
import { summarize } from './conditions';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

const inspectionEvent = (type: string, inspection: Inspection, data: Record<string, unknown>, occurredAt: Date) =>
  newEvent({
    type,
    orgId: inspection.orgId,
    shopId: inspection.shopId,
    subject: { typename: 'Inspection', id: inspection.id },
    data: { inspectionId: inspection.id, ...data },
    occurredAt,
  });

export const inspectionStarted = (i: Inspection) =>
  inspectionEvent(
    'inspection.started',
    i,
    {
      vehicleId: i.vehicleId,
      customerId: i.customerId,
      technicianId: i.technicianId,
      templateId: i.templateId,
      templateVersion: i.templateVersion,
      repairOrderNumber: i.repairOrderNumber,
      startedAt: iso(i.startedAt),
    },
    i.startedAt!,
  );

export function inspectionCompleted(i: Inspection, items: InspectionItem[], recommendations: Recommendation[]) {
  const { green, yellow, red, notInspected } = summarize(items);
  return inspectionEvent(
    'inspection.completed',
    i,
    {
      vehicleId: i.vehicleId,
      customerId: i.customerId,
      technicianId: i.technicianId,
      startedAt: iso(i.startedAt),
      completedAt: iso(i.completedAt),
      items: { green, yellow, red, notInspected },
      recommendationCount: recommendations.length,
      recommendedCents: recommendations.reduce((sum, r) => sum + totalCents(r), 0),
      currency: i.currency,
    },
    i.completedAt!,
  );
}

export const inspectionSent = (i: Inspection, recommendations: Recommendation[]) =>
  inspectionEvent(
    'inspection.sent',
    i,
    {
      technicianId: i.technicianId,
      completedAt: iso(i.completedAt),
      sentAt: iso(i.sentAt),
      recommendations: recommendations.map((r) => ({ recommendationId: r.id, totalCents: totalCents(r), partnerProductId: r.partnerProductId, quantity: r.quantity })),
      presentedCents: recommendations.reduce((sum, r) => sum + totalCents(r), 0),
      currency: i.currency,
    },
    i.sentAt!,
  );

export function inspectionClosed(i: Inspection, recommendations: Recommendation[]) {
  const totals = approvalTotals(recommendations);
  return inspectionEvent(
    'inspection.closed',
    i,
    {
      technicianId: i.technicianId,
      closedAt: iso(i.closedAt),
      approvedCount: totals.approvedCount,
      declinedCount: totals.declinedCount,
      approvedCents: totals.approvedCents,
      declinedCents: totals.declinedCents,
      currency: i.currency,
    },
    i.closedAt!,
  );
}

const recommendationEvent = (type: string, i: Inspection, r: Recommendation, data: Record<string, unknown>, occurredAt: Date) =>
  newEvent({
    type,
    orgId: r.orgId,
    shopId: r.shopId,
    subject: { typename: 'Recommendation', id: r.id },
    data: { inspectionId: i.id, recommendationId: r.id, ...data },
    occurredAt,
  });

export const recommendationDecided = (i: Inspection, r: Recommendation) =>
  recommendationEvent(
    r.decision === 'APPROVED' ? 'recommendation.approved' : 'recommendation.declined',
    i,
    r,
    {
      technicianId: i.technicianId,
      decidedAt: iso(r.decidedAt),
      sentAt: iso(i.sentAt),
      partsCents: r.partsCents * r.quantity,
      laborCents: r.laborCents,
      totalCents: totalCents(r),
      currency: i.currency,
      quantity: r.quantity,
      partnerProductId: r.partnerProductId,
      educationViewed: r.educationViewedAt !== null && (r.decidedAt === null || r.educationViewedAt <= r.decidedAt),
    },
    r.decidedAt!,
  );

export const recommendationRefunded = (i: Inspection, r: Recommendation) =>
  recommendationEvent(
    'recommendation.refunded',
    i,
    r,
    { refundedAt: iso(r.refundedAt), totalCents: totalCents(r), currency: i.currency, partnerProductId: r.partnerProductId, reason: r.refundReason },
    r.refundedAt!,
  );
