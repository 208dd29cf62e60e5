/**
 * The measures kept per shop-day and technician-day, and how each is aggregated from facts. Lifecycle
 * facts count only while `current` (the latest fact of their kind for the same inspection or
 * recommendation), so a redelivered, repeated or late event never counts twice.
 */
export const measures = [
  { column: 'inspections_started', key: 'inspectionsStarted', sql: `count(*) FILTER (WHERE type = 'inspection.started' AND current)` },
  { column: 'inspections_completed', key: 'inspectionsCompleted', sql: `count(*) FILTER (WHERE type = 'inspection.completed' AND current)` },
  { column: 'inspections_sent', key: 'inspectionsSent', sql: `count(*) FILTER (WHERE type = 'inspection.sent' AND current)` },
  { column: 'items_green', key: 'itemsGreen', sql: `coalesce(sum(items_green) FILTER (WHERE type = 'inspection.completed' AND current), 0)` },
  { column: 'items_yellow', key: 'itemsYellow', sql: `coalesce(sum(items_yellow) FILTER (WHERE type = 'inspection.completed' AND current), 0)` },
  { column: 'items_red', key: 'itemsRed', sql: `coalesce(sum(items_red) FILTER (WHERE type = 'inspection.completed' AND current), 0)` },
  { column: 'presented_count', key: 'presentedCount', sql: `coalesce(sum(item_count) FILTER (WHERE type = 'inspection.sent' AND current), 0)` },
  { column: 'presented_cents', key: 'presentedCents', sql: `coalesce(sum(amount_cents) FILTER (WHERE type = 'inspection.sent' AND current), 0)` },
  { column: 'approved_count', key: 'approvedCount', sql: `count(*) FILTER (WHERE type = 'recommendation.approved' AND current)` },
  { column: 'approved_cents', key: 'approvedCents', sql: `coalesce(sum(amount_cents) FILTER (WHERE type = 'recommendation.approved' AND current), 0)` },
  { column: 'declined_count', key: 'declinedCount', sql: `count(*) FILTER (WHERE type = 'recommendation.declined' AND current)` },
  { column: 'declined_cents', key: 'declinedCents', sql: `coalesce(sum(amount_cents) FILTER (WHERE type = 'recommendation.declined' AND current), 0)` },
  { column: 'refunded_count', key: 'refundedCount', sql: `count(*) FILTER (WHERE type = 'recommendation.refunded' AND current)` },
  { column: 'refunded_cents', key: 'refundedCents', sql: `coalesce(sum(amount_cents) FILTER (WHERE type = 'recommendation.refunded' AND current), 0)` },
  {
    column: 'closed_with_approval',
    key: 'closedWithApproval',
    sql: `count(*) FILTER (WHERE type = 'inspection.closed' AND current AND item_count > 0)`,
  },
  {
    column: 'closed_approved_cents',
    key: 'closedApprovedCents',
    sql: `coalesce(sum(amount_cents) FILTER (WHERE type = 'inspection.closed' AND current AND item_count > 0), 0)`,
  },
  { column: 'responses', key: 'responses', sql: `count(response_ms) FILTER (WHERE type IN ('recommendation.approved', 'recommendation.declined') AND current)` },
  {
    column: 'response_ms_sum',
    key: 'responseMsSum',
    sql: `coalesce(sum(response_ms) FILTER (WHERE type IN ('recommendation.approved', 'recommendation.declined') AND current), 0)`,
  },
  { column: 'follow_ups_sent', key: 'followUpsSent', sql: `count(*) FILTER (WHERE type = 'follow_up.sent' AND current)` },
  { column: 'follow_up_approvals', key: 'followUpApprovals', sql: `count(*) FILTER (WHERE type = 'follow_up.converted' AND current)` },
] as const;

export const partnerRevenue = {
  column: 'partner_revenue_cents',
  key: 'partnerRevenueCents',
  sql: `coalesce(sum(amount_cents) FILTER (WHERE type IN ('commission.accrued', 'commission.reversed')), 0)`,
} as const;

export type MeasureKey = (typeof measures)[number]['key'] | typeof partnerRevenue.key;

/** Summed measures over some shop-days or technician-days. */
export type Totals = Record<MeasureKey, number>;

export const emptyTotals = (): Totals =>
  Object.fromEntries([...measures, partnerRevenue].map((m) => [m.key, 0])) as Totals;

/** `sum(column) AS "key"` for every measure, as reporting queries select them. */
export function sumSelect(withPartnerRevenue: boolean): string {
  const all = withPartnerRevenue ? [...measures, partnerRevenue] : measures;
  return all.map((m) => `coalesce(sum(${m.column}::float8), 0) AS "${m.key}"`).join(', ');
}

/** Turns a row of summed measures (numbers or numeric strings) into Totals. */
export function totalsOf(row: Record<string, unknown>): Totals {
  const totals = emptyTotals();
  for (const key of Object.keys(totals) as MeasureKey[]) totals[key] = Number(row[key] ?? 0);
  return totals;
}
