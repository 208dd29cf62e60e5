import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client';
import { MfaStatusDocument, OrganizationMfaPolicyDocument, RegenerateRecoveryCodesDocument, SetMfaPolicyDocument, type MfaPolicy } from '@cip/sdk/documents';
import { useStepUp } from '../../stepup/StepUp';
import { AuthenticatorSetup } from './AuthenticatorSetup';
import { Passkeys } from './Passkeys';
import { RecoveryCodes } from './RecoveryCodes';

const policies: { value: MfaPolicy; label: string }[] = [
  { value: 'OFF', label: 'Optional' },
  { value: 'OWNERS_AND_MANAGERS', label: 'Required for owners and managers' },
  { value: 'ALL_STAFF', label: 'Required for all staff' },
];

/** The signed-in user's second factors; for an owner, also who in the organization must have one. */
export default function Security({ isOwner = false, onEnrolled }: { isOwner?: boolean; onEnrolled?(): void }) {
  const stepUp = useStepUp();
  const { data, refetch } = useQuery(MfaStatusDocument, { fetchPolicy: 'network-only' });
  const [regenerate] = useMutation(RegenerateRecoveryCodesDocument, { refetchQueries: [MfaStatusDocument] });
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const status = data?.mfaStatus;

  const issued = async (recoveryCodes: string[]) => {
    setCodes(recoveryCodes);
    await refetch();
    onEnrolled?.();
  };

  if (!status) return <p className="muted" aria-busy="true">Loading…</p>;
  return (
    <section>
      <h1>Security</h1>
      {status.enrollmentRequired ? (
        <p className="banner banner-notice" role="status">Your organization requires a second factor. Set up an authenticator app or a passkey to continue.</p>
      ) : null}
      {codes ? <div className="card security-section"><RecoveryCodes codes={codes} /></div> : null}
      <div className="card security-section">
        <h2>Authenticator app</h2>
        <AuthenticatorSetup enabled={status.totpEnabled} onConfirmed={(recoveryCodes) => void issued(recoveryCodes)} />
      </div>
      <div className="card security-section">
        <h2>Passkeys</h2>
        <Passkeys passkeys={status.passkeys} onRegistered={(recoveryCodes) => void issued(recoveryCodes)} />
      </div>
      {status.totpEnabled || status.passkeys.length ? (
        <div className="card security-section">
          <h2>Recovery codes</h2>
          <p>{status.recoveryCodesLeft} unused recovery codes.</p>
          {error ? <p className="error" role="alert">{error}</p> : null}
          <button
            type="button"
            className="btn"
            onClick={() =>
              void stepUp(() => regenerate())
                .then(({ data: fresh }) => setCodes(fresh!.regenerateRecoveryCodes))
                .catch((failure: Error) => setError(failure.message))
            }
          >
            New recovery codes
          </button>
        </div>
      ) : null}
      {isOwner && !status.enrollmentRequired ? <OrganizationPolicy /> : null}
    </section>
  );
}

function OrganizationPolicy() {
  const stepUp = useStepUp();
  const { data } = useQuery(OrganizationMfaPolicyDocument);
  const [save] = useMutation(SetMfaPolicyDocument, { refetchQueries: [OrganizationMfaPolicyDocument] });
  const [error, setError] = useState<string | null>(null);
  if (!data) return null;
  return (
    <div className="card security-section">
      <h2>Organization policy</h2>
      <label className="field">
        <span>Second factor</span>
        <select
          className="input"
          value={data.organization.mfaPolicy}
          onChange={(event) => {
            const policy = event.target.value as MfaPolicy;
            setError(null);
            void stepUp(() => save({ variables: { policy } })).catch((failure: Error) => setError(failure.message));
          }}
        >
          {policies.map((policy) => <option key={policy.value} value={policy.value}>{policy.label}</option>)}
        </select>
      </label>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </div>
  );
}
