import { useState } from 'react';
import { useApolloClient } from '@apollo/client';
import {
  InspectionSheetDocument,
  RequestMediaUploadDocument,
  type InspectionCondition,
  type InspectionItemResultInput,
  type SheetItemFragment,
} from '@cip/sdk/documents';
import { conditionLabel, formatDate, unitLabel, type Condition } from '../../../shared/format';
import { describeThresholds } from './thresholds';

const choices: { condition: InspectionCondition; label: string }[] = [
  { condition: 'GREEN', label: 'Good' },
  { condition: 'YELLOW', label: 'Soon' },
  { condition: 'RED', label: 'Now' },
];

export function ItemRow(props: {
  item: SheetItemFragment;
  inspectionId: string;
  disabled: boolean;
  unsaved: boolean;
  onChange(result: InspectionItemResultInput): void;
}) {
  const { item, disabled } = props;
  const [measurement, setMeasurement] = useState(item.measurement?.toString() ?? '');
  const [notes, setNotes] = useState(item.notes);
  const previous = item.previousResult;
  const nameId = `item-${item.key}`;

  const commitMeasurement = () => {
    const value = Number(measurement);
    if (measurement.trim() === '' || !Number.isFinite(value) || value === item.measurement || !item.unit) return;
    props.onChange({ itemKey: item.key, measurement: { value, unit: item.unit } });
  };

  return (
    <li className={`item card item-${item.condition}`} aria-labelledby={nameId} data-item={item.key}>
      <div className="item-main">
        <div className="item-title">
          <h3 id={nameId}>{item.name}</h3>
          {props.unsaved ? <span className="chip chip-unsaved">Not yet saved</span> : null}
          {item.condition !== 'NOT_INSPECTED' ? (
            <span className={`chip chip-${item.condition}`}><span className="dot" aria-hidden="true" />{conditionLabel[item.condition as Condition]}</span>
          ) : null}
        </div>
        {previous ? (
          <p className="previous muted">
            Last visit{previous.inspectedAt ? ` (${formatDate(previous.inspectedAt)})` : ''}:{' '}
            <span className={`chip chip-${previous.condition}`}>{conditionLabel[previous.condition as Condition]}</span>
            {previous.measurement !== null && previous.measurement !== undefined ? ` ${previous.measurement} ${previous.unit ? unitLabel[previous.unit] : ''}` : ''}
            {previous.notes ? ` — ${previous.notes}` : ''}
          </p>
        ) : null}
      </div>

      {item.kind === 'MEASUREMENT' ? (
        <div className="measure">
          <label className="inline-field">
            <span>Measured{item.unit ? ` (${unitLabel[item.unit]})` : ''}</span>
            <input
              className="input num"
              inputMode="decimal"
              value={measurement}
              disabled={disabled}
              onChange={(event) => setMeasurement(event.target.value)}
              onBlur={commitMeasurement}
              onKeyDown={(event) => event.key === 'Enter' && commitMeasurement()}
            />
          </label>
          <span className="muted small">{describeThresholds(item.thresholds, item.unit)}</span>
        </div>
      ) : null}

      <div className="condition" role="group" aria-label={`Condition of ${item.name}`}>
        {choices.map((choice) => (
          <button
            key={choice.condition}
            type="button"
            className={`cond cond-${choice.condition}`}
            aria-pressed={item.condition === choice.condition}
            disabled={disabled}
            onClick={() => props.onChange({ itemKey: item.key, condition: choice.condition })}
          >
            {choice.label}
          </button>
        ))}
      </div>

      <div className="item-extra">
        <label className="notes">
          <span className="visually-hidden">Notes on {item.name}</span>
          <textarea
            className="input"
            rows={1}
            placeholder="Notes"
            value={notes}
            disabled={disabled}
            onChange={(event) => setNotes(event.target.value)}
            onBlur={() => notes !== item.notes && props.onChange({ itemKey: item.key, notes })}
          />
        </label>
        <PhotoInput item={item} inspectionId={props.inspectionId} disabled={disabled} />
      </div>
    </li>
  );
}

/** A photo from the device's camera (file input with `capture`), uploaded to the URL the API signs. */
function PhotoInput({ item, inspectionId, disabled }: { item: SheetItemFragment; inspectionId: string; disabled: boolean }) {
  const client = useApolloClient();
  const [state, setState] = useState<string | null>(null);
  const photos = item.media.filter((m) => m.kind === 'PHOTO');

  const upload = async (file: File) => {
    if (!navigator.onLine) return setState('Photos need a connection; take it again when back online.');
    setState('Uploading…');
    try {
      const { data } = await client.mutate({
        mutation: RequestMediaUploadDocument,
        variables: { inspectionId, input: { itemKey: item.key, kind: 'PHOTO', contentType: file.type || 'image/jpeg', byteSize: file.size } },
      });
      const target = data!.requestMediaUpload;
      const headers = Object.fromEntries(target.headers.map((h) => [h.name, h.value]));
      const response = await fetch(target.url, { method: target.method, headers, body: file });
      if (!response.ok) throw new Error(`upload answered ${response.status}`);
      await client.query({ query: InspectionSheetDocument, variables: { id: inspectionId }, fetchPolicy: 'network-only' });
      setState(null);
    } catch {
      setState('The photo could not be uploaded.');
    }
  };

  return (
    <div className="photos">
      {photos.map((photo) => {
        const thumbnail = photo.variants.find((variant) => variant.size === 'THUMBNAIL');
        return thumbnail ? <img key={photo.id} src={thumbnail.url} alt={photo.caption || `Photo of ${item.name}`} className="thumb" /> : null;
      })}
      <label className={`btn photo-btn ${disabled ? 'is-disabled' : ''}`}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3H9Zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10Zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z" /></svg>
        Photo<span className="visually-hidden"> of {item.name}</span>
        <input
          type="file"
          accept="image/*"
          capture="environment"
          className="visually-hidden"
          disabled={disabled}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
      </label>
      {state ? <span className="small muted" role="status">{state}</span> : null}
    </div>
  );
}
