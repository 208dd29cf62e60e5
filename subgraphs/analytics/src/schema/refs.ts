import { canReadShop, describedEnum } from '@cip/platform';
import { builder } from '../builder';
import type { Bucket } from '../data/reporting';
import type { Totals } from '../data/metrics';
import type { ShopMetricsView } from '../domain/views';
import type { OrganizationMetricsView } from '../domain/organization-metrics';
import type { TechnicianMetricsView } from '../domain/technician-metrics';

/** Measures plus the currency their cents are in (and whether partner revenue applies). */
export interface ValuesShape {
  totals: Totals;
  currency: string;
  withPartnerRevenue: boolean;
}

export const MetricsValuesRef = builder.objectRef<ValuesShape>('MetricsValues');
export const MetricsBucketRef = builder.objectRef<{ bucket: Bucket; currency: string; withPartnerRevenue: boolean }>('MetricsBucket');
export const ShopMetricsRef = builder.objectRef<ShopMetricsView>('ShopMetrics');
export const OrganizationMetricsRef = builder.objectRef<OrganizationMetricsView>('OrganizationMetrics');
export const OrganizationShopMetricsRef = builder.objectRef<{ shopId: string; rank: number; values: ValuesShape }>('OrganizationShopMetrics');
export const TechnicianMetricsRef = builder.objectRef<TechnicianMetricsView>('TechnicianMetrics');

/** The shops subgraph's shop, known here by id; a shop the caller may not read resolves to null. */
export const ShopRef = builder.externalRef('Shop', builder.selection<{ id: string }>('id'), (shop, ctx) =>
  canReadShop(ctx.principal, shop.id) ? shop : null,
);

/** The shops subgraph's organization; only its own staff resolve it. */
export const OrganizationRef = builder.externalRef('Organization', builder.selection<{ id: string }>('id'), (org, ctx) =>
  ctx.principal?.kind === 'staff' && ctx.principal.orgId === org.id ? org : null,
);

/** The shops subgraph's staff user; any staff caller may reference one, technicianMetrics checks access. */
export const UserRef = builder.externalRef('User', builder.selection<{ id: string }>('id'), (user, ctx) =>
  ctx.principal?.kind === 'staff' ? user : null,
);

export const MetricsGranularityEnum = describedEnum(builder, 'MetricsGranularity', 'How a metrics series is bucketed. Buckets are shop-local calendar days, ISO weeks (starting Monday) or calendar months.', {
  DAY: 'One bucket per shop-local day.',
  WEEK: 'One bucket per ISO week, starting on Monday.',
  MONTH: 'One bucket per calendar month.',
});

export const MetricsRangeInput = builder.inputType('MetricsRange', {
  description: 'A range of shop-local calendar days, both ends included, at most 1,098 days long.',
  fields: (t) => ({
    from: t.string({ required: true, description: 'First day, as "YYYY-MM-DD" in the shop\'s time zone.' }),
    to: t.string({ required: true, description: 'Last day (included), as "YYYY-MM-DD"; not before `from`.' }),
  }),
});
