import { useState, type FormEvent } from 'react';
import { LoginDocument } from '@cip/sdk/documents';
import { GraphQLRequestError, request } from '../../../shared/graphql-request';
import { setSession } from '../../api/session';
import { SecondStep, type MfaChallenge } from './SecondStep';

export function SignIn({ onSignedIn }: { onSignedIn(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const { login } = await request(LoginDocument, { email: String(form.get('email')), password: String(form.get('password')) });
      setSession(login);
      onSignedIn();
    } catch (failure) {
      if (failure instanceof GraphQLRequestError && failure.code === 'MFA_REQUIRED' && typeof failure.extensions.mfaChallenge === 'string') {
        const { mfaChallenge, mfaChallengeExpiresAt, mfaFactors } = failure.extensions;
        setChallenge({ challenge: mfaChallenge, expiresAt: String(mfaChallengeExpiresAt), factors: (mfaFactors as string[] | undefined) ?? [] });
        return;
      }
      setError(
        failure instanceof GraphQLRequestError
          ? failure.code === 'UNAUTHENTICATED'
            ? 'That e-mail and password do not match an account.'
            : failure.message
          : 'Could not reach the server. Check your connection.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <main className="signin-card card">
        <div className="signin-brand">
          <svg viewBox="0 0 32 32" width="40" height="40" aria-hidden="true"><rect width="32" height="32" rx="8" fill="#0b5fff" /><path d="M9 16.5l4.5 4.5L23 11.5" stroke="#fff" strokeWidth="3.2" fill="none" strokeLinecap="round" strokeLinejoin="round" /></svg>
          <h1>{challenge ? 'Two-step verification' : 'Sign in'}</h1>
          {challenge ? null : <p className="muted">Courtesy Inspection for your shop team.</p>}
        </div>
        {challenge ? (
          <SecondStep challenge={challenge} onSignedIn={onSignedIn} onStartOver={() => setChallenge(null)} />
        ) : (
        <form onSubmit={(event) => void submit(event)} noValidate={false}>
          <label className="field">
            <span>E-mail</span>
            <input className="input" name="email" type="email" autoComplete="username" required />
          </label>
          <label className="field">
            <span>Password</span>
            <input className="input" name="password" type="password" autoComplete="current-password" required minLength={8} />
          </label>
          {error ? <p className="error" role="alert">{error}</p> : null}
          <button type="submit" className="btn btn-primary btn-lg wide" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        </form>
        )}
      </main>
    </div>
  );
}
