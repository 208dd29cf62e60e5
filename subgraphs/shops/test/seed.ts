import pg from 'pg';

/** Anything that runs an operation: a subgraph in-process in unit tests, the gateway over HTTP end to end. */
export interface Executor {
  execute(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<{ data?: Record<string, any> | null; errors?: readonly unknown[] }>;
  /** The database the shops subgraph keeps its schema in, where the messages it records (not sends, in tests) are read. */
  database: { url: string };
}

export type StaffMessageKind = 'sign-up-confirmation' | 'sign-up-existing-account' | 'staff-invitation' | 'staff-invitation-existing-account';

/** The messages recorded for an address, newest first, as a mail server would have received them. */
export async function messagesTo(platform: Executor, recipient: string): Promise<{ kind: StaffMessageKind; subject: string; body: string; actionUrl: string | null }[]> {
  const client = new pg.Client({ connectionString: platform.database.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT kind, subject, body, action_url AS "actionUrl" FROM shops.staff_message WHERE recipient = $1 ORDER BY created_at DESC, id`,
      [recipient],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** The token of the newest link of `kind` sent to `recipient`, as its reader would take it from the link. */
export async function linkToken(platform: Executor, recipient: string, kind: StaffMessageKind): Promise<string> {
  const message = (await messagesTo(platform, recipient)).find((m) => m.kind === kind);
  const token = message?.actionUrl ? new URL(message.actionUrl).hash.replace(/^#token=/, '') : '';
  if (!token) throw new Error(`no ${kind} link was sent to ${recipient}`);
  return token;
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
  must(
    await platform.execute(`mutation($input: SignUpInput!) { signUp(input: $input) { email } }`, {
      input: { organizationName: name, ownerName: 'Olive Owner', email: ownerEmail, password, shop: shopInput(`${name} Downtown`) },
    }),
  );
  const token = await linkToken(platform, ownerEmail, 'sign-up-confirmation');
  const data = must(await platform.execute(`mutation($token: String!) { confirmSignUp(token: $token) { accessToken } }`, { token }));
  const ownerToken = data.confirmSignUp.accessToken as string;
  const me = must(await platform.execute(`{ me { id roles { shop { id organization { id } } } } }`, {}, { token: ownerToken }));
  const shop = me.me.roles[0].shop;
  return { orgId: shop.organization.id, shopId: shop.id, ownerId: me.me.id, ownerToken, ownerEmail };
}

/** Adds a shop to the organization; returns its id and a refreshed owner token that includes it. */
export async function addShop(platform: Executor, org: SeededOrg, name: string): Promise<{ shopId: string; ownerToken: string }> {
  const data = must(await platform.execute(`mutation($input: ShopInput!) { createShop(input: $input) { id } }`, { input: shopInput(name) }, { token: org.ownerToken }));
  return { shopId: data.createShop.id, ownerToken: await login(platform, org.ownerEmail) };
}

/** A colleague invited by the owner who accepted the e-mailed invitation, signed in. */
export async function addStaff(platform: Executor, org: SeededOrg, role: 'MANAGER' | 'ADVISOR' | 'TECHNICIAN', shopId = org.shopId) {
  const email = `${role.toLowerCase()}-${unique()}@example.com`;
  must(
    await platform.execute(
      `mutation($shopId: ID!, $input: StaffInvitationInput!) { inviteStaffMember(shopId: $shopId, input: $input) { id } }`,
      { shopId, input: { email, name: `Sam ${role.toLowerCase()}`, role } },
      { token: org.ownerToken },
    ),
  );
  const token = await linkToken(platform, email, 'staff-invitation');
  const data = must(
    await platform.execute(`mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { accessToken user { id } } }`, {
      token,
      password,
    }),
  );
  return { userId: data.acceptInvitation.user.id as string, token: data.acceptInvitation.accessToken as string, email };
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
