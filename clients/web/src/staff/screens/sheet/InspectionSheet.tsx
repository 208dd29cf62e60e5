import { useMemo } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client';
import { Link } from 'wouter';
import {
  BeginInspectionDocument,
  CompleteInspectionDocument,
  InspectionSheetDocument,
  type InspectionItemResultInput,
  type SheetItemFragment,
} from '@cip/sdk/documents';
import { vehicleName } from '../../../shared/format';
import { useConnectivity } from '../../api/connectivity';
import { enqueueResult, usePendingResults } from '../../offline/outbox';
import { canPrice } from '../../shell/roles';
import { useShop } from '../../shell/shop';
import { ItemRow } from './ItemRow';
import { conditionFromMeasurement } from './thresholds';

/** The technician's sheet, tablet first. Every change goes through the outbox, so it works offline alike. */
export default function InspectionSheet({ id }: { id: string }) {
  const client = useApolloClient();
  const { role } = useShop();
  const { online } = useConnectivity();
  const { data, error } = useQuery(InspectionSheetDocument, { variables: { id } });
  const { pending, error: refused } = usePendingResults(id);
  const [begin, begun] = useMutation(BeginInspectionDocument);
  const [complete, completed] = useMutation(CompleteInspectionDocument);

  const inspection = data?.inspection;
  const items = useMemo(() => withPending(inspection?.items ?? [], pending.map((p) => p.result)), [inspection, pending]);
  const sections = useMemo(() => groupBySection(items), [items]);
  const pendingKeys = new Set(pending.map((p) => p.result.itemKey));

  if (!inspection) return error ? <p className="error" role="alert">{error.message}</p> : <p className="muted" aria-busy="true">Loading the inspection…</p>;
  const editable = inspection.status === 'IN_PROGRESS';
  const inspected = items.filter((i) => i.condition !== 'NOT_INSPECTED').length;

  return (
    <section className="sheet" aria-labelledby="sheet-title">
      <div className="sheet-head card">
        <div>
          <h1 id="sheet-title">{vehicleName(inspection.vehicle)}</h1>
          <p className="muted">
            {inspection.repairOrderNumber ?? 'No RO'} · {inspection.customer.name}
            {inspection.vehicle.currentMileage ? ` · ${inspection.vehicle.currentMileage.toLocaleString()} mi` : ''}
          </p>
        </div>
        <div className="sheet-progress">
          <span className="num"><strong>{inspected}</strong> of {items.length} inspected</span>
          <progress max={items.length} value={inspected} aria-label="Items inspected" />
        </div>
        <p className={`save-state ${pending.length ? 'save-pending' : ''}`} role="status" aria-live="polite" data-pending={pending.length}>
          {pending.length === 0
            ? 'All changes saved'
            : `${pending.length} ${pending.length === 1 ? 'change' : 'changes'} not yet saved${online ? ' — sending…' : ' — will send when back online'}`}
        </p>
        {refused ? <p className="error" role="alert">{refused}</p> : null}
      </div>

      {inspection.status === 'DRAFT' ? (
        <div className="card notice">
          <p>This vehicle is checked in but not started.</p>
          <button type="button" className="btn btn-primary btn-lg" disabled={begun.loading} onClick={() => void begin({ variables: { id } })}>Start inspection</button>
        </div>
      ) : null}
      {!editable && inspection.status !== 'DRAFT' ? (
        <div className="card notice">
          <p>This inspection is {inspection.status.toLowerCase().replace('_', ' ')}; results can no longer change.</p>
          {canPrice(role) ? <Link href={`/inspections/${id}/recommendations`} className="btn">Recommendations</Link> : null}
        </div>
      ) : null}

      {sections.map((section) => (
        <section key={section.key} className="sheet-section" aria-labelledby={`sec-${section.key}`}>
          <h2 id={`sec-${section.key}`}>{section.name}</h2>
          <ul className="items">
            {section.items.map((item) => (
              <ItemRow
                key={item.key}
                item={item}
                inspectionId={id}
                disabled={!editable}
                unsaved={pendingKeys.has(item.key)}
                onChange={(result) => void enqueueResult(client, id, result)}
              />
            ))}
          </ul>
        </section>
      ))}

      {editable ? (
        <div className="sheet-foot">
          <button
            type="button"
            className="btn btn-primary btn-lg"
            disabled={pending.length > 0 || !online || completed.loading}
            onClick={() => void complete({ variables: { id } })}
          >
            Complete inspection
          </button>
          {pending.length > 0 ? <span className="muted">Waiting for unsaved changes.</span> : null}
          {completed.error ? <p className="error" role="alert">{completed.error.message}</p> : null}
        </div>
      ) : null}
    </section>
  );
}

/** The server's results with the queued changes applied on top, in order: what the technician sees. */
function withPending(items: SheetItemFragment[], pending: InspectionItemResultInput[]): SheetItemFragment[] {
  if (pending.length === 0) return items;
  return items.map((item) =>
    pending
      .filter((change) => change.itemKey === item.key)
      .reduce<SheetItemFragment>(
        (current, change) => ({
          ...current,
          condition: change.condition ?? (change.measurement ? conditionFromMeasurement(change.measurement.value, current.thresholds) : null) ?? current.condition,
          measurement: change.measurement?.value ?? current.measurement,
          notes: change.notes ?? current.notes,
        }),
        item,
      ),
  );
}

function groupBySection(items: SheetItemFragment[]) {
  const sections: { key: string; name: string; items: SheetItemFragment[] }[] = [];
  for (const item of [...items].sort((a, b) => a.position - b.position)) {
    let section = sections.find((s) => s.key === item.sectionKey);
    if (!section) sections.push((section = { key: item.sectionKey, name: item.section, items: [] }));
    section.items.push(item);
  }
  return sections;
}
