import { useCallback, useMemo, useRef, useState } from 'react';
import { useQuery, useSubscription } from '@apollo/client';
import { DashboardTrendsDocument, OrganizationDashboardDocument, ShopMetricsLiveDocument, type KpiValuesFragment, type MetricsRanking } from '@cip/sdk/documents';
import { formatMoney, formatPercent, formatTime } from '../../../shared/format';
import { useLiveGeneration } from '../../api/live';
import { useShop } from '../../shell/shop';
import { daysOf, rangeOf, ranges, type RangeKey } from './range';
import { TrendChart } from './TrendChart';

const rankings: { value: MetricsRanking; label: string }[] = [
  { value: 'APPROVED_REVENUE', label: 'Approved revenue' },
  { value: 'AVERAGE_REPAIR_ORDER', label: 'ARO' },
  { value: 'APPROVAL_RATE', label: 'Close rate' },
  { value: 'INSPECTIONS_COMPLETED', label: 'Inspections' },
  { value: 'PARTNER_REVENUE', label: 'Partner revenue' },
];

/** Every shop's KPIs side by side for a range, ranked, with trends; live from the analytics subscription. */
export default function Dashboard() {
  const { me } = useShop();
  const [rangeKey, setRangeKey] = useState<RangeKey>('30d');
  const [rankBy, setRankBy] = useState<MetricsRanking>('APPROVED_REVENUE');
  const range = useMemo(() => rangeOf(rangeKey), [rangeKey]);
  const dashboard = useQuery(OrganizationDashboardDocument, { variables: { range, rankBy } });
  const trendRange = useMemo(() => (rangeKey === 'today' ? rangeOf('7d') : range), [rangeKey, range]);
  const trends = useQuery(DashboardTrendsDocument, { variables: { range: trendRange, granularity: 'DAY' } });
  const [liveAt, setLiveAt] = useState<string | null>(null);

  // A shop's numbers changed: fetch the ranked view again, at most every second and a half.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onLive = useCallback(() => {
    setLiveAt(new Date().toISOString());
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void dashboard.refetch();
      void trends.refetch();
    }, 1_500);
  }, [dashboard, trends]);
  const generation = useLiveGeneration();
  const shopIds = me.roles.map((r) => r.shop.id).filter((id, i, all) => all.indexOf(id) === i);

  const metrics = dashboard.data?.organization.metrics;
  const shopsData = trends.data?.shops ?? [];
  const days = useMemo(() => (shopsData.length ? daysOf(trendRange) : []), [shopsData, trendRange]);
  const seriesOf = useCallback(
    (pick: (values: (typeof shopsData)[number]['metrics']['series'][number]['values']) => number) =>
      shopsData.map((s) => {
        const byDay = new Map(s.metrics.series.map((bucket) => [bucket.start.slice(0, 10), pick(bucket.values)]));
        return { label: s.name, values: days.map((d) => byDay.get(d) ?? 0) };
      }),
    [shopsData, days],
  );
  const revenueSeries = useMemo(() => seriesOf((v) => v.approved.amountCents / 100), [seriesOf]);
  const inspectionSeries = useMemo(() => seriesOf((v) => v.inspectionsCompleted), [seriesOf]);
  const currency = metrics?.totals.approved.currency ?? 'USD';
  const money = useCallback((v: number) => formatMoney({ amountCents: Math.round(v * 100), currency }, { whole: true }), [currency]);
  const count = useCallback((v: number) => (Number.isInteger(v) ? String(v) : ''), []);

  return (
    <section aria-labelledby="dash-title" className="dashboard">
      {shopIds.map((shopId) => <LiveShop key={`${shopId}:${generation}`} shopId={shopId} onEvent={onLive} />)}
      <div className="page-head">
        <div>
          <h1 id="dash-title">{dashboard.data?.organization.name ?? 'Dashboard'}</h1>
          <p className="muted"><span className="live-dot" aria-hidden="true" /> Live{liveAt ? ` · last change ${formatTime(liveAt)}` : ''}</p>
        </div>
        <div className="controls">
          <div className="segmented" role="group" aria-label="Range">
            {ranges.map((r) => (
              <button key={r.key} type="button" aria-pressed={rangeKey === r.key} onClick={() => setRangeKey(r.key)}>{r.label}</button>
            ))}
          </div>
          <label className="inline-field">
            <span>Rank by</span>
            <select className="input" value={rankBy} onChange={(event) => setRankBy(event.target.value as MetricsRanking)}>
              {rankings.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
            </select>
          </label>
        </div>
      </div>

      {dashboard.error ? <p className="error" role="alert">{dashboard.error.message}</p> : null}
      {metrics ? <Kpis values={metrics.totals} /> : <p className="muted" aria-busy="true">Loading…</p>}

      {metrics ? (
        <div className="card table-card">
          <table className="shops-table" data-testid="shops-table">
            <caption className="visually-hidden">Shops ranked by {rankings.find((r) => r.value === rankBy)?.label}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Shop</th>
                <th scope="col" className="n">Inspections</th>
                <th scope="col" className="n">Inspection rate</th>
                <th scope="col" className="n">Close rate</th>
                <th scope="col" className="n">ARO</th>
                <th scope="col" className="n">Approved</th>
                <th scope="col" className="n">Partner revenue</th>
              </tr>
            </thead>
            <tbody>
              {metrics.shops.map((row) => (
                <tr key={row.shop.id} data-shop={row.shop.id}>
                  <td className="num">{row.rank}</td>
                  <th scope="row">{row.shop.name}</th>
                  <td className="n num">{row.values.inspectionsCompleted}</td>
                  <td className="n num">{formatPercent(row.values.inspectionRate)}</td>
                  <td className="n num">{formatPercent(row.values.approvalRate)}</td>
                  <td className="n num">{formatMoney(row.values.averageRepairOrder, { whole: true })}</td>
                  <td className="n num" data-kpi="approved">{formatMoney(row.values.approved, { whole: true })}</td>
                  <td className="n num">{formatMoney(row.values.partnerRevenue, { whole: true })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {days.length > 0 ? (
        <div className="charts">
          <TrendChart title="Approved revenue" days={days} series={revenueSeries} format={money} />
          <TrendChart title="Inspections completed" days={days} series={inspectionSeries} format={count} />
        </div>
      ) : null}
    </section>
  );
}

function LiveShop({ shopId, onEvent }: { shopId: string; onEvent(): void }) {
  useSubscription(ShopMetricsLiveDocument, { variables: { shopId }, onData: onEvent });
  return null;
}

function Kpis({ values }: { values: KpiValuesFragment }) {
  const tiles = [
    { label: 'Approved revenue', value: formatMoney(values.approved, { whole: true }), kpi: 'approved' },
    { label: 'Inspections', value: String(values.inspectionsCompleted), kpi: 'inspections' },
    { label: 'Inspection rate', value: formatPercent(values.inspectionRate), kpi: 'inspection-rate' },
    { label: 'Close rate', value: formatPercent(values.approvalRate), kpi: 'close-rate' },
    { label: 'ARO', value: formatMoney(values.averageRepairOrder, { whole: true }), kpi: 'aro' },
    { label: 'Partner revenue', value: formatMoney(values.partnerRevenue, { whole: true }), kpi: 'partner' },
  ];
  return (
    <dl className="kpis">
      {tiles.map((tile) => (
        <div key={tile.label} className="card kpi" data-kpi={tile.kpi}>
          <dt>{tile.label}</dt>
          <dd className="num">{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
