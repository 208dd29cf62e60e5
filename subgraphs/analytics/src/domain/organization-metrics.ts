import { readableShopIds, type Principal } from '@cip/platform';
import type { ReportingRepository } from '../data/reporting';
import { emptyTotals, type Totals } from '../data/metrics';
import { approvalRate, averageRepairOrderCents } from './measures';
import type { DayRange } from './views';

export type Ranking = 'APPROVED_REVENUE' | 'APPROVAL_RATE' | 'AVERAGE_REPAIR_ORDER' | 'INSPECTIONS_COMPLETED' | 'PARTNER_REVENUE';

export interface OrganizationMetricsView {
  orgId: string;
  range: DayRange;
  rankBy: string;
  currency: string;
  totals: Totals;
  shops: { shopId: string; rank: number; totals: Totals }[];
}

const rankingScore: Record<Ranking, (totals: Totals) => number> = {
  APPROVED_REVENUE: (t) => t.approvedCents,
  APPROVAL_RATE: (t) => approvalRate(t) ?? -1,
  AVERAGE_REPAIR_ORDER: (t) => averageRepairOrderCents(t) ?? -1,
  INSPECTIONS_COMPLETED: (t) => t.inspectionsCompleted,
  PARTNER_REVENUE: (t) => t.partnerRevenueCents,
};

export const isRanking = (value: string): value is Ranking => value in rankingScore;

/** Shops best first by the ranking's score, ties by shop id; a shop with no value for a rate ranks last. */
export function rankShops<T extends { shopId: string; totals: Totals }>(shops: T[], rankBy: Ranking): (T & { rank: number })[] {
  const score = rankingScore[rankBy];
  return [...shops]
    .sort((a, b) => score(b.totals) - score(a.totals) || a.shopId.localeCompare(b.shopId))
    .map((shop, index) => ({ ...shop, rank: index + 1 }));
}

/** The organization's metrics for a staff caller of that organization, or null for anyone else. */
export async function organizationMetrics(
  principal: Principal | null,
  reporting: ReportingRepository,
  orgId: string,
  days: DayRange,
  rankBy: Ranking,
): Promise<OrganizationMetricsView | null> {
  if (principal?.kind !== 'staff' || principal.orgId !== orgId) return null;
  const shopIds = readableShopIds(principal);
  const [perShop, profiles] = await Promise.all([reporting.organizationShopTotals(orgId, shopIds, days.from, days.to), reporting.profiles(shopIds.slice(0, 1))]);
  const totals = emptyTotals();
  for (const shop of perShop) for (const key of Object.keys(totals) as (keyof Totals)[]) totals[key] += shop.totals[key];
  return { orgId, range: days, rankBy, currency: profiles[0]?.currency ?? 'USD', totals, shops: rankShops(perShop, rankBy) };
}
