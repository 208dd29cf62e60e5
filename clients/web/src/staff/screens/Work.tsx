import { useState } from 'react';
import { useQuery } from '@apollo/client';
import { Link } from 'wouter';
import { ShopBoardDocument } from '@cip/sdk/documents';
import { formatTime, vehicleName } from '../../shared/format';
import { useShop } from '../shell/shop';
import { startOfToday } from './board/today';

/** The technician's queue: today's inspections still to do, theirs first. */
export default function Work() {
  const { shopId, me } = useShop();
  const [createdFrom] = useState(startOfToday);
  const { data, loading } = useQuery(ShopBoardDocument, { variables: { shopId, createdFrom } });
  const open = (data?.shop.inspections.nodes ?? []).filter((i) => i.status === 'DRAFT' || i.status === 'IN_PROGRESS');
  const mine = open.filter((i) => i.technician?.id === me.id);
  const others = open.filter((i) => i.technician?.id !== me.id);

  return (
    <section aria-labelledby="work-title" className="work">
      <div className="page-head">
        <h1 id="work-title">My inspections</h1>
        <p className="muted">{data?.shop.name}</p>
      </div>
      {loading && !data ? <p className="muted">Loading…</p> : null}
      {open.length === 0 && data ? <p className="empty card">Nothing waiting. New vehicles appear here as the advisor checks them in.</p> : null}
      {[
        { title: 'Assigned to me', list: mine },
        { title: 'Open at the shop', list: others },
      ].map(({ title, list }) =>
        list.length > 0 ? (
          <div key={title}>
            <h2>{title}</h2>
            <ul className="work-list">
              {list.map((inspection) => (
                <li key={inspection.id}>
                  <Link href={`/inspections/${inspection.id}`} className="card work-item">
                    <span className="work-vehicle">{vehicleName(inspection.vehicle)}</span>
                    <span className="muted">{inspection.repairOrderNumber ?? 'No RO'} · {inspection.customer.name} · since {formatTime(inspection.createdAt)}</span>
                    <span className="chip">{inspection.summary.total - inspection.summary.notInspected} of {inspection.summary.total} items</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </section>
  );
}
