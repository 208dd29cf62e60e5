import type { IncomingHttpHeaders } from 'node:http';
import type { Principal, TokenVerifier } from '@cip/platform/core';

export interface Authentication {
  principal: Principal;
  /** The `Authorization` value forwarded to subgraphs for this caller. */
  forwardAuthorization: string;
}

/**
 * Turns a request's credentials into a caller. Returns undefined when the request carries no
 * credential this authenticator understands; throws UNAUTHENTICATED for one it rejects.
 */
export type Authenticator = (headers: IncomingHttpHeaders) => Promise<Authentication | undefined>;

export function bearerAuthenticator(verifier: TokenVerifier): Authenticator {
  return async (headers) => {
    const authorization = headers.authorization;
    if (!authorization) return undefined;
    const principal = await verifier.fromHeader(authorization);
    return principal ? { principal, forwardAuthorization: authorization } : undefined;
  };
}

/** The first authenticator that recognises the request wins; none recognising it means an anonymous caller. */
export async function authenticate(authenticators: Authenticator[], headers: IncomingHttpHeaders): Promise<Authentication | null> {
  for (const authenticator of authenticators) {
    const result = await authenticator(headers);
    if (result) return result;
  }
  return null;
}
