import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenSigner, createTokenVerifier, loadConfig } from '@cip/platform';
import { testSigningKey } from '@cip/platform/testing';

describe('token verifier', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps accepting a token it verified, and refuses it once it has expired', async () => {
    const config = loadConfig('gateway', {});
    const auth = { issuer: config.auth.issuer, audience: config.auth.audience };
    const key = await testSigningKey();
    const verifier = createTokenVerifier({ ...auth, publicJwks: { keys: [key.publicJwk] } });
    const { token } = await createTokenSigner(key, auth).sign({ kind: 'staff', userId: 'u1', orgId: 'o1', roles: { s1: 'OWNER' } }, 60);

    expect(await verifier.verify(token)).toMatchObject({ kind: 'staff', userId: 'u1' });
    expect(await verifier.fromHeader(`Bearer ${token}`)).toMatchObject({ kind: 'staff', userId: 'u1' });
    // Only the clock moves (no timers are faked): the verifier reads the time as every caller does.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    await expect(verifier.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token signed by another key even after accepting a valid one', async () => {
    const config = loadConfig('gateway', {});
    const auth = { issuer: config.auth.issuer, audience: config.auth.audience };
    const key = await testSigningKey();
    const verifier = createTokenVerifier({ ...auth, publicJwks: { keys: [key.publicJwk] } });
    const signer = createTokenSigner(key, auth);
    const { token } = await signer.sign({ kind: 'staff', userId: 'u1', orgId: 'o1', roles: {} }, 60);
    await verifier.verify(token);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    await expect(verifier.verify(forged)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
