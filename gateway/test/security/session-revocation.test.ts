import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testSigningKey } from '@cip/platform/testing';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addStaff, must, password, signUp, type SeededOrg } from '../support/seed';

/** Issue 11.6: access ends when its grant does, not when the token expires; a token without `exp` is refused. */
let platform: TestPlatform;
let org: SeededOrg;
beforeAll(async () => {
  platform = await startTestPlatform();
  org = await signUp(platform, 'Revocation Motors');
});
afterAll(() => platform?.close());

const waitOptions = { timeout: 20_000, interval: 100 };
const loginMutation = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`;
const refreshMutation = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const readShop = (token: string, shopId = org.shopId) => platform.execute(`query($id: ID!) { shop(id: $id) { id name } }`, { id: shopId }, { token });
const codeOf = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;

/** Every subgraph, called as the gateway calls it, with the token: each verifier must refuse it on its own. */
async function subgraphCodes(token: string): Promise<Record<string, unknown>> {
  const codes: Record<string, unknown> = {};
  for (const [name, subgraph] of Object.entries(platform.subgraphs)) {
    const response = await fetch(subgraph!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ __typename }` }),
    });
    const body = (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
    codes[name] = body.errors?.[0]?.extensions?.code ?? 'ACCEPTED';
  }
  return codes;
}
const everySubgraph = (code: string) => Object.fromEntries(Object.keys(platform.subgraphs).map((name) => [name, code]));

describe('access ends within seconds of its grant', () => {
  it('stops a user removed from a shop reading and writing it with the token they hold', async () => {
    const advisor = await addStaff(platform, org, 'ADVISOR');
    expect((await readShop(advisor.token)).data?.shop.id).toBe(org.shopId);
    const createCustomer = `mutation($shopId: ID!, $input: CustomerInput!) { createCustomer(shopId: $shopId, input: $input) { id } }`;
    const customer = (firstName: string) => ({ shopId: org.shopId, input: { firstName, lastName: 'Driver', phone: '+13035550142', smsConsent: false } });
    expect(codeOf(await platform.execute(createCustomer, customer('Before'), { token: advisor.token }))).toBeUndefined();

    must(
      await platform.execute(`mutation($s: ID!, $u: ID!) { setStaffRole(shopId: $s, userId: $u, role: null) { id } }`, { s: org.shopId, u: advisor.userId }, { token: org.ownerToken }),
    );

    await vi.waitFor(async () => expect(codeOf(await readShop(advisor.token))).toBe('NOT_FOUND'), waitOptions);
    const write = await platform.execute(createCustomer, customer('After'), { token: advisor.token });
    expect(codeOf(write)).toBe('NOT_FOUND');
    const [{ count }] = await platform.subgraphs.shops!.runtime.db.dataSource.query(`SELECT count(*)::int AS count FROM shops.customer WHERE first_name = 'After'`);
    expect(count).toBe(0);
  });

  it('ends the access token of a login at logout, in the gateway and in every subgraph', async () => {
    const session = must(await platform.execute(loginMutation, { e: org.ownerEmail, p: password })).login;
    expect(codeOf(await readShop(session.accessToken))).toBeUndefined();
    expect(await subgraphCodes(session.accessToken)).toEqual(everySubgraph('ACCEPTED'));

    must(await platform.execute(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: session.refreshToken }));

    await vi.waitFor(async () => expect(codeOf(await readShop(session.accessToken))).toBe('UNAUTHENTICATED'), waitOptions);
    await vi.waitFor(async () => expect(await subgraphCodes(session.accessToken)).toEqual(everySubgraph('UNAUTHENTICATED')), waitOptions);
    expect(codeOf(await readShop(org.ownerToken))).toBeUndefined();
  });

  it('ends every access token of a login when a used refresh token comes back', async () => {
    const first = must(await platform.execute(loginMutation, { e: org.ownerEmail, p: password })).login;
    const second = must(await platform.execute(refreshMutation, { t: first.refreshToken })).refreshSession;
    expect(codeOf(await readShop(second.accessToken))).toBeUndefined();

    const replay = await platform.execute(refreshMutation, { t: first.refreshToken });
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');

    for (const token of [first.accessToken, second.accessToken]) {
      await vi.waitFor(async () => expect(codeOf(await readShop(token))).toBe('UNAUTHENTICATED'), waitOptions);
      await vi.waitFor(async () => expect(await subgraphCodes(token)).toEqual(everySubgraph('UNAUTHENTICATED')), waitOptions);
    }
    expect(codeOf(await readShop(org.ownerToken))).toBeUndefined();
  });

  it('refuses a correctly signed token that has no expiry', async () => {
    const key = await testSigningKey();
    const sign = (withExpiry: boolean) => {
      const jwt = new SignJWT({ kind: 'staff', org: org.orgId, roles: { [org.shopId]: 'OWNER' } })
        .setProtectedHeader({ alg: 'ES256', kid: key.publicJwk.kid })
        .setSubject(org.ownerId)
        .setIssuer(platform.config.auth.issuer)
        .setAudience(platform.config.auth.audience)
        .setIssuedAt();
      return (withExpiry ? jwt.setExpirationTime('5m') : jwt).sign(key.privateKey);
    };
    expect(codeOf(await readShop(await sign(true)))).toBeUndefined();
    const eternal = await sign(false);
    const result = await readShop(eternal);
    expect(result.status).toBe(401);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(await subgraphCodes(eternal)).toEqual(everySubgraph('UNAUTHENTICATED'));
  });
});
