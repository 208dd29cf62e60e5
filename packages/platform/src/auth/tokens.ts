import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from '../errors';
import type { AccessRegistry } from './access-registry';
import { claimsOf, principalOf, type Principal } from './principal';
import { signingAlgorithm, type SigningKey } from './keys';

type PrincipalInput = Parameters<typeof claimsOf>[0];

export interface TokenSigner {
  /** Signs a short-lived access token for the principal. */
  sign(principal: PrincipalInput, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }>;
  jwks(): { keys: JWK[] };
}

export function createTokenSigner(key: SigningKey, options: { issuer: string; audience: string }): TokenSigner {
  return {
    async sign(principal, ttlSeconds) {
      const now = Math.floor(Date.now() / 1000);
      const exp = now + ttlSeconds;
      const jti = randomUUID();
      const { sub, ...claims } = claimsOf(principal);
      // A staff token signed outside a login (tests, tools) is its own session, so it can still be ended.
      if (claims.kind === 'staff') claims.sid ??= jti;
      const token = await new SignJWT({ ...claims })
        .setProtectedHeader({ alg: signingAlgorithm, kid: key.publicJwk.kid, typ: 'JWT' })
        .setSubject(sub)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt(now)
        .setExpirationTime(exp)
        .setJti(jti)
        .sign(key.privateKey);
      return { token, expiresAt: new Date(exp * 1000) };
    },
    jwks: () => ({ keys: [key.publicJwk] }),
  };
}

export interface TokenVerifier {
  /** Verifies signature, issuer, audience, expiry and that the session has not ended; throws UNAUTHENTICATED otherwise. */
  verify(token: string): Promise<Principal>;
  /** Reads `Authorization: Bearer …`; no header is an anonymous caller, a bad token is an error. */
  fromHeader(authorization: string | null | undefined): Promise<Principal | null>;
}

const verifiedTokenMemoryMs = 60_000;
const verifiedTokensKept = 10_000;

export function createTokenVerifier(options: {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  publicJwks?: { keys: JWK[] };
  /** Where ended sessions and current roles are read; without it a token is honoured as it was issued. */
  access?: AccessRegistry;
}): TokenVerifier {
  let keys: JWTVerifyGetKey;
  if (options.publicJwks) keys = createLocalJWKSet(options.publicJwks);
  else if (options.jwksUrl) keys = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  else throw new Error('A token verifier needs AUTH_JWKS_URL or a local public key.');

  const verifySignature = async (token: string) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: [signingAlgorithm],
        requiredClaims: ['exp'],
      });
      const principal = principalOf(payload);
      if (!principal) throw unauthenticated('The access token does not describe a caller.');
      return { principal, expiresAtMs: payload.exp! * 1000 };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The access token has expired.');
      if (error instanceof joseErrors.JOSEError) throw unauthenticated('The access token is not valid.');
      throw error;
    }
  };

  // An ECDSA check costs the gateway about a tenth of its CPU per request, and every subgraph repeats it
  // for the same token. A token that verified is remembered until it expires, for at most a minute, so a
  // key withdrawn from the JWKS stops being honoured within that minute.
  const verified = new Map<string, { principal: Principal; untilMs: number }>();
  const verifyOnce = async (token: string) => {
    const now = Date.now();
    const hit = verified.get(token);
    if (hit && hit.untilMs > now) return hit.principal;
    if (hit) verified.delete(token);
    const { principal, expiresAtMs } = await verifySignature(token);
    if (expiresAtMs > now) {
      if (verified.size >= verifiedTokensKept) verified.delete(verified.keys().next().value!);
      verified.set(token, { principal, untilMs: Math.min(expiresAtMs, now + verifiedTokenMemoryMs) });
    }
    return principal;
  };
  // Not remembered: an ended session or a removed role counts from the next request on.
  const verify = async (token: string) => {
    const principal = await verifyOnce(token);
    if (!options.access) return principal;
    const current = await options.access.current(principal);
    if (!current) throw unauthenticated('This session has ended; sign in again.');
    return current;
  };

  return {
    verify,
    async fromHeader(authorization) {
      if (!authorization) return null;
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
      return verify(match[1]);
    },
  };
}
