import { totalCents, type Recommendation } from '../data/recommendation';

export interface ApprovalTotals {
  presentedCount: number;
  approvedCount: number;
  declinedCount: number;
  pendingCount: number;
  refundedCount: number;
  presentedCents: number;
  approvedCents: number;
  declinedCents: number;
  refundedCents: number;
  /** Approved cents over presented cents; null when nothing was presented. */
  approvalRate: number | null;
}

/** Derived every time from the recommendations themselves, so totals can never disagree with decisions. */
export function approvalTotals(recommendations: readonly Recommendation[]): ApprovalTotals {
  const totals = { presentedCount: 0, approvedCount: 0, declinedCount: 0, pendingCount: 0, refundedCount: 0, presentedCents: 0, approvedCents: 0, declinedCents: 0, refundedCents: 0 };
  for (const r of recommendations) {
    const cents = totalCents(r);
    totals.presentedCount++;
    totals.presentedCents += cents;
    if (r.decision === 'APPROVED' && r.refundedAt) {
      totals.refundedCount++;
      totals.refundedCents += cents;
    } else if (r.decision === 'APPROVED') {
      totals.approvedCount++;
      totals.approvedCents += cents;
    } else if (r.decision === 'DECLINED') {
      totals.declinedCount++;
      totals.declinedCents += cents;
    } else totals.pendingCount++;
  }
  return { ...totals, approvalRate: totals.presentedCents > 0 ? totals.approvedCents / totals.presentedCents : null };
}
