import type { TokenSigner } from '../auth/tokens';
import { operatorNamePattern } from '../auth/principal';

/** Operator tokens are short-lived: an operator mints one for a session of work, not for a script to keep. */
export const operatorTokenMaxTtlSeconds = 12 * 3600;
export const operatorTokenDefaultTtlSeconds = 3600;

export class OperatorTokenError extends Error {
  override name = 'OperatorTokenError';
}

/**
 * Signs a token for the named operator with the platform's signing key (AUTH_PRIVATE_KEY; in production
 * nothing else: the key generated for development is refused there, so a development token never verifies).
 */
export async function mintOperatorToken(signer: TokenSigner, operator: string, ttlSeconds = operatorTokenDefaultTtlSeconds) {
  checkOperatorTokenRequest(operator, ttlSeconds);
  return signer.sign({ kind: 'operator', operator }, ttlSeconds);
}

/** Throws an OperatorTokenError naming what is wrong with the name or the lifetime. */
export function checkOperatorTokenRequest(operator: string, ttlSeconds: number): void {
  if (!operatorNamePattern.test(operator)) {
    throw new OperatorTokenError(`An operator name is 2-63 characters of a-z, 0-9, ".", "_" or "-", starting with a letter; got "${operator}".`);
  }
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 60 || ttlSeconds > operatorTokenMaxTtlSeconds) {
    throw new OperatorTokenError(`The lifetime must be a whole number of seconds from 60 to ${operatorTokenMaxTtlSeconds}.`);
  }
}
