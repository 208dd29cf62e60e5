import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type JWK } from 'jose';
import type { Config } from '../config';

export const signingAlgorithm = 'ES256';

export interface SigningKey {
  privateKey: CryptoKey;
  publicJwk: JWK & { kid: string };
}

export async function signingKeyFromPem(pem: string): Promise<SigningKey> {
  const privateKey = await importPKCS8(pem, signingAlgorithm, { extractable: true });
  const { d: _private, ...publicJwk } = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { privateKey, publicJwk: { ...publicJwk, kid, alg: signingAlgorithm, use: 'sig' } };
}

export async function generateSigningKeyPem(): Promise<string> {
  const { privateKey } = await generateKeyPair(signingAlgorithm, { extractable: true });
  return exportPKCS8(privateKey);
}

/** Where a service that holds no signing key reads the public keys: AUTH_JWKS_URL, else the JWKS shops publishes. */
export function jwksUrlOf(config: Config): string {
  return config.auth.jwksUrl ?? new URL('/.well-known/jwks.json', config.subgraphUrls.shops).toString();
}

/**
 * The key that signs access tokens: AUTH_PRIVATE_KEY in production; locally a key generated once and
 * kept in the data directory, so tokens survive restarts of `npm start`.
 */
export async function loadSigningKey(config: Config): Promise<SigningKey> {
  if (config.auth.privateKeyPem) return signingKeyFromPem(config.auth.privateKeyPem);
  if (config.deployed) {
    throw new Error(`AUTH_PRIVATE_KEY is required in ${config.env} by the services that issue tokens (shops, inspections, gateway).`);
  }
  const file = join(config.dataDir, 'auth-signing-key.pem');
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing) return signingKeyFromPem(existing);
  const pem = await generateSigningKeyPem();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, pem, { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
  return signingKeyFromPem(await readFile(file, 'utf8'));
}
