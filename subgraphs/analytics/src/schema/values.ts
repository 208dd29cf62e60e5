import type { MoneyShape } from '@cip/platform';
import { Money } from '../builder';
import { approvalRate, averageRepairOrderCents, ratio } from '../domain/measures';
import { MetricsBucketRef, MetricsValuesRef, type ValuesShape } from './refs';

const money = (values: ValuesShape, cents: number): MoneyShape => ({ amountCents: Math.round(cents), currency: values.currency });

MetricsValuesRef.implement({
  description:
    'Inspection and sales measures over a period. Each event counts on the shop-local day of the instant it describes (started, completed, sent, decided, refunded, closed); when an inspection or recommendation has several events of one kind, only the latest counts.',
  fields: (t) => ({
    inspectionsStarted: t.int({ description: 'Inspections started.', resolve: (v) => v.totals.inspectionsStarted }),
    inspectionsCompleted: t.int({ description: 'Inspections completed by the technician.', resolve: (v) => v.totals.inspectionsCompleted }),
    inspectionsSent: t.int({ description: 'Inspection reports sent to the customer.', resolve: (v) => v.totals.inspectionsSent }),
    inspectionRate: t.float({
      nullable: true,
      description: 'Inspections completed per inspection started in the period (0–1+); null when none started.',
      resolve: (v) => ratio(v.totals.inspectionsCompleted, v.totals.inspectionsStarted),
    }),
    sentRate: t.float({
      nullable: true,
      description: 'Reports sent per inspection completed in the period; null when none completed.',
      resolve: (v) => ratio(v.totals.inspectionsSent, v.totals.inspectionsCompleted),
    }),
    itemsGreen: t.int({ description: 'Items marked green (good) on completed inspections.', resolve: (v) => v.totals.itemsGreen }),
    itemsYellow: t.int({ description: 'Items marked yellow (needs attention soon) on completed inspections.', resolve: (v) => v.totals.itemsYellow }),
    itemsRed: t.int({ description: 'Items marked red (needs attention now) on completed inspections.', resolve: (v) => v.totals.itemsRed }),
    recommendationsPresented: t.int({ description: 'Recommendations in reports sent to customers.', resolve: (v) => v.totals.presentedCount }),
    presented: t.field({ type: Money, description: 'Total price of the recommendations presented.', resolve: (v) => money(v, v.totals.presentedCents) }),
    recommendationsApproved: t.int({ description: 'Recommendations the customer approved.', resolve: (v) => v.totals.approvedCount }),
    approved: t.field({ type: Money, description: 'Total price of the approved recommendations.', resolve: (v) => money(v, v.totals.approvedCents) }),
    recommendationsDeclined: t.int({ description: 'Recommendations the customer declined.', resolve: (v) => v.totals.declinedCount }),
    declined: t.field({ type: Money, description: 'Total price of the declined recommendations.', resolve: (v) => money(v, v.totals.declinedCents) }),
    recommendationsRefunded: t.int({ description: 'Approved recommendations refunded afterwards.', resolve: (v) => v.totals.refundedCount }),
    refunded: t.field({ type: Money, description: 'Total refunded.', resolve: (v) => money(v, v.totals.refundedCents) }),
    approvalRate: t.float({
      nullable: true,
      description: 'Approval (close) rate: approved recommendations divided by decided ones (approved + declined), 0–1; null when none were decided.',
      resolve: (v) => approvalRate(v.totals),
    }),
    inspectionsClosedWithApproval: t.int({
      description: 'Inspections closed in the period with at least one approved recommendation: the denominator of the average repair order.',
      resolve: (v) => v.totals.closedWithApproval,
    }),
    averageRepairOrder: t.field({
      type: Money,
      nullable: true,
      description:
        'Average repair order (ARO): the approved cents of inspections closed in the period with at least one approval, divided by the number of those inspections, rounded to the cent; null when there were none.',
      resolve: (v) => {
        const cents = averageRepairOrderCents(v.totals);
        return cents === null ? null : money(v, cents);
      },
    }),
    partnerRevenue: t.field({
      type: Money,
      nullable: true,
      description:
        "Commission partners owe the shop: accruals minus reversals from the partners' commission ledger, on the day the ledger recorded them. Null for technicians (commissions belong to the shop).",
      resolve: (v) => (v.withPartnerRevenue ? money(v, v.totals.partnerRevenueCents) : null),
    }),
    followUpsSent: t.int({
      description: "Follow-ups about declined recommendations that reached the customer (by e-mail or text), on the day the first of their messages was accepted.",
      resolve: (v) => v.totals.followUpsSent,
    }),
    followUpApprovals: t.int({
      description:
        'Follow-ups that turned into an approval: the customer approved a recommendation on a later inspection after the follow-up was sent, counted once per follow-up on the day of that approval.',
      resolve: (v) => v.totals.followUpApprovals,
    }),
    averageResponseSeconds: t.float({
      nullable: true,
      description: 'Average time from the report being sent to the customer deciding on a recommendation, in seconds; null when nothing was decided.',
      resolve: (v) => ratio(v.totals.responseMsSum / 1000, v.totals.responses),
    }),
  }),
});

MetricsBucketRef.implement({
  description: 'The measures of one bucket of a series.',
  fields: (t) => ({
    start: t.string({ description: 'First shop-local day of the bucket, "YYYY-MM-DD".', resolve: (b) => b.bucket.start }),
    values: t.field({
      type: MetricsValuesRef,
      description: 'The measures in the bucket.',
      resolve: (b) => ({ totals: b.bucket.totals, currency: b.currency, withPartnerRevenue: b.withPartnerRevenue }),
    }),
  }),
});
