import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@cip/platform/testing';
import { shopsSubgraph } from '../src/app';
import { signUp } from './seed';

let shops: TestSubgraph;
beforeAll(async () => {
  shops = await startTestSubgraph(shopsSubgraph);
});
afterAll(() => shops.close());

const loginMutation = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken user { email } } }`;

describe('sign-up and sessions', () => {
  it('signs up an organization with its first shop and owner, who can then log in', async () => {
    const org = await signUp(shops, 'Sunrise Garage');
    const login = await shops.execute(loginMutation, { e: org.ownerEmail.toUpperCase(), p: 'correct horse battery' });
    expect(login.errors).toBeUndefined();
    expect(login.data!.login.user.email).toBe(org.ownerEmail);
    const me = await shops.execute(`{ me { id roles { role shop { id name } } } }`, {}, { token: login.data!.login.accessToken });
    expect(me.data!.me).toEqual({ id: org.ownerId, roles: [{ role: 'OWNER', shop: { id: org.shopId, name: 'Sunrise Garage Downtown' } }] });
  });

  it('answers a wrong password and an unknown e-mail with the same UNAUTHENTICATED error', async () => {
    const org = await signUp(shops);
    const wrong = await shops.execute(loginMutation, { e: org.ownerEmail, p: 'not the password' });
    const unknown = await shops.execute(loginMutation, { e: 'nobody@example.com', p: 'not the password' });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]).toEqual(wrong.errors?.[0]);
  });

  it('rotates refresh tokens and revokes the whole login when a used token comes back', async () => {
    const org = await signUp(shops);
    const first = (await shops.execute(loginMutation, { e: org.ownerEmail, p: 'correct horse battery' })).data!.login.refreshToken;
    const refresh = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
    const second = await shops.execute(refresh, { t: first });
    expect(second.errors).toBeUndefined();
    const replay = await shops.execute(refresh, { t: first });
    expect(replay.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const afterTheft = await shops.execute(refresh, { t: second.data!.refreshSession.refreshToken });
    expect(afterTheft.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a sign-up with bad input and writes nothing', async () => {
    const result = await shops.execute(
      `mutation($input: SignUpInput!) { signUp(input: $input) { email } }`,
      {
        input: {
          organizationName: 'Bad Co',
          ownerName: 'B',
          email: 'bad@example.com',
          password: 'short',
          shop: { name: 'X', address: { line1: '1', city: 'c', region: 'r', postalCode: '1', country: 'US' }, timezone: 'Mars/Olympus', laborRateCents: -5 },
        },
      },
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/password/);
    expect(result.errors?.[0].message).toMatch(/timezone/);
    const [{ count }] = await shops.runtime.db.dataSource.query(`SELECT count(*)::int AS count FROM shops.organization WHERE name = 'Bad Co'`);
    expect(count).toBe(0);
  });

  it('serves the public JWKS that verifies its access tokens', async () => {
    const response = await shops.app.yoga.fetch('http://subgraph.test/.well-known/jwks.json');
    const jwks = await response.json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
  });
});
