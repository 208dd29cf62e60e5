import type { Totals } from '../data/metrics';

export const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

/** Average repair order: approved cents of closed inspections with at least one approval, per such inspection. */
export const averageRepairOrderCents = (totals: Totals) =>
  totals.closedWithApproval > 0 ? Math.round(totals.closedApprovedCents / totals.closedWithApproval) : null;

/** Approval (close) rate: approved recommendations over decided ones (approved + declined). */
export const approvalRate = (totals: Totals) => ratio(totals.approvedCount, totals.approvedCount + totals.declinedCount);
