import { useMutation, useQuery } from '@apollo/client';
import { Link } from 'wouter';
import { CustomerDetailDocument, UpdateCustomerDocument, type CustomerProfileFragment } from '@cip/sdk/documents';
import { formatDate, formatMoney, vehicleName } from '../../../shared/format';

/** CRM: one customer's contact details and consent, vehicles and inspection history. */
export default function CustomerDetail({ id }: { id: string }) {
  const { data, error } = useQuery(CustomerDetailDocument, { variables: { id } });
  const [update, updating] = useMutation(UpdateCustomerDocument);
  const customer = data?.customer;
  if (!customer) return error ? <p className="error" role="alert">{error.message}</p> : <p className="muted" aria-busy="true">Loading…</p>;

  const setConsent = (change: Partial<Pick<CustomerProfileFragment, 'smsConsent' | 'emailConsent'>>) =>
    void update({
      variables: {
        id,
        input: {
          firstName: customer.firstName,
          lastName: customer.lastName,
          phone: customer.phone,
          email: customer.email,
          tags: customer.tags,
          notes: customer.notes,
          smsConsent: customer.smsConsent,
          emailConsent: customer.emailConsent,
          ...change,
        },
      },
    });
  const vehicles = new Map(customer.vehicles.map((v) => [v.id, v]));

  return (
    <section aria-labelledby="customer-title" className="customer">
      <div className="page-head">
        <div>
          <p className="muted"><Link href="/customers">Customers</Link></p>
          <h1 id="customer-title">{customer.name}</h1>
          <p className="muted">Customer since {formatDate(customer.createdAt)}{customer.tags.length ? ' · ' : ''}{customer.tags.join(', ')}</p>
        </div>
      </div>
      <div className="customer-grid">
        <section className="card pad" aria-labelledby="contact-title">
          <h2 id="contact-title">Contact and consent</h2>
          <dl className="facts">
            <div><dt>Phone</dt><dd className="num">{customer.phone ?? '—'}</dd></div>
            <div><dt>E-mail</dt><dd>{customer.email ?? '—'}</dd></div>
          </dl>
          <label className="toggle">
            <input type="checkbox" checked={customer.smsConsent} disabled={updating.loading} onChange={(event) => setConsent({ smsConsent: event.target.checked })} />
            <span>Agrees to text messages</span>
          </label>
          <label className="toggle">
            <input type="checkbox" checked={customer.emailConsent} disabled={updating.loading} onChange={(event) => setConsent({ emailConsent: event.target.checked })} />
            <span>Agrees to e-mail</span>
          </label>
          {customer.consentUpdatedAt ? <p className="muted small">Consent last changed {formatDate(customer.consentUpdatedAt)}</p> : null}
          {customer.notes ? <p>{customer.notes}</p> : null}
        </section>
        <section className="card pad" aria-labelledby="vehicles-title">
          <h2 id="vehicles-title">Vehicles</h2>
          <ul className="plain">
            {customer.vehicles.map((v) => (
              <li key={v.id}>
                <strong>{vehicleName(v)}</strong>
                <span className="muted small num"> {v.vin}{v.plate ? ` · ${v.plate}` : ''}{v.currentMileage ? ` · ${v.currentMileage.toLocaleString()} mi` : ''}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card pad wide-col" aria-labelledby="history-title">
          <h2 id="history-title">Inspection history</h2>
          <table>
            <caption className="visually-hidden">Inspections</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Vehicle</th><th scope="col">RO</th><th scope="col">Results</th><th scope="col">Approved</th></tr></thead>
            <tbody>
              {customer.inspections.map((inspection) => (
                <tr key={inspection.id}>
                  <td><Link href={`/inspections/${inspection.id}`}>{formatDate(inspection.createdAt)}</Link></td>
                  <td>{vehicleName(vehicles.get(inspection.vehicle.id))}</td>
                  <td>{inspection.repairOrderNumber ?? '—'}</td>
                  <td>
                    <span className="chip chip-GREEN">{inspection.summary.green}<span className="visually-hidden"> good</span></span>{' '}
                    <span className="chip chip-YELLOW">{inspection.summary.yellow}<span className="visually-hidden"> soon</span></span>{' '}
                    <span className="chip chip-RED">{inspection.summary.red}<span className="visually-hidden"> now</span></span>
                  </td>
                  <td className="num">{formatMoney(inspection.approval.approvedTotal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </section>
  );
}
