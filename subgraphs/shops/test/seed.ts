/** Anything that runs an operation: a subgraph in-process in unit tests, the gateway over HTTP end to end. */
export interface Executor {
  execute(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<{ data?: Record<string, any> | null; errors?: readonly unknown[] }>;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const password = 'correct horse battery';

export const shopInput = (name: string) => ({
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
  ownerEmail: string;
}

function must(result: { data?: Record<string, any> | null; errors?: readonly unknown[] }): Record<string, any> {
  if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

export async function login(platform: Executor, email: string): Promise<string> {
  const data = must(await platform.execute(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password }));
  return data.login.accessToken;
}

/** An organization signed up through the public mutation, as a new shop owner would. */
export async function signUp(platform: Executor, name = 'Acme Auto'): Promise<SeededOrg> {
  const ownerEmail = `owner-${unique()}@example.com`;
  const data = must(
    await platform.execute(`mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
      input: { organizationName: name, ownerName: 'Olive Owner', email: ownerEmail, password, shop: shopInput(`${name} Downtown`) },
    }),
  );
  const ownerToken = data.signUp.accessToken as string;
  const me = must(await platform.execute(`{ me { id roles { shop { id organization { id } } } } }`, {}, { token: ownerToken }));
  const shop = me.me.roles[0].shop;
  return { orgId: shop.organization.id, shopId: shop.id, ownerId: me.me.id, ownerToken, ownerEmail };
}

/** Adds a shop to the organization; returns its id and a refreshed owner token that includes it. */
export async function addShop(platform: Executor, org: SeededOrg, name: string): Promise<{ shopId: string; ownerToken: string }> {
  const data = must(await platform.execute(`mutation($input: ShopInput!) { createShop(input: $input) { id } }`, { input: shopInput(name) }, { token: org.ownerToken }));
  return { shopId: data.createShop.id, ownerToken: await login(platform, org.ownerEmail) };
}

export async function addStaff(platform: Executor, org: SeededOrg, role: 'MANAGER' | 'ADVISOR' | 'TECHNICIAN', shopId = org.shopId) {
  const email = `${role.toLowerCase()}-${unique()}@example.com`;
  const data = must(
    await platform.execute(
      `mutation($shopId: ID!, $input: StaffMemberInput!) { addStaffMember(shopId: $shopId, input: $input) { id } }`,
      { shopId, input: { email, name: `Sam ${role.toLowerCase()}`, password, role } },
      { token: org.ownerToken },
    ),
  );
  return { userId: data.addStaffMember.id as string, token: await login(platform, email), email };
}

export async function addCustomer(platform: Executor, token: string, shopId: string, firstName = 'Casey') {
  const data = must(
    await platform.execute(
      `mutation($shopId: ID!, $input: CustomerInput!) { createCustomer(shopId: $shopId, input: $input) { id } }`,
      { shopId, input: { firstName, lastName: 'Driver', phone: '+13035550142', email: `c-${unique()}@example.com`, smsConsent: true } },
      { token },
    ),
  );
  return data.createCustomer.id as string;
}

export { must };
