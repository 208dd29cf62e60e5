import { randomBytes } from 'node:crypto';
import { linkToken } from '@cip/shops/testing';
import { inBatches, mustRequest } from './client';

const password = 'bench horse battery staple';
const firstNames = ['Ava', 'Ben', 'Carla', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Imani', 'Jonas', 'Keiko', 'Luis', 'Maya', 'Nate', 'Olga', 'Priya'];
const lastNames = ['Anders', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ibrahim', 'Jensen', 'Kim', 'Lopez', 'Moreau', 'Novak', 'Okafor', 'Patel'];
const cities = [
  { city: 'Denver', region: 'CO', timezone: 'America/Denver' },
  { city: 'Austin', region: 'TX', timezone: 'America/Chicago' },
  { city: 'Portland', region: 'OR', timezone: 'America/Los_Angeles' },
  { city: 'Raleigh', region: 'NC', timezone: 'America/New_York' },
];

export interface SeedOptions {
  shops?: number;
  customersPerShop?: number;
  techniciansPerShop?: number;
  advisorsPerShop?: number;
  /** Requests in flight at once while seeding. */
  concurrency?: number;
}

export interface SeededStaff {
  id: string;
  email: string;
  token: string;
}

export interface SeededShop {
  id: string;
  name: string;
  technicianIds: string[];
  technicianTokens: string[];
  technicians: SeededStaff[];
  advisors: SeededStaff[];
  customerIds: string[];
}

export interface SeededData {
  orgId: string;
  ownerEmail: string;
  ownerId: string;
  /** The owner's access token; issued after every shop exists, so it holds a role at all of them. */
  ownerToken: string;
  shops: SeededShop[];
  password: string;
}

export function shopInput(index: number) {
  const place = cities[index % cities.length];
  return {
    name: `Summit Auto ${place.city} #${index + 1}`,
    address: { line1: `${100 + index} Main St`, city: place.city, region: place.region, postalCode: '80202', country: 'US' },
    timezone: place.timezone,
    laborRateCents: 12_500 + index * 500,
  };
}

/**
 * A multi-shop organization built through the gateway with the public mutations a real owner uses:
 * sign-up, more shops, technicians and advisors, and customers with contact details and consent.
 */
export async function seedOrganization(services: { gatewayUrl: string; database: { url: string } }, options: SeedOptions = {}): Promise<SeededData> {
  const { gatewayUrl } = services;
  const executor = { execute: (query: string, variables?: Record<string, unknown>) => mustRequest(gatewayUrl, query, variables).then((data) => ({ data })), database: services.database };
  const { shops = 4, customersPerShop = 50, techniciansPerShop = 2, advisorsPerShop = 0, concurrency = 8 } = options;
  const tag = randomBytes(4).toString('hex');
  const ownerEmail = `owner-${tag}@summit-auto.example`;
  await mustRequest(gatewayUrl, `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { email } }`, {
    input: { organizationName: `Summit Auto Group ${tag}`, ownerName: 'Olivia Owner', email: ownerEmail, password, shop: shopInput(0) },
  });
  const confirmed = await mustRequest<{ confirmSignUp: { accessToken: string } }>(gatewayUrl, `mutation Confirm($token: String!) { confirmSignUp(token: $token) { accessToken } }`, {
    token: await linkToken(executor, ownerEmail, 'sign-up-confirmation'),
  });
  let ownerToken = confirmed.confirmSignUp.accessToken;
  const me = await mustRequest<{ me: { id: string; roles: { shop: { id: string; name: string; organization: { id: string } } }[] } }>(
    gatewayUrl,
    `{ me { id roles { shop { id name organization { id } } } } }`,
    {},
    ownerToken,
  );
  const first = me.me.roles[0].shop;
  const shopRefs = [{ id: first.id, name: first.name }];
  for (let i = 1; i < shops; i++) {
    const created = await mustRequest<{ createShop: { id: string; name: string } }>(
      gatewayUrl,
      `mutation CreateShop($input: ShopInput!) { createShop(input: $input) { id name } }`,
      { input: shopInput(i) },
      ownerToken,
    );
    shopRefs.push(created.createShop);
  }
  ownerToken = await login(gatewayUrl, ownerEmail);

  const seeded: SeededShop[] = [];
  for (const [shopIndex, shop] of shopRefs.entries()) {
    const staff = (role: 'TECHNICIAN' | 'ADVISOR', count: number) =>
      inBatches(Array.from({ length: count }), concurrency, async (_, i): Promise<SeededStaff> => {
        const email = `${role === 'TECHNICIAN' ? 'tech' : 'advisor'}-${tag}-${shopIndex}-${i}@summit-auto.example`;
        await mustRequest(
          gatewayUrl,
          `mutation Invite($shopId: ID!, $input: StaffInvitationInput!) { inviteStaffMember(shopId: $shopId, input: $input) { id } }`,
          { shopId: shop.id, input: { email, name: `${firstNames[i % firstNames.length]} ${role === 'TECHNICIAN' ? 'Technician' : 'Advisor'}`, role } },
          ownerToken,
        );
        const accepted = await mustRequest<{ acceptInvitation: { accessToken: string; user: { id: string } } }>(
          gatewayUrl,
          `mutation Accept($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { accessToken user { id } } }`,
          { token: await linkToken(executor, email, 'staff-invitation'), password },
        );
        return { id: accepted.acceptInvitation.user.id, email, token: accepted.acceptInvitation.accessToken };
      });
    const technicians = await staff('TECHNICIAN', techniciansPerShop);
    const advisors = await staff('ADVISOR', advisorsPerShop);
    const customerIds = await inBatches(Array.from({ length: customersPerShop }), concurrency, async (_, i) => {
      const firstName = firstNames[(i + shopIndex) % firstNames.length];
      const lastName = lastNames[Math.floor(i / firstNames.length) % lastNames.length];
      const created = await mustRequest<{ createCustomer: { id: string } }>(
        gatewayUrl,
        `mutation CreateCustomer($shopId: ID!, $input: CustomerInput!) { createCustomer(shopId: $shopId, input: $input) { id } }`,
        {
          shopId: shop.id,
          input: {
            firstName,
            lastName,
            phone: `+1303555${String(1000 + i).slice(-4)}`,
            email: `${firstName}.${lastName}.${i}-${tag}@mail.example`.toLowerCase(),
            smsConsent: i % 3 !== 0,
            emailConsent: i % 2 === 0,
            tags: i % 10 === 0 ? ['fleet'] : [],
          },
        },
        ownerToken,
      );
      return created.createCustomer.id;
    });
    seeded.push({ ...shop, technicianIds: technicians.map((t) => t.id), technicianTokens: technicians.map((t) => t.token), technicians, advisors, customerIds });
  }
  return { orgId: first.organization.id, ownerEmail, ownerId: me.me.id, ownerToken, shops: seeded, password };
}

export async function login(gatewayUrl: string, email: string, secret = password): Promise<string> {
  const data = await mustRequest<{ login: { accessToken: string } }>(
    gatewayUrl,
    `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
    { email, password: secret },
  );
  return data.login.accessToken;
}
