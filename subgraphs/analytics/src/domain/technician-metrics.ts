import { readableShopIds, requireStaff, type Principal } from '@cip/platform';
import type { Bucket, ReportingRepository } from '../data/reporting';
import type { Totals } from '../data/metrics';
import type { DayRange, ShopMetricsView } from './views';

export interface TechnicianMetricsView {
  technicianId: string;
  shopIds: string[];
  range: DayRange;
  granularity: ShopMetricsView['granularity'];
  currency: string;
  totals: Totals;
  series: Bucket[];
}

/**
 * A technician's metrics at the shops the caller may see them at: all the caller's shops for their own,
 * the shops the caller owns or manages for anyone else's. Null when that leaves no shop.
 */
export async function technicianMetrics(
  principal: Principal | null,
  reporting: ReportingRepository,
  technicianId: string,
  days: DayRange,
  granularity: TechnicianMetricsView['granularity'],
  shopId: string | null,
): Promise<TechnicianMetricsView | null> {
  const staff = requireStaff(principal);
  let shopIds =
    staff.userId === technicianId
      ? readableShopIds(staff)
      : Object.entries(staff.roles)
          .filter(([, role]) => role === 'OWNER' || role === 'MANAGER')
          .map(([id]) => id);
  if (shopId) shopIds = shopIds.filter((id) => id === shopId);
  if (shopIds.length === 0) return null;
  const [totals, series, profiles] = await Promise.all([
    reporting.technicianTotals(technicianId, shopIds, days.from, days.to),
    reporting.technicianSeries(technicianId, shopIds, days.from, days.to, granularity),
    reporting.profiles(shopIds.slice(0, 1)),
  ]);
  return { technicianId, shopIds, range: days, granularity, currency: profiles[0]?.currency ?? 'USD', totals, series };
}
