import { GraphQLError } from 'graphql';

/** The one list of error codes every service and the gateway use in `extensions.code`. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  RATE_LIMITED: 'RATE_LIMITED',
  PERSISTED_QUERY_NOT_ALLOWED: 'PERSISTED_QUERY_NOT_ALLOWED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INVALID_VIN_LENGTH: 'INVALID_VIN_LENGTH',
  INVALID_VIN_CHARACTER: 'INVALID_VIN_CHARACTER',
  CHECK_DIGIT_MISMATCH: 'CHECK_DIGIT_MISMATCH',
  PERIOD_CLOSED: 'PERIOD_CLOSED',
  /**
   * Something the service needs cannot serve the request right now (its database refused or lost the session, a
   * check another service makes did not answer); nothing was changed, and trying again shortly may succeed.
   * `extensions.serviceName` names the service when it is its database.
   */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A subgraph could not be reached or failed; `extensions.serviceName` names it. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** A subgraph did not answer within its timeout; `extensions.serviceName` names it. */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  /** An `Idempotency-Key` was sent again with a different operation or variables. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /**
   * A second factor is needed: at sign-in (`extensions.mfaChallenge` is then the challenge to complete),
   * or for a sensitive change when the session verified none in the last 10 minutes (`verifyMfa`).
   */
  MFA_REQUIRED: 'MFA_REQUIRED',
  /**
   * A passkey signed with a counter no higher than the last one seen: the credential may have been cloned,
   * so the assertion is refused (and counted as a failed second factor).
   */
  PASSKEY_COUNTER_REGRESSION: 'PASSKEY_COUNTER_REGRESSION',
  /** A live subscription fell further behind than its buffer holds and was ended; subscribe again and read the current state. */
  SUBSCRIPTION_LAGGING: 'SUBSCRIPTION_LAGGING',
  /**
   * A secret the platform keeps encrypted (an authenticator app's seed) failed its integrity check or was sealed
   * under a key no longer configured: it was not used, and the operation was refused. Not retryable; report it.
   */
  SECRET_UNREADABLE: 'SECRET_UNREADABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const publicCodes = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));

/** Raises an error a client may see and act on: a message for people and a code for programs. */
export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const notFound = (typename: string, id?: string) =>
  appError(ErrorCode.NOT_FOUND, id ? `${typename} ${id} was not found.` : `${typename} was not found.`, { typename });

export const unauthenticated = (message = 'A valid access token is required.') =>
  appError(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message = 'Your role does not allow this.') => appError(ErrorCode.FORBIDDEN, message);

export const badInput = (message: string, extensions: Record<string, unknown> = {}) =>
  appError(ErrorCode.BAD_USER_INPUT, message, extensions);

/** True for errors whose message and code were written for clients; anything else is masked. */
export function isPublicError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && typeof error.extensions?.code === 'string' && publicCodes.has(error.extensions.code);
}
