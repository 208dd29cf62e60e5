import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client';
import { startRegistration } from '@simplewebauthn/browser';
import { FinishPasskeyRegistrationDocument, MfaStatusDocument, RemovePasskeyDocument, StartPasskeyRegistrationDocument, type MfaStatusQuery } from '@cip/sdk/documents';
import { formatDate } from '../../../shared/format';
import { useStepUp } from '../../stepup/StepUp';

type Passkey = MfaStatusQuery['mfaStatus']['passkeys'][number];

/** The user's passkeys: register one on this device, or remove one. */
export function Passkeys({ passkeys, onRegistered }: { passkeys: Passkey[]; onRegistered(recoveryCodes: string[]): void }) {
  const stepUp = useStepUp();
  const refetchQueries = [MfaStatusDocument];
  const [start] = useMutation(StartPasskeyRegistrationDocument);
  const [finish] = useMutation(FinishPasskeyRegistrationDocument, { refetchQueries });
  const [remove] = useMutation(RemovePasskeyDocument, { refetchQueries });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const register = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name')).trim() || undefined;
    setBusy(true);
    setError(null);
    try {
      const { data } = await stepUp(() => start());
      const response = await startRegistration({ optionsJSON: data!.startPasskeyRegistration });
      const registered = await finish({ variables: { response, name } });
      form.reset();
      if (registered.data!.finishPasskeyRegistration.recoveryCodes.length) onRegistered(registered.data!.finishPasskeyRegistration.recoveryCodes);
    } catch (failure) {
      setError(failure instanceof DOMException ? 'The passkey prompt was closed or timed out.' : (failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      {passkeys.length ? (
        <ul className="passkey-list">
          {passkeys.map((passkey) => (
            <li key={passkey.id}>
              <span><strong>{passkey.name}</strong> <span className="muted">added {formatDate(passkey.createdAt)}{passkey.lastUsedAt ? `, last used ${formatDate(passkey.lastUsedAt)}` : ''}</span></span>
              <button type="button" className="btn btn-danger" aria-label={`Remove ${passkey.name}`} onClick={() => void stepUp(() => remove({ variables: { id: passkey.id } })).catch((failure: Error) => setError(failure.message))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No passkeys yet.</p>
      )}
      <form onSubmit={(event) => void register(event)}>
        <label className="field">
          <span>Passkey name</span>
          <input className="input" name="name" maxLength={60} placeholder="Work laptop" />
        </label>
        {error ? <p className="error" role="alert">{error}</p> : null}
        <button type="submit" className="btn" disabled={busy}>Add a passkey</button>
      </form>
    </div>
  );
}
