import { useMemo, useState } from 'react';
import { renderSVG } from 'uqr';

/** The customer's link with a QR code to scan at the counter, and a button to copy it. */
export function ShareLink({ token, expiresAt }: { token: string; expiresAt: string }) {
  const link = `${location.origin}/approve/#${encodeURIComponent(token)}`;
  const qr = useMemo(() => renderSVG(link, { border: 2 }), [link]);
  const [copied, setCopied] = useState(false);
  return (
    <div className="share card" aria-labelledby="share-title">
      <div className="qr" role="img" aria-label="QR code of the customer's link" dangerouslySetInnerHTML={{ __html: qr }} />
      <div className="share-body">
        <h2 id="share-title">Sent — the customer's link</h2>
        <p className="muted">Text or e-mail it, or let the customer scan the code. It works until {new Date(expiresAt).toLocaleString()}.</p>
        <label className="field">
          <span>Customer link</span>
          <input className="input" readOnly value={link} onFocus={(event) => event.currentTarget.select()} data-testid="customer-link" />
        </label>
        <button
          type="button"
          className="btn"
          onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
    </div>
  );
}
