import { createHash } from 'node:crypto';
import { unauthenticated, type PartnerPrincipal, type TokenSigner } from '@cip/platform/core';
import type { Authenticator } from '../../auth';
import type { ApiKeyRepository } from './repository';

/** A minted token is reused while it has this long left, so a busy key does not sign on every request. */
const reuseMarginMs = 20_000;

export const apiKeyHash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Authenticates `X-Api-Key`: the sha256 of the secret must name a live key the partners subgraph issued.
 * Subgraphs receive a token the gateway mints for the key (`forwardedTokenSeconds`), never the key itself.
 */
export function apiKeyAuthenticator(keys: ApiKeyRepository, signer: TokenSigner, forwardedTokenSeconds: number): Authenticator {
  const minted = new Map<string, { principal: PartnerPrincipal; authorization: string; fingerprint: string }>();
  return async (headers) => {
    const header = headers['x-api-key'];
    const secret = Array.isArray(header) ? header[0] : header;
    if (!secret) return undefined;
    const key = await keys.findLiveByHash(apiKeyHash(secret.trim()));
    if (!key) throw unauthenticated('The API key is not valid or has been revoked.');
    const fingerprint = `${key.plan}|${key.shopIds.join(',')}`;
    const cached = minted.get(key.keyId);
    if (cached && cached.fingerprint === fingerprint && cached.principal.expiresAt - Date.now() > reuseMarginMs) {
      return { principal: cached.principal, forwardAuthorization: cached.authorization };
    }
    const claims = { kind: 'partner' as const, partnerId: key.partnerId, keyId: key.keyId, plan: key.plan, shopIds: key.shopIds };
    const { token, expiresAt } = await signer.sign(claims, forwardedTokenSeconds);
    const principal: PartnerPrincipal = { ...claims, expiresAt: expiresAt.getTime() };
    if (minted.size > 10_000) minted.clear();
    minted.set(key.keyId, { principal, authorization: `Bearer ${token}`, fingerprint });
    return { principal, forwardAuthorization: `Bearer ${token}` };
  };
}
