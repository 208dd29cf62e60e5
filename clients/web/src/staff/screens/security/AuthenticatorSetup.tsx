import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client';
import { ConfirmTotpDocument, EnrollTotpDocument, type EnrollTotpMutation } from '@cip/sdk/documents';
import { useStepUp } from '../../stepup/StepUp';

/** Sets up an authenticator app: QR code and secret, confirmed by its first code. */
export function AuthenticatorSetup({ enabled, onConfirmed }: { enabled: boolean; onConfirmed(recoveryCodes: string[]): void }) {
  const stepUp = useStepUp();
  const [enroll, { loading }] = useMutation(EnrollTotpDocument);
  const [confirm, confirming] = useMutation(ConfirmTotpDocument);
  const [enrollment, setEnrollment] = useState<EnrollTotpMutation['enrollTotp'] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setError(null);
    try {
      setEnrollment((await stepUp(() => enroll())).data!.enrollTotp);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await confirm({ variables: { code: String(new FormData(event.currentTarget).get('code')).trim() } });
      setEnrollment(null);
      onConfirmed(data!.confirmTotp);
    } catch {
      setError('That code is not valid. Enter the code the app shows now.');
    }
  };

  if (!enrollment) {
    return (
      <div>
        <p>{enabled ? 'An authenticator app is set up.' : 'No authenticator app yet.'}</p>
        {error ? <p className="error" role="alert">{error}</p> : null}
        <button type="button" className="btn" disabled={loading} onClick={() => void start()}>
          {enabled ? 'Replace authenticator app' : 'Set up authenticator app'}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)}>
      <p>Scan this QR code with your authenticator app, or type the secret in by hand.</p>
      <img src={enrollment.qrCodeDataUrl} alt="QR code for your authenticator app" width={192} height={192} />
      <p>Secret: <code data-testid="totp-secret">{enrollment.secret}</code></p>
      <label className="field">
        <span>First code from the app</span>
        <input className="input" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required />
      </label>
      {error ? <p className="error" role="alert">{error}</p> : null}
      <button type="submit" className="btn btn-primary" disabled={confirming.loading}>Confirm</button>
    </form>
  );
}
