import { GraphQLRequestError } from '../../../shared/graphql-request';

/** What to tell the user about a failed second factor (sign-in or step-up), by the error's code. */
export function factorErrorMessage(failure: unknown): string {
  if (!(failure instanceof GraphQLRequestError)) {
    if (failure instanceof DOMException && failure.name === 'NotAllowedError') return 'The passkey prompt was closed or timed out. Try again.';
    return 'Could not reach the server. Check your connection.';
  }
  switch (failure.code) {
    case 'UNAUTHENTICATED':
      return challengeExpired(failure) ? 'This sign-in has expired. Enter your password again.' : 'That code is not valid. Check the authenticator app and try again.';
    case 'RATE_LIMITED':
      return `Too many tries. Wait ${Number(failure.extensions.retryAfter ?? 30)} seconds and try again.`;
    case 'PASSKEY_COUNTER_REGRESSION':
      return 'This passkey was refused because it may have been copied. Use your authenticator app or a recovery code.';
    default:
      return failure.message;
  }
}

/** Whether the failure means the sign-in challenge can no longer be used. */
export const challengeExpired = (failure: unknown) => failure instanceof GraphQLRequestError && failure.code === 'UNAUTHENTICATED' && failure.extensions.reason === 'MFA_CHALLENGE_EXPIRED';
