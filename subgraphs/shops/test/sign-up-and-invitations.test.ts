import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@cip/platform/testing';
import { shopsSubgraph } from '../src/app';
import { addStaff, linkToken, messagesTo, password, shopInput, signUp } from './seed';

let shops: TestSubgraph;
beforeAll(async () => {
  shops = await startTestSubgraph(shopsSubgraph);
});
afterAll(() => shops.close());

const signUpMutation = `mutation($input: SignUpInput!) { signUp(input: $input) { email expiresAt } }`;
const confirm = `mutation($token: String!) { confirmSignUp(token: $token) { accessToken user { email roles { role shop { name } } } } }`;
const invite = `mutation($shopId: ID!, $input: StaffInvitationInput!) { inviteStaffMember(shopId: $shopId, input: $input) { id email role status shop { id } } }`;
const accept = `mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { accessToken user { id email name roles { role shop { id } } } } }`;
const signUpInput = (email: string, name = 'Golf Garage') => ({ organizationName: name, ownerName: ' Gail  Owner ', email, password, shop: shopInput(`${name} Main`) });
const count = async (sql: string, params: unknown[]) => ((await shops.runtime.db.dataSource.query(sql, params)) as { n: number }[])[0].n;

describe('sign-up confirmed by e-mail', () => {
  it('creates the organization only when the e-mailed link is followed, signs the owner in with their roles, and works once', async () => {
    const email = `Gail.${Date.now()}@Example.com`;
    const started = await shops.execute(signUpMutation, { input: signUpInput(` ${email.toUpperCase()}`) });
    expect(started.errors).toBeUndefined();
    expect(started.data?.signUp.email).toBe(email.toLowerCase());
    expect(await count(`SELECT count(*)::int AS n FROM shops.organization WHERE name = 'Golf Garage'`, [])).toBe(0);

    const token = await linkToken(shops, email.toLowerCase(), 'sign-up-confirmation');
    const confirmed = await shops.execute(confirm, { token });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmSignUp.user).toEqual({ email: email.toLowerCase(), roles: [{ role: 'OWNER', shop: { name: 'Golf Garage Main' } }] });
    const again = await shops.execute(confirm, { token });
    expect(again.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count(`SELECT count(*)::int AS n FROM shops.organization WHERE name = 'Golf Garage'`, [])).toBe(1);
  });

  it('tells the owner of an address that already has an account by message, and creates nothing', async () => {
    const org = await signUp(shops, 'Hotel Hoists');
    const result = await shops.execute(signUpMutation, { input: signUpInput(org.ownerEmail.toUpperCase(), 'Impostor Inc') });
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data!.signUp)).toEqual(['email', 'expiresAt']);
    const [notice] = await messagesTo(shops, org.ownerEmail);
    expect(notice).toMatchObject({ kind: 'sign-up-existing-account', actionUrl: null });
    expect(notice.body).toMatch(/already has an account/);
    expect(await count(`SELECT count(*)::int AS n FROM shops.organization WHERE name = 'Impostor Inc'`, [])).toBe(0);
  });
});

describe('staff invitations', () => {
  it('lets the invitee choose their password and join with the role, once', async () => {
    const org = await signUp(shops, 'India Imports');
    const email = `ivy-${Date.now()}@example.com`;
    const invited = await shops.execute(invite, { shopId: org.shopId, input: { email: email.toUpperCase(), name: 'Ivy  Advisor', role: 'ADVISOR' } }, { token: org.ownerToken });
    expect(invited.data?.inviteStaffMember).toMatchObject({ email, role: 'ADVISOR', status: 'PENDING', shop: { id: org.shopId } });
    const token = await linkToken(shops, email, 'staff-invitation');
    const accepted = await shops.execute(accept, { token, password: 'my own passphrase' });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptInvitation.user).toMatchObject({ email, name: 'Ivy Advisor', roles: [{ role: 'ADVISOR', shop: { id: org.shopId } }] });
    expect((await shops.execute(accept, { token, password: 'another passphrase' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const login = await shops.execute(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }`, { e: email, p: 'my own passphrase' });
    expect(login.data?.login.user.id).toBe(accepted.data?.acceptInvitation.user.id);
    const listed = await shops.execute(`query($id: ID!) { shop(id: $id) { invitations { email status } } }`, { id: org.shopId }, { token: org.ownerToken });
    expect(listed.data?.shop.invitations).toEqual([{ email, status: 'ACCEPTED' }]);
  });

  it('refuses an address of the own organization, invitations by technicians, and owner invitations by managers', async () => {
    const org = await signUp(shops, 'Juliet Jacks');
    const manager = await addStaff(shops, org, 'MANAGER');
    const tech = await addStaff(shops, org, 'TECHNICIAN');
    const colleague = await shops.execute(invite, { shopId: org.shopId, input: { email: tech.email, name: 'Tech', role: 'ADVISOR' } }, { token: org.ownerToken });
    expect(colleague.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const byTech = await shops.execute(invite, { shopId: org.shopId, input: { email: 'x@example.com', name: 'X', role: 'ADVISOR' } }, { token: tech.token });
    expect(byTech.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const owner = await shops.execute(invite, { shopId: org.shopId, input: { email: 'y@example.com', name: 'Y', role: 'OWNER' } }, { token: manager.token });
    expect(owner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
