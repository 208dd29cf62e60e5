/** Recovery codes just issued: the only time they are shown (the server keeps their hashes). */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div role="status" aria-label="New recovery codes">
      <p><strong>Save these recovery codes now.</strong> Each signs you in once if you lose your authenticator; they are not shown again.</p>
      <ul className="recovery-codes">
        {codes.map((code) => <li key={code}>{code}</li>)}
      </ul>
    </div>
  );
}
