import { useMemo, useState } from 'react';
import { useQuery, useSubscription } from '@apollo/client';
import { Link } from 'wouter';
import { InspectionUpdatesDocument, RecommendationDecisionsDocument, ShopBoardDocument, type BoardCardFragment, type InspectionStatus } from '@cip/sdk/documents';
import { formatMoney, formatTime, vehicleName } from '../../../shared/format';
import { useLiveGeneration } from '../../api/live';
import { canPrice } from '../../shell/roles';
import { useShop } from '../../shell/shop';
import { startOfToday } from './today';

const columns: { status: InspectionStatus; title: string }[] = [
  { status: 'DRAFT', title: 'Checked in' },
  { status: 'IN_PROGRESS', title: 'Inspecting' },
  { status: 'COMPLETED', title: 'To price' },
  { status: 'SENT', title: 'With customer' },
  { status: 'CLOSED', title: 'Decided' },
];

/** Today's inspections as columns by status, moving live as technicians, advisors and customers act. */
export default function Board() {
  const { shopId, role } = useShop();
  const [createdFrom] = useState(startOfToday);
  const [technicianId, setTechnicianId] = useState('');
  const variables = { shopId, createdFrom, technicianId: technicianId || null };
  const { data, refetch } = useQuery(ShopBoardDocument, { variables });
  const known = useMemo(() => new Set(data?.shop.inspections.nodes.map((i) => i.id)), [data]);
  const [lastEvent, setLastEvent] = useState<string | null>(null);

  const generation = useLiveGeneration();

  const technicians = (data?.shop.staff ?? []).filter((s) => s.role === 'TECHNICIAN');
  const cards = data?.shop.inspections.nodes ?? [];

  return (
    <section aria-labelledby="board-title" className="board">
      <BoardLive
        key={generation}
        shopId={shopId}
        decisions={canPrice(role)}
        onEvent={(inspectionId) => {
          setLastEvent(new Date().toISOString());
          if (inspectionId && !known.has(inspectionId)) void refetch();
        }}
      />
      <div className="page-head">
        <div>
          <h1 id="board-title">Shop board</h1>
          <p className="muted">
            {data?.shop.name} · today · <span className="live" aria-live="polite">{lastEvent ? `live, last change ${formatTime(lastEvent)}` : 'live'}</span>
          </p>
        </div>
        <label className="inline-field">
          <span>Technician</span>
          <select className="input" value={technicianId} onChange={(event) => setTechnicianId(event.target.value)}>
            <option value="">Everyone</option>
            {technicians.map((t) => (
              <option key={t.user.id} value={t.user.id}>{t.user.name}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="columns">
        {columns.map((column) => {
          const list = cards.filter((card) => card.status === column.status);
          return (
            <section key={column.status} className="column" aria-labelledby={`col-${column.status}`} data-status={column.status}>
              <h2 id={`col-${column.status}`} className="column-title">
                {column.title} <span className="count">{list.length}</span>
              </h2>
              <ul>
                {list.map((card) => (
                  <li key={card.id}>
                    <BoardCard card={card} pricing={canPrice(role)} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

/** Updates to a known card land in the cache by id; a card the board has not seen needs the list again. */
function BoardLive({ shopId, decisions, onEvent }: { shopId: string; decisions: boolean; onEvent(inspectionId?: string): void }) {
  useSubscription(InspectionUpdatesDocument, { variables: { shopId }, onData: ({ data: event }) => onEvent(event.data?.inspectionUpdated.id) });
  useSubscription(RecommendationDecisionsDocument, { variables: { shopId }, skip: !decisions, onData: () => onEvent() });
  return null;
}

function BoardCard({ card, pricing }: { card: BoardCardFragment; pricing: boolean }) {
  const priced = pricing && card.status !== 'DRAFT' && card.status !== 'IN_PROGRESS';
  const href = priced ? `/inspections/${card.id}/recommendations` : `/inspections/${card.id}`;
  const done = card.summary.total - card.summary.notInspected;
  return (
    <Link href={href} className="card board-card" data-inspection={card.id}>
      <span className="board-card-top">
        <strong>{vehicleName(card.vehicle)}</strong>
        <span className="muted">{card.repairOrderNumber}</span>
      </span>
      <span className="muted">{card.customer.name}{card.technician ? ` · ${card.technician.name}` : ''}</span>
      <span className="tally">
        <span className="chip chip-GREEN" title="Good">{card.summary.green}<span className="visually-hidden"> good</span></span>
        <span className="chip chip-YELLOW" title="Soon">{card.summary.yellow}<span className="visually-hidden"> soon</span></span>
        <span className="chip chip-RED" title="Now">{card.summary.red}<span className="visually-hidden"> now</span></span>
        {card.status === 'IN_PROGRESS' || card.status === 'DRAFT' ? <span className="muted small">{done}/{card.summary.total}</span> : null}
      </span>
      {card.approval.presentedCount > 0 ? (
        <span className="small decisions">
          {card.approval.approvedCount} approved · {card.approval.declinedCount} declined · {card.approval.pendingCount} waiting
          {card.approval.approvedCount > 0 ? ` · ${formatMoney(card.approval.approvedTotal)}` : ''}
        </span>
      ) : null}
    </Link>
  );
}
