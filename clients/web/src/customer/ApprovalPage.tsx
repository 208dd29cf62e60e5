import { useEffect, useMemo, useState } from 'react';
import {
  CustomerInspectionDocument,
  DecideRecommendationDocument,
  OpenSharedInspectionDocument,
  RecordEducationViewDocument,
  type CustomerReportFragment,
  type RecommendationDecision,
} from '@cip/sdk/customer';
import { conditionLabel, formatMoney, unitLabel, vehicleName, type Condition } from '../shared/format';
import { GraphQLRequestError, request } from '../shared/graphql-request';
import { Photo } from './Photo';

type Recommendation = CustomerReportFragment['recommendations'][number];
type State =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; accessToken: string; report: CustomerReportFragment };

const urgencyLabel = { IMMEDIATE: 'Recommended now', SOON: 'Recommended soon', MONITOR: 'Keep an eye on' } as const;

export function ApprovalPage({ linkToken }: { linkToken: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [choices, setChoices] = useState<Record<string, RecommendationDecision>>({});
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);

  useEffect(() => {
    if (!linkToken) return setState({ kind: 'failed', message: 'This link is incomplete. Open the link from your message again.' });
    request(OpenSharedInspectionDocument, { token: linkToken })
      .then(async ({ openSharedInspection: { accessToken, inspection } }) => {
        const { inspection: report } = await request(CustomerInspectionDocument, { id: inspection.id }, { token: accessToken });
        setState({ kind: 'ready', accessToken, report });
      })
      .catch((error: unknown) =>
        setState({
          kind: 'failed',
          message:
            error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED'
              ? 'This link has expired or was replaced. Ask the shop to send you a new one.'
              : 'We could not load your inspection. Check your connection and try again.',
        }),
      );
  }, [linkToken]);

  const report = state.kind === 'ready' ? state.report : null;
  const open = useMemo(() => report?.recommendations.filter((r) => !r.decision) ?? [], [report]);
  const currency = report?.currency ?? 'USD';
  const approvedCents =
    (report?.approval.approvedTotal.amountCents ?? 0) +
    open.filter((r) => choices[r.id] === 'APPROVED').reduce((sum, r) => sum + r.total.amountCents, 0);

  if (state.kind === 'loading') return <main className="page" aria-busy="true"><p>Loading your inspection…</p></main>;
  if (state.kind === 'failed') return <main className="page"><h1>Your vehicle inspection</h1><p className="error" role="alert">{state.message}</p></main>;
  const { accessToken } = state;
  const ready = state.report;

  const sendDecisions = async () => {
    setSending(true);
    setSendError(null);
    try {
      let latest = ready;
      for (const recommendation of open) {
        const decision = choices[recommendation.id];
        const { decideRecommendation } = await request(DecideRecommendationDocument, { id: recommendation.id, decision }, { token: accessToken });
        latest = {
          ...latest,
          status: decideRecommendation.inspection.status,
          approval: decideRecommendation.inspection.approval,
          recommendations: latest.recommendations.map((r) => (r.id === recommendation.id ? { ...r, decision: decideRecommendation.decision } : r)),
        };
        setState({ kind: 'ready', accessToken, report: latest });
      }
    } catch {
      setSendError('Some decisions did not reach the shop. Check your connection and press the button again.');
    } finally {
      setSending(false);
    }
  };

  const attention = ready.items.filter((item) => item.condition === 'RED' || item.condition === 'YELLOW');
  const allDecided = ready.recommendations.length > 0 && open.length === 0;
  const allChosen = open.length > 0 && open.every((r) => choices[r.id]);
  const photosFirst = ready.reportLayout === 'PHOTOS_FIRST';

  const recommended = (
    <section aria-labelledby="recs-title">
      <h2 id="recs-title">Recommended work</h2>
      {ready.recommendations.length === 0 ? <p className="muted">Nothing needs your decision.</p> : null}
      <ul className="recs">
        {ready.recommendations.map((recommendation) => (
          <RecommendationCard
            key={recommendation.id}
            recommendation={recommendation}
            choice={recommendation.decision ?? choices[recommendation.id]}
            locked={Boolean(recommendation.decision) || sending}
            onChoose={(decision) => setChoices((current) => ({ ...current, [recommendation.id]: decision }))}
            onLearnMore={() => void request(RecordEducationViewDocument, { id: recommendation.id }, { token: accessToken }).catch(() => undefined)}
          />
        ))}
      </ul>
    </section>
  );
  const findings =
    attention.length > 0 ? (
      <section aria-labelledby="findings-title">
        <h2 id="findings-title">What the technician found</h2>
        <ul className="findings">
          {attention.map((item) => (
            <li key={item.key} className="card finding">
              <div className="finding-head">
                <span className={`chip chip-${item.condition}`}><span className="dot" aria-hidden="true" />{conditionLabel[item.condition as Condition]}</span>
                <strong>{item.name}</strong>
              </div>
              {item.measurement !== null && item.measurement !== undefined ? (
                <p className="muted num">Measured {item.measurement} {item.unit ? unitLabel[item.unit] : ''}</p>
              ) : null}
              {item.notes ? <p>{item.notes}</p> : null}
              {item.media.filter((m) => m.kind === 'PHOTO').map((m) => (
                <Photo key={m.id} variants={m.variants} alt={m.caption || `Photo of ${item.name}`} />
              ))}
            </li>
          ))}
        </ul>
      </section>
    ) : null;

  return (
    <>
      <header className="hero">
        <p className="eyebrow">Vehicle inspection report</p>
        <h1>{vehicleName(ready.vehicle)}</h1>
        <ul className="tally" aria-label="Inspection results">
          <li className="chip chip-GREEN"><span className="dot" aria-hidden="true" />{ready.summary.green} good</li>
          <li className="chip chip-YELLOW"><span className="dot" aria-hidden="true" />{ready.summary.yellow} soon</li>
          <li className="chip chip-RED"><span className="dot" aria-hidden="true" />{ready.summary.red} now</li>
        </ul>
      </header>
      <main className="page">
        {allDecided ? (
          <section className="card confirm" role="status" aria-live="polite">
            <h2>Thank you — the shop has your decisions</h2>
            <p>
              Approved work: <strong className="num">{formatMoney({ amountCents: ready.approval.approvedTotal.amountCents, currency })}</strong>. Your advisor
              will be in touch to schedule it.
            </p>
          </section>
        ) : null}

        {/* Which section opens the page was fixed when the report was sent (the report experiment). */}
        {photosFirst ? findings : null}
        {recommended}
        {photosFirst ? null : findings}
      </main>
      {open.length > 0 ? (
        <footer className="decide-bar">
          <div>
            <span className="muted">Approved total</span>
            <strong className="num total" aria-live="polite">{formatMoney({ amountCents: approvedCents, currency })}</strong>
          </div>
          <button type="button" className="btn btn-primary btn-lg" disabled={!allChosen || sending} onClick={() => void sendDecisions()}>
            {sending ? 'Sending…' : allChosen ? 'Send my decisions' : `Decide ${open.filter((r) => !choices[r.id]).length} more`}
          </button>
          {sendError ? <p className="error" role="alert">{sendError}</p> : null}
        </footer>
      ) : null}
    </>
  );
}

function RecommendationCard(props: {
  recommendation: Recommendation;
  choice: RecommendationDecision | undefined;
  locked: boolean;
  onChoose(decision: RecommendationDecision): void;
  onLearnMore(): void;
}) {
  const { recommendation: r, choice, locked } = props;
  const titleId = `rec-${r.id}`;
  return (
    <li className={`card rec ${choice ? `rec-${choice.toLowerCase()}` : ''}`} aria-labelledby={titleId}>
      <div className="rec-head">
        <h3 id={titleId}>{r.title}</h3>
        <strong className="num">{formatMoney(r.total)}</strong>
      </div>
      <p className="muted">
        {urgencyLabel[r.urgency]}
        {r.item ? ` · ${r.item.name}` : ''}
        {r.quantity > 1 ? ` · ${r.quantity} units` : ''}
      </p>
      {r.description ? (
        <details onToggle={(event) => (event.currentTarget.open ? props.onLearnMore() : undefined)}>
          <summary>Why this matters</summary>
          <p>{r.description}</p>
        </details>
      ) : null}
      <div className="choice" role="group" aria-label={`Your decision on ${r.title}`}>
        <button type="button" className="btn choice-approve" aria-pressed={choice === 'APPROVED'} disabled={locked} onClick={() => props.onChoose('APPROVED')}>
          Approve
        </button>
        <button type="button" className="btn choice-decline" aria-pressed={choice === 'DECLINED'} disabled={locked} onClick={() => props.onChoose('DECLINED')}>
          Decline
        </button>
      </div>
    </li>
  );
}
