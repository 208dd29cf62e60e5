import { inKeyOrder } from '@cip/platform';
import type { DataSource } from 'typeorm';
import { measures, partnerRevenue, sumSelect, totalsOf, type Totals } from './metrics';

export type Granularity = 'DAY' | 'WEEK' | 'MONTH' | 'TOTAL';

export interface Bucket {
  start: string;
  totals: Totals;
}

export interface ShopTotals {
  shopId: string;
  totals: Totals;
}

const allMeasures = [...measures, partnerRevenue].map((m) => m.column).join(', ');

/** The whole calendar months inside [from, to]: first day of the first, first day after the last; null when none. */
export function wholeMonths(from: string, to: string): { from: string; until: string } | null {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  const start = fd === 1 ? Date.UTC(fy, fm - 1, 1) : Date.UTC(fy, fm, 1);
  const dayAfterTo = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
  const until = dayAfterTo.getUTCDate() === 1 ? dayAfterTo.getTime() : Date.UTC(ty, tm - 1, 1);
  if (start >= until) return null;
  return { from: new Date(start).toISOString().slice(0, 10), until: new Date(until).toISOString().slice(0, 10) };
}

const bucketExpression: Record<Exclude<Granularity, 'TOTAL'>, string> = {
  DAY: `day`,
  WEEK: `date_trunc('week', day)::date`,
  MONTH: `date_trunc('month', day)::date`,
};

/**
 * Dashboard reads over the rollups. They go to a read replica when DATABASE_REPLICA_URLS is set
 * (TypeORM's replication picks a slave for a 'slave' query runner) and to the primary otherwise.
 */
export class ReportingRepository {
  constructor(private readonly dataSource: DataSource) {}

  private async read<R>(comment: string, sql: string, params: unknown[]): Promise<R[]> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return (await runner.query(`/* ${comment} */ ${sql}`, params)) as R[];
    } finally {
      await runner.release();
    }
  }

  /**
   * Each shop's summed measures over [from, to] (shop-local days), in the order of `shopIds`. Whole
   * calendar months inside the range are read from the monthly rollups, the days before and after them
   * from the daily ones, each part a range of the primary key: a year is about 12 + 30 rows per shop.
   */
  shopTotals(shopIds: readonly string[], from: string, to: string): Promise<ShopTotals[]> {
    return this.totals('reporting.shopTotals', null, shopIds, from, to);
  }

  /**
   * The same for shops of one organization, read by (organization, day) and (organization, month): one
   * index range per part for all the shops, however many they are.
   */
  organizationShopTotals(orgId: string, shopIds: readonly string[], from: string, to: string): Promise<ShopTotals[]> {
    return this.totals('reporting.organizationShopTotals', orgId, shopIds, from, to);
  }

  private async totals(comment: string, orgId: string | null, shopIds: readonly string[], from: string, to: string): Promise<ShopTotals[]> {
    if (shopIds.length === 0) return [];
    const params: unknown[] = [];
    const $ = (value: unknown) => `$${params.push(value)}`;
    const scope = `${orgId === null ? '' : `org_id = ${$(orgId)} AND `}shop_id = ANY(${$(shopIds)}::text[])`;
    const months = wholeMonths(from, to);
    const days = (first: string, until: string | null, last: string | null) =>
      `SELECT shop_id, ${allMeasures} FROM analytics.shop_daily WHERE ${scope} AND day >= ${$(first)}::date${until ? ` AND day < ${$(until)}::date` : ''}${last ? ` AND day <= ${$(last)}::date` : ''}`;
    const parts = months
      ? [
          `SELECT shop_id, ${allMeasures} FROM analytics.shop_monthly WHERE ${scope} AND month >= ${$(months.from)}::date AND month < ${$(months.until)}::date`,
          ...(from < months.from ? [days(from, months.from, null)] : []),
          ...(months.until <= to ? [days(months.until, null, to)] : []),
        ]
      : [days(from, null, to)];
    const rows = await this.read<Record<string, unknown> & { shopId: string }>(
      comment,
      `SELECT shop_id AS "shopId", ${sumSelect(true)} FROM (${parts.join(' UNION ALL ')}) r GROUP BY shop_id`,
      params,
    );
    return inKeyOrder(shopIds, rows, (row) => row.shopId).map((row, i) => ({ shopId: shopIds[i], totals: totalsOf(row ?? {}) }));
  }

  /** The shops' measures together, per bucket of `granularity`, oldest first; buckets without data are absent. */
  shopSeries(shopIds: readonly string[], from: string, to: string, granularity: Exclude<Granularity, 'TOTAL'>): Promise<Bucket[]> {
    return this.series('reporting.shopSeries', 'shop_daily', true, 'shop_id = ANY($1::text[])', [shopIds], from, to, granularity);
  }

  technicianSeries(technicianId: string, shopIds: readonly string[], from: string, to: string, granularity: Exclude<Granularity, 'TOTAL'>): Promise<Bucket[]> {
    return this.series(
      'reporting.technicianSeries',
      'technician_daily',
      false,
      'technician_id = $1 AND shop_id = ANY($2::text[])',
      [technicianId, shopIds],
      from,
      to,
      granularity,
    );
  }

  async technicianTotals(technicianId: string, shopIds: readonly string[], from: string, to: string): Promise<Totals> {
    const [row] = await this.read<Record<string, unknown>>(
      'reporting.technicianTotals',
      `SELECT ${sumSelect(false)} FROM analytics.technician_daily
        WHERE technician_id = $1 AND shop_id = ANY($2::text[]) AND day BETWEEN $3::date AND $4::date`,
      [technicianId, shopIds, from, to],
    );
    return totalsOf(row ?? {});
  }

  /** Currency and time zone of shops, in key order; null for shops analytics has not heard of. */
  async profiles(shopIds: readonly string[]): Promise<({ shopId: string; orgId: string; timezone: string; currency: string } | null)[]> {
    if (shopIds.length === 0) return [];
    const rows = await this.read<{ shopId: string; orgId: string; timezone: string; currency: string }>(
      'reporting.profiles',
      `SELECT shop_id AS "shopId", org_id AS "orgId", timezone, currency FROM analytics.shop_profile WHERE shop_id = ANY($1::text[])`,
      [shopIds],
    );
    return inKeyOrder(shopIds, rows, (row) => row.shopId);
  }

  private async series(
    comment: string,
    table: string,
    withPartnerRevenue: boolean,
    filter: string,
    params: unknown[],
    from: string,
    to: string,
    granularity: Exclude<Granularity, 'TOTAL'>,
  ): Promise<Bucket[]> {
    const n = params.length;
    const rows = await this.read<Record<string, unknown> & { start: string }>(
      comment,
      `SELECT to_char(${bucketExpression[granularity]}, 'YYYY-MM-DD') AS start, ${sumSelect(withPartnerRevenue)} FROM analytics.${table}
        WHERE ${filter} AND day BETWEEN $${n + 1}::date AND $${n + 2}::date GROUP BY 1 ORDER BY 1`,
      [...params, from, to],
    );
    return rows.map((row) => ({ start: row.start, totals: totalsOf(row) }));
  }
}
