import { canReadShop, notFound, requireShopRole, valid } from '@cip/platform';
import { builder } from '../builder';
import type { AnalyticsContext } from '../context';
import { loadShopMetrics, parseRange, parseShopMetricsId, shopMetricsId, type ShopMetricsView } from '../domain/views';
import { MetricsBucketRef, MetricsGranularityEnum, MetricsRangeInput, MetricsValuesRef, ShopMetricsRef, ShopRef } from './refs';

ShopMetricsRef.implement({
  description: "A shop's dashboard metrics over a range of its local days: totals and a series.",
  fields: (t) => ({
    id: t.id({ description: 'Identifies the shop, range and granularity of this view.', resolve: (view) => shopMetricsId(view) }),
    shop: t.field({ type: ShopRef, description: 'The shop measured.', resolve: (view) => ({ id: view.shopId }) }),
    from: t.string({ description: 'First day of the range, "YYYY-MM-DD" (shop-local).', resolve: (view) => view.range.from }),
    to: t.string({ description: 'Last day of the range (included).', resolve: (view) => view.range.to }),
    granularity: t.field({ type: MetricsGranularityEnum, description: 'How the series is bucketed.', resolve: (view) => view.granularity }),
    totals: t.field({
      type: MetricsValuesRef,
      description: 'The measures over the whole range.',
      resolve: (view) => ({ totals: view.totals, currency: view.currency, withPartnerRevenue: true }),
    }),
    series: t.field({
      type: [MetricsBucketRef],
      description: 'The measures per bucket, oldest first; buckets with no activity are left out.',
      resolve: (view) => view.series.map((bucket) => ({ bucket, currency: view.currency, withPartnerRevenue: true })),
    }),
  }),
});

builder.asEntity(ShopMetricsRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async ({ id }, ctx) => {
    const key = parseShopMetricsId(id);
    if (!key || !canSeeShopMetrics(ctx, key.shopId)) return null;
    return loadShopMetrics(ctx.repos.reporting, key.shopId, key.range, key.granularity);
  },
});

/** Staff with any role at the shop see its metrics; partner keys and customers do not. */
function canSeeShopMetrics(ctx: AnalyticsContext, shopId: string): boolean {
  return ctx.principal?.kind === 'staff' && canReadShop(ctx.principal, shopId);
}

ShopRef.implement({
  description: 'A repair shop: where inspections happen. Owned by an organization.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the shop.' }),
    metrics: t.field({
      type: ShopMetricsRef,
      description: "The shop's dashboard metrics over a range of its local days. Staff of the shop only; others get NOT_FOUND.",
      args: {
        range: t.arg({ type: MetricsRangeInput, required: true, description: 'The shop-local days to measure.' }),
        granularity: t.arg({ type: MetricsGranularityEnum, defaultValue: 'DAY', required: true, description: 'How to bucket the series.' }),
      },
      resolve: (shop, { range, granularity }, ctx) => {
        requireShopRole(ctx.principal, shop.id);
        return loadShopMetrics(ctx.repos.reporting, shop.id, parseRange(range), granularity);
      },
    }),
  }),
});

builder.subscriptionField('shopMetricsUpdated', (t) =>
  t.field({
    type: ShopMetricsRef,
    description:
      "Today's metrics of a shop (its local day, granularity DAY) each time an event changes any of its rollups, including late events about earlier days. Staff of the shop only; another shop answers NOT_FOUND.",
    args: { shopId: t.arg.id({ required: true, description: 'The shop to watch.' }).validate(valid.id('Shop')) },
    subscribe: (_root, { shopId }, ctx) => {
      if (!canSeeShopMetrics(ctx, shopId)) throw notFound('Shop', shopId);
      return ctx.live.updates(shopId);
    },
    resolve: (view: ShopMetricsView) => view,
  }),
);
