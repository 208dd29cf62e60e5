import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { messagesTo, password, shopInput, signUp, type SeededOrg } from '../support/seed';

/** Issue 11.5: neither sign-up nor invitations may tell an outsider whether an address has an account. */
let platform: TestPlatform;
let victim: SeededOrg;
let attacker: SeededOrg;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops'] });
  victim = await signUp(platform, 'Victim Motors');
  attacker = await signUp(platform, 'Attacker Autos');
});
afterAll(() => platform?.close());

const shapeOf = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(shapeOf) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])) : typeof value;

describe('account enumeration', () => {
  it('answers signUp for an address with an account exactly like one for a new address', async () => {
    const query = `mutation($input: SignUpInput!) { signUp(input: $input) { email expiresAt } }`;
    const input = (email: string) => ({ organizationName: 'Probe', ownerName: 'Probe', email, password, shop: shopInput('Probe') });
    const taken = await platform.execute(query, { input: input(` ${victim.ownerEmail.toUpperCase()}`) });
    const fresh = await platform.execute(query, { input: input(`fresh-${Date.now()}@example.com`) });
    expect(taken.status).toBe(fresh.status);
    expect(taken.errors).toBeUndefined();
    expect(fresh.errors).toBeUndefined();
    expect(shapeOf(taken.data)).toEqual(shapeOf(fresh.data));
    expect(taken.data?.signUp.email).toBe(victim.ownerEmail);
    expect((await messagesTo(platform, victim.ownerEmail))[0].kind).toBe('sign-up-existing-account');
  });

  it("answers an invitation of another organization's user exactly like one of a stranger, and leaves that user where they are", async () => {
    const query = `mutation($shopId: ID!, $input: StaffInvitationInput!) { inviteStaffMember(shopId: $shopId, input: $input) { email role status expiresAt shop { id } } }`;
    const variables = (email: string) => ({ shopId: attacker.shopId, input: { email, name: 'Target', role: 'TECHNICIAN' } });
    const member = await platform.execute(query, variables(victim.ownerEmail.toUpperCase()), { token: attacker.ownerToken });
    const stranger = await platform.execute(query, variables(`stranger-${Date.now()}@example.com`), { token: attacker.ownerToken });
    expect(member.errors).toBeUndefined();
    expect(stranger.errors).toBeUndefined();
    expect(shapeOf(member.data)).toEqual(shapeOf(stranger.data));
    expect(member.data?.inviteStaffMember.status).toBe(stranger.data?.inviteStaffMember.status);
    const [notice] = await messagesTo(platform, victim.ownerEmail);
    expect(notice).toMatchObject({ kind: 'staff-invitation-existing-account', actionUrl: null });
    const me = await platform.execute(`{ me { roles { shop { id } } } }`, {}, { token: victim.ownerToken });
    expect(me.data?.me.roles).toEqual([{ shop: { id: victim.shopId } }]);
  });
});
