import { useState } from 'react';
import { useQuery } from '@apollo/client';
import { ShopEarningsDocument } from '@cip/sdk/documents';
import { formatMoney } from '../../shared/format';
import { useShop } from '../shell/shop';

const monthOf = (date: Date) => `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;

function lastMonths(count: number) {
  const now = new Date();
  return Array.from({ length: count }, (_, i) => monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
}

/** What partners pay the shop: programs, tier and what reaches the next one, and the month's statements. */
export default function Earnings() {
  const { shopId } = useShop();
  const months = lastMonths(6);
  const [period, setPeriod] = useState(months[0]);
  const { data, error } = useQuery(ShopEarningsDocument, { variables: { shopId, period } });
  const shop = data?.shop;

  return (
    <section aria-labelledby="earn-title" className="earnings">
      <div className="page-head">
        <div>
          <h1 id="earn-title">Partner earnings</h1>
          <p className="muted">{shop?.name}</p>
        </div>
        <label className="inline-field">
          <span>Month</span>
          <select className="input" value={period} onChange={(event) => setPeriod(event.target.value)}>
            {months.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
      </div>
      {error ? <p className="error" role="alert">{error.message}</p> : null}
      {!shop ? <p className="muted" aria-busy={!error}>Loading…</p> : null}
      <div className="programs">
        {shop?.programs.map((enrollment) => {
          const tier = enrollment.tier;
          return (
            <article key={enrollment.id} className="card pad program" aria-labelledby={`prog-${enrollment.id}`}>
              <h2 id={`prog-${enrollment.id}`}>{enrollment.program.name}</h2>
              <p className="muted">{enrollment.program.partner.name} · {enrollment.program.description}</p>
              {tier ? (
                <>
                  <p>
                    <span className={`tier tier-${tier.tier}`}>{tier.tier}</span> · commission × {(tier.multiplierBasisPoints / 10_000).toFixed(2)}
                  </p>
                  {tier.performance ? (
                    <p className="small muted">Approved revenue in the window: {formatMoney(tier.performance.approvedRevenue)} · conversion {(tier.performance.conversionBasisPoints / 100).toFixed(1)}%</p>
                  ) : null}
                  {tier.nextTier ? (
                    <p className="next-tier">
                      To reach <strong>{tier.nextTier.tier}</strong>: {formatMoney(tier.nextTier.revenueNeeded)} more approved revenue
                      {tier.nextTier.conversionsNeeded ? `, ${tier.nextTier.conversionsNeeded} more conversions` : ''}
                      {tier.nextTier.educatedApprovalsNeeded ? `, ${tier.nextTier.educatedApprovalsNeeded} more educated approvals` : ''}.
                    </p>
                  ) : (
                    <p className="small muted">Top tier reached.</p>
                  )}
                </>
              ) : (
                <p className="muted small">The partner does not share tier details.</p>
              )}
            </article>
          );
        })}
        {shop && shop.programs.length === 0 ? <p className="card empty">This shop is in no partner program.</p> : null}
      </div>
      <div className="card table-card">
        <table>
          <caption>Statements for {period}</caption>
          <thead><tr><th scope="col">Partner</th><th scope="col">Status</th><th scope="col" className="n">Accrued</th><th scope="col" className="n">Incentives</th><th scope="col" className="n">Reversed</th><th scope="col" className="n">Payable</th></tr></thead>
          <tbody>
            {shop?.partnerEarnings.map((s) => (
              <tr key={s.partner.id}>
                <th scope="row">{s.partner.name}</th>
                <td>{s.status === 'OPEN' ? 'Open' : 'Closed'}</td>
                <td className="n num">{formatMoney(s.accrued)}</td>
                <td className="n num">{formatMoney(s.incentives)}</td>
                <td className="n num">{formatMoney(s.reversed)}</td>
                <td className="n num"><strong>{formatMoney(s.payable)}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
        {shop && shop.partnerEarnings.length === 0 ? <p className="empty">No earnings this month yet.</p> : null}
      </div>
    </section>
  );
}
