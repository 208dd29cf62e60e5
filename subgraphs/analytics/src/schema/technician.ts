import { forbidden, readableShopIds, requireStaff, valid } from '@cip/platform';
import { builder } from '../builder';
import { parseRange, type DayRange } from '../domain/views';
import type { AnalyticsContext } from '../context';
import { MetricsBucketRef, MetricsGranularityEnum, MetricsRangeInput, MetricsValuesRef, TechnicianMetricsRef, UserRef, type TechnicianMetricsView } from './refs';

TechnicianMetricsRef.implement({
  description: "A technician's metrics over a range: the inspections they did and how their recommendations sold.",
  fields: (t) => ({
    id: t.id({
      description: 'Identifies the technician, range and granularity of this view.',
      resolve: (view) => `${view.technicianId}|${view.range.from}|${view.range.to}|${view.granularity}`,
    }),
    technician: t.field({ type: UserRef, description: 'The technician.', resolve: (view) => ({ id: view.technicianId }) }),
    from: t.string({ description: 'First day of the range, "YYYY-MM-DD" (shop-local).', resolve: (view) => view.range.from }),
    to: t.string({ description: 'Last day of the range (included).', resolve: (view) => view.range.to }),
    totals: t.field({
      type: MetricsValuesRef,
      description: 'The measures over the whole range, at the shops the caller may see.',
      resolve: (view) => ({ totals: view.totals, currency: view.currency, withPartnerRevenue: false }),
    }),
    series: t.field({
      type: [MetricsBucketRef],
      description: 'The measures per bucket, oldest first; buckets with no activity are left out.',
      resolve: (view) => view.series.map((bucket) => ({ bucket, currency: view.currency, withPartnerRevenue: false })),
    }),
  }),
});

/**
 * A technician's metrics at the shops the caller may see them at: all the caller's shops for their own,
 * the shops the caller owns or manages for anyone else's. Null when that leaves no shop.
 */
async function technicianMetrics(
  ctx: AnalyticsContext,
  technicianId: string,
  days: DayRange,
  granularity: TechnicianMetricsView['granularity'],
  shopId: string | null,
): Promise<TechnicianMetricsView | null> {
  const staff = requireStaff(ctx.principal);
  let shopIds =
    staff.userId === technicianId
      ? readableShopIds(staff)
      : Object.entries(staff.roles)
          .filter(([, role]) => role === 'OWNER' || role === 'MANAGER')
          .map(([id]) => id);
  if (shopId) shopIds = shopIds.filter((id) => id === shopId);
  if (shopIds.length === 0) return null;
  const [totals, series, profiles] = await Promise.all([
    ctx.repos.reporting.technicianTotals(technicianId, shopIds, days.from, days.to),
    ctx.repos.reporting.technicianSeries(technicianId, shopIds, days.from, days.to, granularity),
    ctx.repos.reporting.profiles(shopIds.slice(0, 1)),
  ]);
  return { technicianId, shopIds, range: days, granularity, currency: profiles[0]?.currency ?? 'USD', totals, series };
}

builder.asEntity(TechnicianMetricsRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async ({ id }, ctx) => {
    const [technicianId, from, to, granularity] = id.split('|');
    if (!technicianId || !from || !to || !['DAY', 'WEEK', 'MONTH'].includes(granularity) || ctx.principal?.kind !== 'staff') return null;
    try {
      return await technicianMetrics(ctx, technicianId, parseRange({ from, to }), granularity as TechnicianMetricsView['granularity'], null);
    } catch {
      return null;
    }
  },
});

UserRef.implement({
  description: 'A staff user.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the user.' }),
    technicianMetrics: t.field({
      type: TechnicianMetricsRef,
      description:
        "The user's metrics as the technician of inspections. Users see their own at all their shops; owners and managers see them at the shops they own or manage; anyone else gets FORBIDDEN.",
      args: {
        range: t.arg({ type: MetricsRangeInput, required: true, description: 'The shop-local days to measure.' }),
        granularity: t.arg({ type: MetricsGranularityEnum, defaultValue: 'DAY', required: true, description: 'How to bucket the series.' }),
        shopId: t.arg.id({ description: 'Only this shop; all visible shops when omitted.' }).validate(valid.id('Shop').nullish()),
      },
      resolve: async (user, { range, granularity, shopId }, ctx) => {
        const view = await technicianMetrics(ctx, user.id, parseRange(range), granularity, shopId ?? null);
        if (!view) throw forbidden("You may not see this user's metrics.");
        return view;
      },
    }),
  }),
});
