import { createContext, useCallback, useContext, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApolloError, useApolloClient } from '@apollo/client';
import { startAuthentication } from '@simplewebauthn/browser';
import { StartPasskeyVerificationDocument, VerifyMfaDocument, VerifyPasskeyDocument } from '@cip/sdk/documents';
import { factorErrorMessage } from '../screens/signin/messages';
import { GraphQLRequestError } from '../../shared/graphql-request';

type Confirm = () => Promise<boolean>;
const StepUpContext = createContext<Confirm | null>(null);

/** Apollo's errors carry the code per GraphQL error; the messages shown for factors read it from one shape. */
const asRequestError = (failure: unknown) => {
  const first = failure instanceof ApolloError ? failure.graphQLErrors[0] : undefined;
  return first ? new GraphQLRequestError(first.message, first.extensions?.code as string | undefined, first.extensions ?? {}) : failure;
};

const mfaRequired = (failure: unknown) => {
  const error = asRequestError(failure);
  return error instanceof GraphQLRequestError && error.code === 'MFA_REQUIRED';
};

/**
 * Runs a sensitive change; when the server answers MFA_REQUIRED (no factor verified in the last 10
 * minutes), asks for a code or a passkey, verifies it and runs the change once more.
 */
export function useStepUp() {
  const confirm = useContext(StepUpContext);
  if (!confirm) throw new Error('useStepUp outside a StepUpProvider');
  return useCallback(
    async <T,>(change: () => Promise<T>): Promise<T> => {
      try {
        return await change();
      } catch (failure) {
        if (!mfaRequired(failure) || !(await confirm())) throw failure;
        return change();
      }
    },
    [confirm],
  );
}

export function StepUpProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const settle = useRef<(verified: boolean) => void>(() => undefined);
  const confirm = useCallback<Confirm>(
    () =>
      new Promise<boolean>((resolve) => {
        settle.current = (verified) => {
          setOpen(false);
          resolve(verified);
        };
        setOpen(true);
      }),
    [],
  );
  return (
    <StepUpContext.Provider value={confirm}>
      {children}
      {open ? <StepUpDialog onDone={(verified) => settle.current(verified)} /> : null}
    </StepUpContext.Provider>
  );
}

function StepUpDialog({ onDone }: { onDone(verified: boolean): void }) {
  const client = useApolloClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async (check: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await check();
      onDone(true);
    } catch (failure) {
      setError(factorErrorMessage(asRequestError(failure)));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code')).trim();
    void verify(() => client.mutate({ mutation: VerifyMfaDocument, variables: { code } }));
  };

  const usePasskey = () =>
    void verify(async () => {
      const { data } = await client.mutate({ mutation: StartPasskeyVerificationDocument });
      const response = await startAuthentication({ optionsJSON: data!.startPasskeyVerification });
      await client.mutate({ mutation: VerifyPasskeyDocument, variables: { response } });
    });

  return (
    <div className="modal-backdrop">
      <div className="modal card" role="dialog" aria-modal="true" aria-labelledby="step-up-title">
        <h2 id="step-up-title">Confirm it is you</h2>
        <p className="muted">This change needs your second factor, verified in the last 10 minutes.</p>
        <form onSubmit={submit}>
          <label className="field">
            <span>Authenticator or recovery code</span>
            <input className="input" name="code" autoComplete="one-time-code" required autoFocus />
          </label>
          {error ? <p className="error" role="alert">{error}</p> : null}
          <div className="modal-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>Verify</button>
            <button type="button" className="btn" disabled={busy} onClick={usePasskey}>Use a passkey</button>
            <button type="button" className="btn" onClick={() => onDone(false)}>Cancel</button>
          </div>
        </form>
      </div>
    </div>
  );
}
