import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client';
import { Link } from 'wouter';
import {
  AddRecommendationDocument,
  InspectionRecommendationsDocument,
  RenewShareLinkDocument,
  SendInspectionDocument,
} from '@cip/sdk/documents';
import { conditionLabel, formatMoney, vehicleName, type Condition } from '../../../shared/format';
import { RecommendationEditor } from './RecommendationEditor';
import { ShareLink } from './ShareLink';

/** The advisor prices each finding at the shop's labor rate, attaches partner offers, and sends the report. */
export default function Recommendations({ id }: { id: string }) {
  const { data, error } = useQuery(InspectionRecommendationsDocument, { variables: { id } });
  const [send, sending] = useMutation(SendInspectionDocument);
  const [renew, renewing] = useMutation(RenewShareLinkDocument);
  const [add] = useMutation(AddRecommendationDocument, { refetchQueries: [InspectionRecommendationsDocument] });
  const [link, setLink] = useState<{ token: string; expiresAt: string } | null>(null);

  const inspection = data?.inspection;
  if (!inspection) return error ? <p className="error" role="alert">{error.message}</p> : <p className="muted" aria-busy="true">Loading…</p>;

  const editable = inspection.status === 'IN_PROGRESS' || inspection.status === 'COMPLETED';
  const rate = inspection.shop.laborRate;
  const offers = inspection.shop.programs
    .filter((enrollment) => !enrollment.endedAt)
    .flatMap((enrollment) => enrollment.program.products.map((product) => ({ product, program: enrollment.program })));
  const unpriced = inspection.recommendations.filter((r) => r.total.amountCents === 0);
  const total = inspection.recommendations.reduce((sum, r) => sum + r.total.amountCents, 0);
  const findings = inspection.items.filter((item) => (item.condition === 'RED' || item.condition === 'YELLOW') && !inspection.recommendations.some((r) => r.item?.key === item.key));

  const sendReport = async () => {
    const result = await send({ variables: { id } });
    if (result.data) setLink(result.data.sendInspection);
  };

  return (
    <section className="recs-screen" aria-labelledby="recs-title">
      <div className="page-head">
        <div>
          <h1 id="recs-title">Recommendations</h1>
          <p className="muted">
            {vehicleName(inspection.vehicle)} · {inspection.repairOrderNumber ?? 'No RO'} · {inspection.customer.name} · labor {formatMoney(rate)}/h
          </p>
        </div>
        <Link href={`/inspections/${id}`} className="btn">Inspection sheet</Link>
      </div>

      {link ? <ShareLink token={link.token} expiresAt={link.expiresAt} /> : null}

      <div className="recs-layout">
        <div>
          {inspection.recommendations.length === 0 ? <p className="card empty">No findings to price yet.</p> : null}
          <ul className="rec-list">
            {inspection.recommendations.map((recommendation) => (
              <RecommendationEditor key={recommendation.id} recommendation={recommendation} rate={rate} offers={offers} editable={editable} />
            ))}
          </ul>
          {editable && findings.length > 0 ? (
            <div className="card findings-left">
              <h2>Findings without a recommendation</h2>
              <ul>
                {findings.map((item) => (
                  <li key={item.key}>
                    <span className={`chip chip-${item.condition}`}>{conditionLabel[item.condition as Condition]}</span> {item.name}
                    <button type="button" className="btn" onClick={() => void add({ variables: { inspectionId: id, input: { itemKey: item.key, title: item.name } } })}>
                      Add
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>

        <aside className="card summary" aria-labelledby="summary-title">
          <h2 id="summary-title">Estimate</h2>
          <dl>
            <div><dt>Recommendations</dt><dd className="num">{inspection.recommendations.length}</dd></div>
            <div><dt>Presented total</dt><dd className="num">{formatMoney({ amountCents: total, currency: inspection.currency })}</dd></div>
            {inspection.status === 'SENT' || inspection.status === 'CLOSED' ? (
              <>
                <div><dt>Approved</dt><dd className="num">{inspection.approval.approvedCount} · {formatMoney(inspection.approval.approvedTotal)}</dd></div>
                <div><dt>Declined</dt><dd className="num">{inspection.approval.declinedCount}</dd></div>
                <div><dt>Waiting</dt><dd className="num">{inspection.approval.pendingCount}</dd></div>
              </>
            ) : null}
          </dl>
          {inspection.status === 'COMPLETED' ? (
            <>
              {unpriced.length > 0 ? <p className="muted small">{unpriced.length} not priced yet.</p> : null}
              <button type="button" className="btn btn-primary btn-lg wide" disabled={sending.loading} onClick={() => void sendReport()}>
                Send to customer
              </button>
              {sending.error ? <p className="error" role="alert">{sending.error.message}</p> : null}
            </>
          ) : null}
          {inspection.status === 'IN_PROGRESS' ? <p className="muted small">The technician is still inspecting; send once it is completed.</p> : null}
          {inspection.status === 'SENT' && !link ? (
            <button
              type="button"
              className="btn wide"
              disabled={renewing.loading}
              onClick={() => void renew({ variables: { id } }).then((result) => result.data && setLink(result.data.renewShareLink))}
            >
              New customer link
            </button>
          ) : null}
        </aside>
      </div>
    </section>
  );
}
