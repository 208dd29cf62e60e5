import { describedEnum, notFound } from '@cip/platform';
import { parseRange } from '../domain/views';
import { isRanking, organizationMetrics } from '../domain/organization-metrics';
import { builder } from '../builder';
import {
  MetricsRangeInput,
  MetricsValuesRef,
  OrganizationMetricsRef,
  OrganizationRef,
  OrganizationShopMetricsRef,
  ShopRef,
} from './refs';

const MetricsRankingEnum = describedEnum(builder, 'MetricsRanking', 'What shops are ranked by in organization metrics (highest first; shops with no value for a rate rank last).', {
  APPROVED_REVENUE: 'Approved recommendation cents.',
  APPROVAL_RATE: 'Approved over decided recommendations.',
  AVERAGE_REPAIR_ORDER: 'Average repair order (see MetricsValues.averageRepairOrder).',
  INSPECTIONS_COMPLETED: 'Inspections completed.',
  PARTNER_REVENUE: 'Partner commission revenue.',
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

builder.asEntity(OrganizationMetricsRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async ({ id }, ctx) => {
    const [orgId, from, to, rankBy] = id.split('|');
    if (!orgId || !from || !to || !isRanking(rankBy)) return null;
    try {
      return await organizationMetrics(ctx.principal, ctx.repos.reporting, orgId, parseRange({ from, to }), rankBy);
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
        const view = await organizationMetrics(ctx.principal, ctx.repos.reporting, org.id, parseRange(range), rankBy);
        if (!view) throw notFound('Organization', org.id);
        return view;
      },
    }),
  }),
});
