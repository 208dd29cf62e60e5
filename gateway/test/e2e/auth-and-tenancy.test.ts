import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSigner } from '@cip/platform/testing';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addStaff, signUp, type SeededOrg } from '../support/seed';

let platform: TestPlatform;
let orgA: SeededOrg;
let orgB: SeededOrg;
let customerB: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  orgA = await signUp(platform, 'Alpha Auto');
  orgB = await signUp(platform, 'Bravo Brakes');
  customerB = await addCustomer(platform, orgB.ownerToken, orgB.shopId);
});
afterAll(() => platform?.close());

describe('authentication through the gateway', () => {
  it('refuses a request with no token for anything but the public fields', async () => {
    const result = await platform.execute(`{ shops { id } }`);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data?.shops ?? null).toBeNull();
  });

  it('refuses an expired token with 401 UNAUTHENTICATED', async () => {
    const signer = await testSigner();
    const expired = await signer.sign({ kind: 'staff', userId: orgA.ownerId, orgId: orgA.orgId, roles: { [orgA.shopId]: 'OWNER' } }, -60);
    const result = await platform.execute(`{ shops { id } }`, {}, { token: expired.token });
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0].message).toMatch(/expired/);
  });

  it('refuses a token signed with a key the platform does not trust', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ kind: 'staff', org: orgB.orgId, roles: { [orgB.shopId]: 'OWNER' } })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(orgA.ownerId)
      .setIssuer(platform.config.auth.issuer)
      .setAudience(platform.config.auth.audience)
      .setExpirationTime('5m')
      .sign(privateKey);
    const result = await platform.execute(`{ shop(id: "${orgB.shopId}") { name } }`, {}, { token: forged });
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('has every subgraph refuse a direct call without a valid token, including entity lookups', async () => {
    for (const [name, subgraph] of Object.entries(platform.subgraphs)) {
      const response = await fetch(subgraph!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, variables: { r: [{ __typename: 'Shop', id: orgB.shopId }] } }),
      });
      const body = await response.json();
      expect(body.errors?.[0]?.extensions?.code, name).toBe('UNAUTHENTICATED');
      const forged = await fetch(subgraph!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect((await forged.json()).errors?.[0]?.extensions?.code, name).toBe('UNAUTHENTICATED');
    }
  });
});

describe('tenancy through the gateway', () => {
  it("answers NOT_FOUND when organization A asks for B's shop or customer by id", async () => {
    const shop = await platform.execute(`query($id: ID!) { shop(id: $id) { id name } }`, { id: orgB.shopId }, { token: orgA.ownerToken });
    expect(shop.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const customer = await platform.execute(`query($id: ID!) { customer(id: $id) { id name } }`, { id: customerB }, { token: orgA.ownerToken });
    expect(customer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const own = await platform.execute(`query($id: ID!) { customer(id: $id) { name } }`, { id: customerB }, { token: orgB.ownerToken });
    expect(own.data?.customer.name).toBe('Casey Driver');
  });

  it("lists only the caller's own shops", async () => {
    const result = await platform.execute(`{ shops { id } organization { id shops { id } } }`, {}, { token: orgA.ownerToken });
    expect(result.data?.shops).toEqual([{ id: orgA.shopId }]);
    expect(result.data?.organization).toEqual({ id: orgA.orgId, shops: [{ id: orgA.shopId }] });
  });

  it("does not let a technician change another shop's data, nor their own shop's settings", async () => {
    const tech = await addStaff(platform, orgA, 'TECHNICIAN');
    const foreign = await platform.execute(
      `mutation($id: ID!) { updateCustomer(id: $id, input: { firstName: "Mallory" }) { id } }`,
      { id: customerB },
      { token: tech.token },
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const settings = await platform.execute(
      `mutation($id: ID!, $input: ShopInput!) { updateShop(id: $id, input: $input) { id } }`,
      { id: orgA.shopId, input: { name: 'Renamed', address: { line1: '1', city: 'c', region: 'CO', postalCode: '1', country: 'US' }, timezone: 'UTC', laborRateCents: 1 } },
      { token: tech.token },
    );
    expect(settings.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unchanged = await platform.execute(`query($id: ID!) { customer(id: $id) { firstName } }`, { id: customerB }, { token: orgB.ownerToken });
    expect(unchanged.data?.customer.firstName).toBe('Casey');
  });
});

describe('gateway operations', () => {
  it('reports every subgraph ready at /readyz', async () => {
    const response = await fetch(platform.gatewayUrl.replace('/graphql', '/readyz'));
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(Object.keys(body.subgraphs)).toEqual(Object.keys(platform.subgraphs));
    expect(Object.values(body.subgraphs).every((s) => s === 'ready')).toBe(true);
  });

  it('serves Prometheus metrics at /metrics', async () => {
    const text = await (await fetch(platform.gatewayUrl.replace('/graphql', '/metrics'))).text();
    expect(text).toMatch(/gateway_http_request_duration_seconds_bucket\{[^}]*route="graphql"/);
  });
});
