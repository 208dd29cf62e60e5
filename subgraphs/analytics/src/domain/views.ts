import { badInput } from '@cip/platform';
import type { ReportingRepository, Bucket, Granularity } from '../data/reporting';
import type { Totals } from '../data/metrics';

/** A date range in shop-local days, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

export const maxRangeDays = 3 * 366;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export function parseRange(range: { from: string; to: string }): DayRange {
  const problems: { path: string; message: string }[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = range[field];
    if (!dayPattern.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
      problems.push({ path: field, message: 'must be a calendar day as "YYYY-MM-DD"' });
    }
  }
  if (problems.length === 0) {
    const span = (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000;
    if (span < 0) problems.push({ path: 'to', message: 'must not be before from' });
    else if (span >= maxRangeDays) problems.push({ path: 'to', message: `the range may span at most ${maxRangeDays} days` });
  }
  if (problems.length > 0) throw badInput(`Invalid range: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, { fields: problems });
  return { from: range.from, to: range.to };
}

/** The day it is now in a time zone, as "YYYY-MM-DD". */
export function localToday(timezone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A shop's metrics over a range: what `Shop.metrics` and `shopMetricsUpdated` return. */
export interface ShopMetricsView {
  shopId: string;
  range: DayRange;
  granularity: Exclude<Granularity, 'TOTAL'>;
  currency: string;
  totals: Totals;
  series: Bucket[];
}

export const shopMetricsId = (view: Pick<ShopMetricsView, 'shopId' | 'range' | 'granularity'>) =>
  `${view.shopId}|${view.range.from}|${view.range.to}|${view.granularity}`;

export function parseShopMetricsId(id: string): Pick<ShopMetricsView, 'shopId' | 'range' | 'granularity'> | null {
  const [shopId, from, to, granularity] = id.split('|');
  if (!shopId || !from || !to || !['DAY', 'WEEK', 'MONTH'].includes(granularity)) return null;
  try {
    return { shopId, range: parseRange({ from, to }), granularity: granularity as ShopMetricsView['granularity'] };
  } catch {
    return null;
  }
}

export async function loadShopMetrics(
  reporting: ReportingRepository,
  shopId: string,
  range: DayRange,
  granularity: ShopMetricsView['granularity'],
): Promise<ShopMetricsView> {
  const [[profile], [totals], series] = await Promise.all([
    reporting.profiles([shopId]),
    reporting.shopTotals([shopId], range.from, range.to),
    reporting.shopSeries([shopId], range.from, range.to, granularity),
  ]);
  return { shopId, range, granularity, currency: profile?.currency ?? 'USD', totals: totals.totals, series };
}
