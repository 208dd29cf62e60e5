import { useState, type FormEvent } from 'react';
import { startAuthentication } from '@simplewebauthn/browser';
import { CompleteMfaLoginDocument, CompletePasskeyLoginDocument, StartPasskeyLoginDocument } from '@cip/sdk/documents';
import { request } from '../../../shared/graphql-request';
import { setSession } from '../../api/session';
import { challengeExpired, factorErrorMessage } from './messages';

/** What `login` answered instead of a session: the challenge to finish with a second factor. */
export interface MfaChallenge {
  challenge: string;
  expiresAt: string;
  factors: string[];
}

type Method = 'code' | 'recovery';

export function SecondStep({ challenge, onSignedIn, onStartOver }: { challenge: MfaChallenge; onSignedIn(): void; onStartOver(): void }) {
  const hasTotp = challenge.factors.includes('TOTP');
  const [method, setMethod] = useState<Method>(hasTotp ? 'code' : 'recovery');
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);

  const attempt = async (finish: () => Promise<Parameters<typeof setSession>[0]>) => {
    setBusy(true);
    setError(null);
    try {
      setSession(await finish());
      onSignedIn();
    } catch (failure) {
      setExpired(challengeExpired(failure) || Date.parse(challenge.expiresAt) <= Date.now());
      setError(factorErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const submitCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code')).trim();
    void attempt(async () => (await request(CompleteMfaLoginDocument, { challenge: challenge.challenge, code })).completeMfaLogin);
  };

  const usePasskey = () =>
    void attempt(async () => {
      const { startPasskeyLogin: optionsJSON } = await request(StartPasskeyLoginDocument, { challenge: challenge.challenge });
      const response = await startAuthentication({ optionsJSON });
      return (await request(CompletePasskeyLoginDocument, { challenge: challenge.challenge, response })).completePasskeyLogin;
    });

  if (expired) {
    return (
      <div>
        <p className="error" role="alert">{error}</p>
        <button type="button" className="btn btn-primary btn-lg wide" onClick={onStartOver}>Sign in again</button>
      </div>
    );
  }

  return (
    <div className="second-step">
      <p className="muted">Confirm it is you with your second factor.</p>
      <form onSubmit={submitCode} key={method}>
        {method === 'code' ? (
          <label className="field">
            <span>Authenticator code</span>
            <input className="input" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required autoFocus />
          </label>
        ) : (
          <label className="field">
            <span>Recovery code</span>
            <input className="input" name="code" autoComplete="off" spellCheck={false} required autoFocus />
          </label>
        )}
        {error ? <p className="error" role="alert">{error}</p> : null}
        <button type="submit" className="btn btn-primary btn-lg wide" disabled={busy}>{busy ? 'Checking…' : 'Verify'}</button>
      </form>
      <div className="second-step-alternatives">
        {challenge.factors.includes('PASSKEY') ? (
          <button type="button" className="btn wide" disabled={busy} onClick={usePasskey}>Use a passkey</button>
        ) : null}
        {method === 'code' ? (
          <button type="button" className="btn wide" onClick={() => setMethod('recovery')}>Use a recovery code</button>
        ) : hasTotp ? (
          <button type="button" className="btn wide" onClick={() => setMethod('code')}>Use the authenticator app</button>
        ) : null}
        <button type="button" className="btn wide" onClick={onStartOver}>Back to sign in</button>
      </div>
    </div>
  );
}
