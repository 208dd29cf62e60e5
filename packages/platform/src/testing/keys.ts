import { generateSigningKeyPem, signingKeyFromPem, type SigningKey } from '../auth/keys';
import { createTokenSigner, type TokenSigner } from '../auth/tokens';
import { loadConfig } from '../config';

let key: Promise<SigningKey> | undefined;

/** One signing key per test process, shared by every service a test starts. */
export function testSigningKey(): Promise<SigningKey> {
  key ??= generateSigningKeyPem().then(signingKeyFromPem);
  return key;
}

export async function testSigner(): Promise<TokenSigner> {
  const config = loadConfig('gateway', {});
  return createTokenSigner(await testSigningKey(), { issuer: config.auth.issuer, audience: config.auth.audience });
}
