import { forbidden, valid } from '@cip/platform';
import { builder } from '../builder';
import { parseRange } from '../domain/views';
import { technicianMetrics, type TechnicianMetricsView } from '../domain/technician-metrics';
import { MetricsBucketRef, MetricsGranularityEnum, MetricsRangeInput, MetricsValuesRef, TechnicianMetricsRef, UserRef } from './refs';

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

builder.asEntity(TechnicianMetricsRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async ({ id }, ctx) => {
    const [technicianId, from, to, granularity] = id.split('|');
    if (!technicianId || !from || !to || !['DAY', 'WEEK', 'MONTH'].includes(granularity) || ctx.principal?.kind !== 'staff') return null;
    try {
      return await technicianMetrics(ctx.principal, ctx.repos.reporting, technicianId, parseRange({ from, to }), granularity as TechnicianMetricsView['granularity'], null);
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
        const view = await technicianMetrics(ctx.principal, ctx.repos.reporting, user.id, parseRange(range), granularity, shopId ?? null);
        if (!view) throw forbidden("You may not see this user's metrics.");
        return view;
      },
    }),
  }),
});
