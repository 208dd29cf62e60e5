import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, gatewayCredentialHeader, generateSigningKeyPem, serveSubgraph, signingKeyFromPem, createTokenSigner, type ServedSubgraph } from '@cip/platform';
import { createTestDatabase, testConfig, testSigningKey, type TestDatabase } from '@cip/platform/testing';
import { loadSubgraphDefinition } from '../support/platform';
import { signUp } from '../support/seed';

let database: TestDatabase;
let shops: ServedSubgraph;
let vehicles: ServedSubgraph;

const call = async (url: string, query: string, token?: string, variables: Record<string, unknown> = {}) => {
  const credential: Record<string, string> = url === vehicles?.url ? { [gatewayCredentialHeader]: vehicles.runtime.config.gatewaySecret! } : {};
  const headers = { 'content-type': 'application/json', ...credential, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: any[] };
};

/** Shops issues tokens with the private key; vehicles runs as in production with no key at all. */
beforeAll(async () => {
  database = await createTestDatabase('issuers');
  shops = await serveSubgraph((await loadSubgraphDefinition('shops'))!, testConfig('shops'), { databaseUrl: database.url, signingKey: await testSigningKey(), host: '127.0.0.1', port: 0 });
  const production = testConfig('vehicles', { NODE_ENV: 'production', SHOPS_URL: shops.url, VPIC_BASE_URL: 'http://127.0.0.1:9/api' });
  vehicles = await serveSubgraph((await loadSubgraphDefinition('vehicles'))!, production, { databaseUrl: database.url, host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await vehicles?.close();
  await shops?.close();
  await database?.drop();
});

describe('services that only verify tokens', () => {
  it('hold no signing key in production and verify against the JWKS shops publishes', async () => {
    expect(vehicles.runtime.signer).toBeNull();
    const org = await signUp({ execute: (query, variables, options) => call(shops.url, query, options?.token, variables), database }, 'Keyless Garage');
    const answer = await call(vehicles.url, `{ decodeVin(vin: "1FTMW1T88MFA00001") { make } }`, org.ownerToken);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.decodeVin.make).toBe('FORD');

    const forger = createTokenSigner(await signingKeyFromPem(await generateSigningKeyPem()), { issuer: 'courtesy-inspection-platform', audience: 'cip-api' });
    const { token } = await forger.sign({ kind: 'staff', userId: org.ownerId, orgId: org.orgId, roles: { [org.shopId]: 'OWNER' } }, 300);
    expect((await call(vehicles.url, `{ decodeVin(vin: "1FTMW1T88MFA00001") { make } }`, token)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuse to start a token issuer in production without AUTH_PRIVATE_KEY', async () => {
    const production = testConfig('inspections', { NODE_ENV: 'production', SHOPS_URL: shops.url });
    await expect(createRuntime((await loadSubgraphDefinition('inspections'))!, production, { databaseUrl: database.url })).rejects.toThrow(/AUTH_PRIVATE_KEY/);
  });
});
