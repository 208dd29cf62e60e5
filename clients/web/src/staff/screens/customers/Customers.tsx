import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client';
import { Link } from 'wouter';
import { CustomerSearchDocument } from '@cip/sdk/documents';
import { useShop } from '../../shell/shop';

/** CRM: the shop's customers, searched by name, phone or e-mail as you type. */
export default function Customers() {
  const { shopId } = useShop();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const { data, loading } = useQuery(CustomerSearchDocument, { variables: { shopId, search: search || null, first: 50 } });
  const customers = data?.shop.customers ?? [];

  return (
    <section aria-labelledby="crm-title" className="crm">
      <div className="page-head">
        <h1 id="crm-title">Customers</h1>
        <label className="search">
          <span className="visually-hidden">Search customers</span>
          <input className="input" type="search" placeholder="Search by name, phone or e-mail" value={text} onChange={(event) => setText(event.target.value)} />
        </label>
      </div>
      <div className="card table-card">
        <table>
          <caption className="visually-hidden">Customers</caption>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Phone</th><th scope="col">E-mail</th><th scope="col">Tags</th></tr>
          </thead>
          <tbody>
            {customers.map((c) => (
              <tr key={c.id}>
                <th scope="row"><Link href={`/customers/${c.id}`}>{c.name}</Link></th>
                <td className="num">{c.phone ?? '—'}</td>
                <td>{c.email ?? '—'}</td>
                <td>{c.tags.map((t) => <span key={t} className="chip">{t}</span>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!loading && customers.length === 0 ? <p className="empty">No customer matches “{search}”.</p> : null}
      </div>
    </section>
  );
}
