import type { Logger, SubgraphRuntime } from '@cip/platform';
import { createServices as partnerServices } from '../subgraphs/partners/src/context';
import { StaffMessageRepository, type StaffMessageKind } from '../subgraphs/shops/src/data/staff-message';

export const demoLogin = { email: 'owner@demo-auto.example', password: 'demo-password-123' };

const address = (line1: string) => ({ line1, city: 'Denver', region: 'CO', postalCode: '80202', country: 'US' });

async function call(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`demo seed failed: ${body.errors?.map((e) => e.message).join('; ')}`);
  return body.data;
}

/**
 * On an empty database, creates the demo organization through the public API (the same path a real
 * shop takes): two shops, the owner, an advisor and a technician, and customers.
 */
export async function seedDemo(
  gatewayUrl: string,
  runtimes: { shops: SubgraphRuntime; partners: SubgraphRuntime },
  logger: Logger,
): Promise<typeof demoLogin | null> {
  const { shops } = runtimes;
  const [{ count }] = await shops.db.dataSource.query('SELECT count(*)::int AS count FROM shops.staff_user WHERE email = $1', [demoLogin.email]);
  if (count > 0) return demoLogin;
  const [{ total }] = await shops.db.dataSource.query('SELECT count(*)::int AS total FROM shops.organization');
  if (total > 0) return null;

  const messages = new StaffMessageRepository(shops.db.dataSource.manager);
  /** The token of the link the platform recorded for `email` (messages are not sent locally). */
  const linkToken = async (email: string, kind: StaffMessageKind) => {
    const message = await messages.latestTo(email, kind);
    if (!message?.actionUrl) throw new Error(`demo seed failed: no ${kind} message for ${email}`);
    return new URL(message.actionUrl).hash.replace(/^#token=/, '');
  };
  const login = async () => (await call(gatewayUrl, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: demoLogin.email, p: demoLogin.password })).login.accessToken as string;
  await call(gatewayUrl, `mutation($input: SignUpInput!) { signUp(input: $input) { email } }`, {
    input: {
      organizationName: 'Demo Auto Group',
      ownerName: 'Dana Owner',
      email: demoLogin.email,
      password: demoLogin.password,
      shop: { name: 'Demo Auto Downtown', address: address('100 Market St'), timezone: 'America/Denver', laborRateCents: 14_500 },
    },
  });
  await call(gatewayUrl, `mutation($token: String!) { confirmSignUp(token: $token) { accessToken } }`, { token: await linkToken(demoLogin.email, 'sign-up-confirmation') });
  let token = await login();
  await call(gatewayUrl, `mutation($input: ShopInput!) { createShop(input: $input) { id } }`, {
    input: { name: 'Demo Auto Northside', address: address('4800 Federal Blvd'), timezone: 'America/Denver', laborRateCents: 13_900 },
  }, token);
  token = await login();
  const { shops: shopList } = await call(gatewayUrl, `{ shops { id name } }`, {}, token);
  const staff = [
    { email: 'tech@demo-auto.example', name: 'Tomas Technician', role: 'TECHNICIAN' },
    { email: 'advisor@demo-auto.example', name: 'Avery Advisor', role: 'ADVISOR' },
  ];
  const customers = [
    { firstName: 'Maria', lastName: 'Gonzalez', phone: '+13035550101', email: 'maria@example.com', smsConsent: true, emailConsent: true, tags: ['vip'] },
    { firstName: 'James', lastName: 'Carter', phone: '+13035550102', email: 'james@example.com', smsConsent: true, tags: ['fleet'] },
    { firstName: 'Priya', lastName: 'Shah', phone: '+13035550103', emailConsent: true },
  ];
  const program = await demoPartnerProgram(runtimes.partners);
  const vins = ['1HGCM82633A004352', '1FTMW1T88MFA00001', '5YJSA3DS4EF123456'];
  for (const [index, shop] of (shopList as { id: string }[]).entries()) {
    for (const member of staff) {
      const email = member.email.replace('@', `${index || ''}@`);
      await call(gatewayUrl, `mutation($shopId: ID!, $input: StaffInvitationInput!) { inviteStaffMember(shopId: $shopId, input: $input) { id } }`, {
        shopId: shop.id,
        input: { ...member, email },
      }, token);
      await call(gatewayUrl, `mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { accessToken } }`, {
        token: await linkToken(email, 'staff-invitation'),
        password: demoLogin.password,
      });
    }
    for (const [n, customer] of customers.entries()) {
      const { createCustomer } = await call(gatewayUrl, `mutation($shopId: ID!, $input: CustomerInput!) { createCustomer(shopId: $shopId, input: $input) { id } }`, { shopId: shop.id, input: customer }, token);
      const { addVehicle } = await call(
        gatewayUrl,
        `mutation($shopId: ID!, $customerId: ID!, $vin: String!, $mileage: Int) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: $mileage) { id } }`,
        { shopId: shop.id, customerId: createCustomer.id, vin: vins[n], mileage: 42_000 + n * 9_000 },
        token,
      );
      await call(
        gatewayUrl,
        `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`,
        { input: { shopId: shop.id, customerId: createCustomer.id, vehicleId: addVehicle.id, repairOrderNumber: `RO-${1001 + index * 10 + n}` } },
        token,
      );
    }
    await call(gatewayUrl, `mutation($shopId: ID!, $programId: ID!) { enrollInPartnerProgram(shopId: $shopId, programId: $programId) { id } }`, { shopId: shop.id, programId: program.id }, token);
  }
  logger.info('demo organization created', { shops: shopList.length });
  return demoLogin;
}

/** A tire partner's program for the demo shops to enroll in, created the way platform operators do (the admin path). */
async function demoPartnerProgram(partners: SubgraphRuntime) {
  const services = partnerServices(partners.db.dataSource);
  const partner = await services.programs.createPartner({ name: 'Summit Tire Supply', kind: 'TIRE_DISTRIBUTOR' });
  const program = await services.programs.createProgram({
    partnerId: partner.id,
    name: 'Summit Tire Rewards',
    description: 'Earn 7.5% on every Summit tire your customers approve.',
    currency: 'USD',
    sharedFields: ['TIER'],
    tierWindowDays: 90,
    educationIncentiveCents: 250,
    tierLevels: [{ tier: 'BRONZE', minRevenueCents: 0, minConversionBasisPoints: 0, minEducationBasisPoints: 0, multiplierBasisPoints: 10_000 }],
    rule: { kind: 'PERCENTAGE', basisPoints: 750, effectiveFrom: new Date('2026-01-01T00:00:00Z') },
  });
  await services.programs.addProduct(program, { sku: 'SUMMIT-AS-225', name: 'Summit all-season tire 225/45R17', unitPriceCents: 16_500, educationTopic: 'How tread depth affects stopping distance' });
  return program;
}
