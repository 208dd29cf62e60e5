import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client';
import {
  InspectionRecommendationsDocument,
  RemoveRecommendationDocument,
  UpdateRecommendationDocument,
  type InspectionRecommendationsQuery,
  type PricedRecommendationFragment,
  type RecommendationUrgency,
} from '@cip/sdk/documents';
import { formatMoney, type Money } from '../../../shared/format';
import { centsToInput, laborCents, parseCents } from './pricing';

type Product = InspectionRecommendationsQuery['inspection']['shop']['programs'][number]['program']['products'][number];
export interface Offer {
  product: Product;
  program: { id: string; name: string };
}

const urgencies: { value: RecommendationUrgency; label: string }[] = [
  { value: 'IMMEDIATE', label: 'Now' },
  { value: 'SOON', label: 'Soon' },
  { value: 'MONITOR', label: 'Monitor' },
];

export function RecommendationEditor(props: { recommendation: PricedRecommendationFragment; rate: Money; offers: Offer[]; editable: boolean }) {
  const { recommendation: r, rate, offers, editable } = props;
  const [title, setTitle] = useState(r.title);
  const [urgency, setUrgency] = useState<RecommendationUrgency>(r.urgency);
  const [hours, setHours] = useState(String(r.laborHours));
  const [parts, setParts] = useState(centsToInput(r.parts.amountCents));
  const [quantity, setQuantity] = useState(String(r.quantity));
  const [productId, setProductId] = useState(r.partnerProductId ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [save, saving] = useMutation(UpdateRecommendationDocument);
  const [remove] = useMutation(RemoveRecommendationDocument, { refetchQueries: [InspectionRecommendationsDocument] });

  const hoursValue = Number(hours);
  const partsCents = parseCents(parts);
  const quantityValue = Number(quantity);
  const labor = Number.isFinite(hoursValue) && hoursValue >= 0 ? laborCents(hoursValue, rate.amountCents) : null;
  const preview = labor !== null && partsCents !== null && Number.isInteger(quantityValue) && quantityValue > 0 ? partsCents * quantityValue + labor : null;
  const dirty =
    title !== r.title || urgency !== r.urgency || hoursValue !== r.laborHours || partsCents !== r.parts.amountCents || quantityValue !== r.quantity || productId !== (r.partnerProductId ?? '');

  const chooseOffer = (id: string) => {
    setProductId(id);
    const offer = offers.find((o) => o.product.id === id);
    if (offer) {
      setParts(centsToInput(offer.product.unitPrice.amountCents));
      if (title === r.title && !r.partnerProductId) setTitle(offer.product.name);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (labor === null || partsCents === null || preview === null) return setProblem('Enter hours, a parts price like 129.99 and a whole quantity.');
    setProblem(null);
    await save({
      variables: {
        id: r.id,
        input: { title, urgency, laborHours: hoursValue, laborCents: labor, partsCents, quantity: quantityValue, partnerProductId: productId || null },
      },
    }).catch((error: Error) => setProblem(error.message));
  };

  const fid = (name: string) => `${name}-${r.id}`;
  return (
    <li className={`card rec-edit ${r.decision ? `rec-${r.decision.toLowerCase()}` : ''}`} data-recommendation={r.id}>
      <form onSubmit={(event) => void submit(event)}>
        <div className="rec-edit-head">
          <label className="field grow">
            <span>Recommendation</span>
            <input id={fid('title')} className="input" value={title} disabled={!editable} onChange={(event) => setTitle(event.target.value)} required />
          </label>
          <strong className="num rec-total" aria-label={`Total for ${r.title}`}>{formatMoney(dirty && preview !== null ? { amountCents: preview, currency: rate.currency } : r.total)}</strong>
        </div>
        {r.item ? <p className="muted small">Finding: {r.item.name}</p> : null}
        <div className="rec-grid">
          <label className="field">
            <span>Urgency</span>
            <select className="input" value={urgency} disabled={!editable} onChange={(event) => setUrgency(event.target.value as RecommendationUrgency)}>
              {urgencies.map((u) => <option key={u.value} value={u.value}>{u.label}</option>)}
            </select>
          </label>
          <label className="field">
            <span>Labor hours</span>
            <input className="input num" inputMode="decimal" value={hours} disabled={!editable} onChange={(event) => setHours(event.target.value)} />
          </label>
          <label className="field">
            <span>Parts, each ($)</span>
            <input className="input num" inputMode="decimal" value={parts} disabled={!editable} onChange={(event) => setParts(event.target.value)} />
          </label>
          <label className="field">
            <span>Quantity</span>
            <input className="input num" inputMode="numeric" value={quantity} disabled={!editable} onChange={(event) => setQuantity(event.target.value)} />
          </label>
        </div>
        <p className="muted small num">
          Labor {labor !== null ? `${hoursValue} h × ${formatMoney(rate)} = ${formatMoney({ amountCents: labor, currency: rate.currency })}` : '—'}
        </p>
        {offers.length > 0 ? (
          <label className="field">
            <span>Partner offer</span>
            <select className="input" value={productId} disabled={!editable} onChange={(event) => chooseOffer(event.target.value)}>
              <option value="">None</option>
              {offers.map((o) => (
                <option key={o.product.id} value={o.product.id}>
                  {o.product.name} — {formatMoney(o.product.unitPrice)} ({o.program.name})
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {r.partnerOffer?.educationIncentive ? (
          <p className="small offer-note">Partner pays {formatMoney(r.partnerOffer.educationIncentive)} more when the customer reads why it matters.</p>
        ) : null}
        {r.decision ? <p className={`chip decision-${r.decision}`}>{r.decision === 'APPROVED' ? 'Approved by the customer' : 'Declined by the customer'}</p> : null}
        {problem ? <p className="error" role="alert">{problem}</p> : null}
        {editable ? (
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={!dirty || saving.loading}>{saving.loading ? 'Saving…' : 'Save price'}</button>
            <button type="button" className="btn btn-danger" onClick={() => void remove({ variables: { id: r.id } })}>Remove</button>
          </div>
        ) : null}
      </form>
    </li>
  );
}
