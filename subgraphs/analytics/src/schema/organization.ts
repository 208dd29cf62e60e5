import { notFound, readableShopIds } from '@cip/platform';
import type { Totals } from '../data/metrics';
import { emptyTotals } from '../data/metrics';
import { parseRange, type DayRange } from '../domain/views';
import type { AnalyticsContext } from '../context';
import { approvalRate, averageRepairOrderCents } from './values';
import { builder } from '../builder';
import {
  MetricsRangeInput,
  MetricsValuesRef,
  OrganizationMetricsRef,
  OrganizationRef,
  OrganizationShopMetricsRef,
  ShopRef,
  type OrganizationMetricsView,
} from './refs';

export type Ranking = 'APPROVED_REVENUE' | 'APPROVAL_RATE' | 'AVERAGE_REPAIR_ORDER' | 'INSPECTIONS_COMPLETED' | 'PARTNER_REVENUE';

const rankingScore: Record<Ranking, (totals: Totals) => number> = {
  APPROVED_REVENUE: (t) => t.approvedCents,
  APPROVAL_RATE: (t) => approvalRate(t) ?? -1,
  AVERAGE_REPAIR_ORDER: (t) => averageRepairOrderCents(t) ?? -1,
  INSPECTIONS_COMPLETED: (t) => t.inspectionsCompleted,
  PARTNER_REVENUE: (t) => t.partnerRevenueCents,
};

const MetricsRankingEnum = builder.enumType('MetricsRanking', {
  description: 'What shops are ranked by in organization metrics (highest first; shops with no value for a rate rank last).',
  values: {
    APPROVED_REVENUE: { value: 'APPROVED_REVENUE', description: 'Approved recommendation cents.' },
    APPROVAL_RATE: { value: 'APPROVAL_RATE', description: 'Approved over decided recommendations.' },
    AVERAGE_REPAIR_ORDER: { value: 'AVERAGE_REPAIR_ORDER', description: 'Average repair order (see MetricsValues.averageRepairOrder).' },
    INSPECTIONS_COMPLETED: { value: 'INSPECTIONS_COMPLETED', description: 'Inspections completed.' },
    PARTNER_REVENUE: { value: 'PARTNER_REVENUE', description: 'Partner commission revenue.' },
  } as const,
});

OrganizationShopMetricsRef.implement({
  description: "One shop's place in its organization's comparison.",
  fields: (t) => ({
    shop: t.field({ type: ShopRef, description: 'The shop.', resolve: (entry) => ({ id: entry.shopId }) }),
    rank: t.exposeInt('rank', { description: 'Position by the requested ranking, 1 for the best; ties share no rank (then by shop id).' }),
    values: t.expose('values', { type: MetricsValuesRef, description: "The shop's measures over the range." }),
  }),
});

OrganizationMetricsRef.implement({
  description: "An organization's metrics across every shop the caller holds a role at: totals and a ranked comparison of shops.",
  fields: (t) => ({
    id: t.id({ description: 'Identifies the organization, range and ranking of this view.', resolve: (view) => `${view.orgId}|${view.range.from}|${view.range.to}|${view.rankBy}` }),
    organization: t.field({ type: OrganizationRef, description: 'The organization measured.', resolve: (view) => ({ id: view.orgId }) }),
    from: t.string({ description: 'First day of the range, "YYYY-MM-DD" (each shop\'s local day).', resolve: (view) => view.range.from }),
    to: t.string({ description: 'Last day of the range (included).', resolve: (view) => view.range.to }),
    totals: t.field({
      type: MetricsValuesRef,
      description: "All the caller's shops together. Cents are summed as they are: compare per shop when shops use different currencies.",
      resolve: (view) => ({ totals: view.totals, currency: view.currency, withPartnerRevenue: true }),
    }),
    shops: t.field({
      type: [OrganizationShopMetricsRef],
      description: 'Every shop the caller holds a role at, best first by the requested ranking.',
      resolve: (view) => view.shops.map((shop) => ({ shopId: shop.shopId, rank: shop.rank, values: { totals: shop.totals, currency: view.currency, withPartnerRevenue: true } })),
    }),
  }),
});

/** The organization's metrics for a staff caller of that organization, or null for anyone else. */
async function organizationMetrics(ctx: AnalyticsContext, orgId: string, days: DayRange, rankBy: Ranking): Promise<OrganizationMetricsView | null> {
  if (ctx.principal?.kind !== 'staff' || ctx.principal.orgId !== orgId) return null;
  const shopIds = readableShopIds(ctx.principal);
  const [perShop, profiles] = await Promise.all([ctx.repos.reporting.organizationShopTotals(orgId, shopIds, days.from, days.to), ctx.repos.reporting.profiles(shopIds.slice(0, 1))]);
  const totals = emptyTotals();
  for (const shop of perShop) for (const key of Object.keys(totals) as (keyof Totals)[]) totals[key] += shop.totals[key];
  const score = rankingScore[rankBy];
  const ranked = [...perShop]
    .sort((a, b) => score(b.totals) - score(a.totals) || a.shopId.localeCompare(b.shopId))
    .map((shop, index) => ({ ...shop, rank: index + 1 }));
  return { orgId, range: days, rankBy, currency: profiles[0]?.currency ?? 'USD', totals, shops: ranked };
}

builder.asEntity(OrganizationMetricsRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async ({ id }, ctx) => {
    const [orgId, from, to, rankBy] = id.split('|');
    if (!orgId || !from || !to || !(rankBy in rankingScore)) return null;
    try {
      return await organizationMetrics(ctx, orgId, parseRange({ from, to }), rankBy as Ranking);
    } catch {
      return null;
    }
  },
});

OrganizationRef.implement({
  description: 'A business that owns one or more shops.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the organization.' }),
    metrics: t.field({
      type: OrganizationMetricsRef,
      description: "Metrics across the organization's shops the caller holds a role at, with a ranking of those shops. Staff of the organization only.",
      args: {
        range: t.arg({ type: MetricsRangeInput, required: true, description: 'The shop-local days to measure.' }),
        rankBy: t.arg({ type: MetricsRankingEnum, required: true, defaultValue: 'APPROVED_REVENUE', description: 'What to rank shops by.' }),
      },
      resolve: async (org, { range, rankBy }, ctx) => {
        const view = await organizationMetrics(ctx, org.id, parseRange(range), rankBy);
        if (!view) throw notFound('Organization', org.id);
        return view;
      },
    }),
  }),
});
