import type { TestSubgraph } from '@cip/platform/testing';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const shopInput = (name = 'Main Street Auto') => ({
  name,
  address: { line1: '1 Main St', city: 'Denver', region: 'CO', postalCode: '80202', country: 'US' },
  timezone: 'America/Denver',
  laborRateCents: 14_500,
});

export interface SeededOrg {
  orgId: string;
  shopId: string;
  ownerId: string;
  ownerToken: string;
  email: string;
}

/** Signs up an organization through the public mutation, exactly as a new customer would. */
export async function signUp(shops: TestSubgraph, name = 'Acme Auto'): Promise<SeededOrg> {
  const email = `owner-${unique()}@example.com`;
  const result = await shops.execute(
    `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
    { input: { organizationName: name, ownerName: 'Olive Owner', email, password: 'correct horse battery', shop: shopInput(`${name} Downtown`) } },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const ownerToken = result.data!.signUp.accessToken as string;
  const me = await shops.execute(`{ me { id roles { shop { id organization { id } } } } }`, {}, { token: ownerToken });
  const shop = me.data!.me.roles[0].shop;
  return { orgId: shop.organization.id, shopId: shop.id, ownerId: me.data!.me.id, ownerToken, email };
}

/** Adds a staff member with a role and returns a fresh access token for them. */
export async function addStaff(shops: TestSubgraph, org: SeededOrg, role: 'MANAGER' | 'ADVISOR' | 'TECHNICIAN', shopId = org.shopId) {
  const email = `${role.toLowerCase()}-${unique()}@example.com`;
  const added = await shops.execute(
    `mutation($shopId: ID!, $input: StaffMemberInput!) { addStaffMember(shopId: $shopId, input: $input) { id } }`,
    { shopId, input: { email, name: `Sam ${role}`, password: 'correct horse battery', role } },
    { token: org.ownerToken },
  );
  if (added.errors) throw new Error(JSON.stringify(added.errors));
  const login = await shops.execute(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
    e: email,
    p: 'correct horse battery',
  });
  return { userId: added.data!.addStaffMember.id as string, token: login.data!.login.accessToken as string, email };
}
