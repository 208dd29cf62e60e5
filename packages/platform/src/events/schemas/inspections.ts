import { z } from 'zod';
import { defineEvent } from '../definition';
import { cents, currency, id, instant } from './fields';

const inspectionId = id.describe('The inspection.');
const recommendationId = id.describe('The recommendation.');
const technicianId = id.nullable().describe('The technician assigned, if any.');

/** What live subscribers show: the inspection as this change left it, not as it is when the event is read. */
const after = z
  .object({
    status: z.enum(['DRAFT', 'IN_PROGRESS', 'COMPLETED', 'SENT', 'CLOSED']).describe('Its status.'),
    technicianId,
    startedAt: instant.nullable().describe('When it started.'),
    completedAt: instant.nullable().describe('When it was completed.'),
    sentAt: instant.nullable().describe('When it was sent.'),
    closedAt: instant.nullable().describe('When it closed.'),
    shareExpiresAt: instant.nullable().describe("When the customer's link stops working."),
  })
  .optional()
  .describe('The inspection right after this change; absent from events emitted before it was added.');
const actor = z
  .object({
    kind: z.enum(['STAFF', 'CUSTOMER', 'SYSTEM']).describe('Staff, the customer (share link), or the platform itself.'),
    userId: id.nullable().describe('The staff user; null for the customer and the platform.'),
  })
  .optional()
  .describe('Who made the change; absent from events emitted before it was added.');
const change = { after, actor };

const decision = z.object({
  inspectionId,
  recommendationId,
  technicianId,
  decidedAt: instant.describe('When the customer (or staff for them) decided.'),
  sentAt: instant.nullable().describe('When the report was sent.'),
  partsCents: cents.describe('Parts price times quantity.'),
  laborCents: cents.describe('Labor price.'),
  totalCents: cents.describe('What the customer pays for the line.'),
  currency,
  quantity: z.number().int().describe('Units of parts.'),
  partnerProductId: id.nullable().describe("The partner's product offered, if any."),
  educationViewed: z.boolean().describe('Whether the customer read the education content before deciding.'),
  closesInspection: z.boolean().optional().describe("Whether this decision was the last one and closed the inspection: its `inspection.closed` follows, from the same change."),
  ...change,
});

export const inspectionsEvents = [
  defineEvent({
    type: 'inspection.started',
    version: 1,
    producer: 'inspections',
    subject: 'Inspection',
    description: 'A technician began an inspection.',
    data: z.object({
      inspectionId,
      vehicleId: id.describe('The vehicle inspected.'),
      customerId: id.describe('Its owner.'),
      technicianId,
      templateId: z.string().describe('The template it follows.'),
      templateVersion: z.number().int().describe('The version of that template.'),
      repairOrderNumber: z.string().nullable().describe("The shop's repair order, if given."),
      startedAt: instant.describe('When it started.'),
      ...change,
    }),
  }),
  defineEvent({
    type: 'inspection.completed',
    version: 1,
    producer: 'inspections',
    subject: 'Inspection',
    description: 'The technician finished; recommendations were created from the findings.',
    data: z.object({
      inspectionId,
      vehicleId: id.describe('The vehicle inspected.'),
      customerId: id.describe('Its owner.'),
      technicianId,
      startedAt: instant.nullable().describe('When it started.'),
      completedAt: instant.describe('When it was completed.'),
      items: z
        .object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int(), notInspected: z.number().int() })
        .describe('Items per condition.'),
      recommendationCount: z.number().int().describe('Recommendations made.'),
      recommendedCents: cents.describe('Their total.'),
      currency,
      ...change,
    }),
  }),
  defineEvent({
    type: 'inspection.sent',
    version: 1,
    producer: 'inspections',
    subject: 'Inspection',
    description: 'The report was sent to the customer.',
    data: z.object({
      inspectionId,
      technicianId,
      completedAt: instant.nullable().describe('When it was completed.'),
      sentAt: instant.describe('When it was sent.'),
      recommendations: z
        .array(z.object({ recommendationId, totalCents: cents, partnerProductId: id.nullable(), quantity: z.number().int() }))
        .describe('What the customer is asked to decide.'),
      presentedCents: cents.describe('Total of the recommendations.'),
      currency,
      ...change,
    }),
  }),
  defineEvent({
    type: 'inspection.link_issued',
    version: 1,
    producer: 'inspections',
    subject: 'Inspection',
    entity: 'ShareLink',
    description:
      "A customer's link to the report was issued: when the report is sent, and again when the link is replaced. The shops subgraph delivers it to the customer; it reaches no webhook, and the link inside is sealed for the services holding the signing key.",
    data: z.object({
      inspectionId,
      customerId: id.describe('The customer the link is for.'),
      vehicleId: id.describe('The vehicle inspected.'),
      sealedUrl: z.string().min(1).describe("The customer's link (`<PUBLIC_URL>/approve/#<token>`), sealed with the platform's `sealer` for the purpose `inspection.link`."),
      issuedAt: instant.describe('When the link was issued.'),
      expiresAt: instant.describe('When the link stops working.'),
      renewal: z.boolean().describe('True when it replaces an earlier link (`renewShareLink`); false when the report was just sent.'),
    }),
  }),
  defineEvent({
    type: 'inspection.opened',
    version: 1,
    producer: 'inspections',
    subject: 'Inspection',
    entity: 'ShareLink',
    description: 'The customer opened the report from its link for the first time.',
    data: z.object({
      inspectionId,
      customerId: id.describe('The customer who opened it.'),
      openedAt: instant.describe('When the link was first opened.'),
    }),
  }),
  defineEvent({
    type: 'inspection.closed',
    version: 1,
    producer: 'inspections',
    subject: 'Inspection',
    description: 'Every recommendation was decided, or the shop closed the inspection.',
    data: z.object({
      inspectionId,
      technicianId,
      closedAt: instant.describe('When it closed.'),
      approvedCount: z.number().int().describe('Recommendations approved.'),
      declinedCount: z.number().int().describe('Recommendations declined.'),
      approvedCents: cents.describe('Total approved.'),
      declinedCents: cents.describe('Total declined.'),
      currency,
      ...change,
    }),
  }),
  defineEvent({
    type: 'recommendation.approved',
    version: 1,
    producer: 'inspections',
    subject: 'Recommendation',
    description: 'The customer approved a recommendation.',
    data: decision,
  }),
  defineEvent({
    type: 'recommendation.declined',
    version: 1,
    producer: 'inspections',
    subject: 'Recommendation',
    description: 'The customer declined a recommendation.',
    data: decision,
  }),
  defineEvent({
    type: 'recommendation.refunded',
    version: 1,
    producer: 'inspections',
    subject: 'Recommendation',
    description: 'An approved recommendation was refunded.',
    data: z.object({
      inspectionId,
      recommendationId,
      refundedAt: instant.describe('When it was refunded.'),
      totalCents: cents.describe('The amount refunded.'),
      currency,
      partnerProductId: id.nullable().describe("The partner's product, if any."),
      reason: z.string().nullable().describe('Why.'),
      ...change,
    }),
  }),
] as const;
