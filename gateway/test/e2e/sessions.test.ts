import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { linkToken, must, password, shopInput, signUp, type SeededOrg } from '../support/seed';

/** Issue 14, sessions: signing in answers with what the user can do, and a new shop needs no refresh. */
let platform: TestPlatform;
let org: SeededOrg;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'inspections', 'vehicles'] });
  org = await signUp(platform, 'Session Garage');
});
afterAll(() => platform?.close());

const sessionFields = `accessToken user { id roles { role shop { id name } } }`;

describe('sessions through the gateway', () => {
  it('answers login with the user and every role they hold', async () => {
    const session = must(await platform.execute(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ${sessionFields} } }`, { e: org.ownerEmail, p: password })).login;
    expect(session.user).toEqual({ id: org.ownerId, roles: [{ role: 'OWNER', shop: { id: org.shopId, name: 'Session Garage Downtown' } }] });
  });

  it('answers the confirmation of a sign-up with the new owner and their first shop', async () => {
    const email = `confirm-${Date.now()}@example.com`;
    must(
      await platform.execute(`mutation($input: SignUpInput!) { signUp(input: $input) { email } }`, {
        input: { organizationName: 'Confirmed Motors', ownerName: 'Cora Owner', email, password, shop: shopInput('Confirmed Motors North') },
      }),
    );
    const token = await linkToken(platform, email, 'sign-up-confirmation');
    const session = must(await platform.execute(`mutation($t: String!) { confirmSignUp(token: $t) { ${sessionFields} } }`, { t: token })).confirmSignUp;
    expect(session.user.roles).toEqual([{ role: 'OWNER', shop: { id: expect.any(String), name: 'Confirmed Motors North' } }]);
  });

  it('lets the next request use a shop created with createShop, with the same access token', async () => {
    const created = must(await platform.execute(`mutation($input: ShopInput!) { createShop(input: $input) { id } }`, { input: shopInput('Session Garage Uptown') }, { token: org.ownerToken })).createShop;

    const shop = await platform.execute(`query($id: ID!) { shop(id: $id) { id name } }`, { id: created.id }, { token: org.ownerToken });
    expect(shop.errors).toBeUndefined();
    expect(shop.data?.shop).toEqual({ id: created.id, name: 'Session Garage Uptown' });
    const customer = await platform.execute(
      `mutation($shopId: ID!, $input: CustomerInput!) { createCustomer(shopId: $shopId, input: $input) { shop { id } } }`,
      { shopId: created.id, input: { firstName: 'First', lastName: 'Customer' } },
      { token: org.ownerToken },
    );
    expect(customer.data?.createCustomer.shop.id).toBe(created.id);
    const me = must(await platform.execute(`{ me { roles { role shop { id } } } }`, {}, { token: org.ownerToken })).me;
    expect(me.roles).toEqual(expect.arrayContaining([{ role: 'OWNER', shop: { id: created.id } }, { role: 'OWNER', shop: { id: org.shopId } }]));
    const templates = await platform.execute(`query($s: ID!) { templates(shopId: $s) { id } }`, { s: created.id }, { token: org.ownerToken });
    expect(templates.errors).toBeUndefined();
  });
});
