import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { buildEvent } from '@cip/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addStaff, must, password, signUp, type SeededOrg } from '../support/seed';
import { clients, collect, connect } from '../support/subscriptions';

/** Issue 16, threat detection: security events raised from what the gateway saw, stored for the owner and pushed to them. */
let platform: TestPlatform;
let org: SeededOrg;
beforeAll(async () => {
  // One proxy in front of the gateway, which the operator trusts: the client address is the one it appended.
  platform = await startTestPlatform({ only: ['shops'], configOverrides: { TRUSTED_PROXY_HOPS: '1' } });
  org = await signUp(platform, 'Watchful Wrenches');
});
afterAll(async () => {
  for (const client of clients.splice(0)) await client.dispose();
  await platform?.close();
});

const loginMutation = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`;
const loginFrom = (address: string, email: string, pass = password, userAgent = 'Workshop/1.0') =>
  platform.execute(loginMutation, { e: email, p: pass }, { headers: { 'x-forwarded-for': `10.9.9.9, ${address}`, 'user-agent': userAgent } });

interface SecurityEventView {
  type: string;
  severity: string;
  userId: string | null;
  clientAddress: string | null;
  userAgent: string | null;
  description: string;
}
const securityEvents = async (type: string): Promise<SecurityEventView[]> =>
  must(await platform.execute(`query($t: SecurityEventType) { securityEvents(type: $t, first: 200) { events { type severity userId clientAddress userAgent description } } }`, { t: type }, { token: org.ownerToken }))
    .securityEvents.events;

const raised = `subscription($min: SecuritySeverity) { securityEventRaised(minSeverity: $min) { type severity clientAddress description } }`;

describe('threat detection', () => {
  it('raises a HIGH credential-stuffing event when one address fails sign-ins for many accounts, and pushes it to the owner through the gateway', async () => {
    const owner = collect(connect(platform.gatewayUrl, org.ownerToken), raised, { min: 'INFO' });
    // The stream opens asynchronously: sign in until the owner's feed shows it is reading.
    let warm = null;
    for (let i = 0; i < 60 && !warm; i++) {
      must(await loginFrom('192.0.2.10', org.ownerEmail));
      warm = await owner.next((r) => r.data?.securityEventRaised?.type === 'LOGIN_SUCCEEDED', 500);
    }
    expect(warm?.result.errors).toBeUndefined();

    const staff = await Promise.all([addStaff(platform, org, 'ADVISOR'), addStaff(platform, org, 'TECHNICIAN'), addStaff(platform, org, 'MANAGER')]);
    const accounts = [org.ownerEmail, ...staff.map((s) => s.email), ...Array.from({ length: 6 }, (_, i) => `nobody-${i}-${Date.now()}@example.com`)];
    expect(accounts).toHaveLength(10);
    for (const email of accounts.slice(0, 9)) expect((await loginFrom('203.0.113.50', email, 'Password1!', 'stuffer/0.1')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await securityEvents('CREDENTIAL_STUFFING')).toEqual([]);
    expect((await securityEvents('LOGIN_FAILED')).filter((e) => e.clientAddress === '203.0.113.50')).toHaveLength(4);

    await loginFrom('203.0.113.50', accounts[9], 'Password1!', 'stuffer/0.1');
    const [stuffing] = await securityEvents('CREDENTIAL_STUFFING');
    expect(stuffing).toMatchObject({ severity: 'HIGH', clientAddress: '203.0.113.50', userAgent: 'stuffer/0.1' });
    expect(stuffing.description).toContain('10 accounts');

    const pushed = await owner.next((r) => r.data?.securityEventRaised?.type === 'CREDENTIAL_STUFFING', 20_000);
    expect(pushed?.result.data?.securityEventRaised).toMatchObject({ severity: 'HIGH', clientAddress: '203.0.113.50' });

    // More failures from the address in the same run raise no second alert.
    await loginFrom('203.0.113.50', `another-${Date.now()}@example.com`, 'Password1!');
    expect(await securityEvents('CREDENTIAL_STUFFING')).toHaveLength(1);
  });

  it('raises a new-device event for a sign-in from an address the user never used, and none for a familiar one', async () => {
    const before = (await securityEvents('NEW_DEVICE')).length;
    must(await loginFrom('192.0.2.10', org.ownerEmail));
    expect(await securityEvents('NEW_DEVICE')).toHaveLength(before);

    must(await loginFrom('198.51.100.77', org.ownerEmail));
    const [newest] = await securityEvents('NEW_DEVICE');
    expect(await securityEvents('NEW_DEVICE')).toHaveLength(before + 1);
    expect(newest).toMatchObject({ severity: 'MEDIUM', userId: org.ownerId, clientAddress: '198.51.100.77' });
    expect(newest.description).toContain('198.51.100.77');
  });

  it('raises a HIGH event when a used refresh token comes back', async () => {
    const { refreshToken } = must(await loginFrom('192.0.2.10', org.ownerEmail)).login;
    const refresh = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;
    must(await platform.execute(refresh, { t: refreshToken }));
    expect((await platform.execute(refresh, { t: refreshToken }, { headers: { 'x-forwarded-for': '198.51.100.200' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await securityEvents('REFRESH_TOKEN_REUSE')).toEqual([expect.objectContaining({ severity: 'HIGH', userId: org.ownerId, clientAddress: '198.51.100.200' })]);
  });

  it("raises a HIGH event for a burst of refused mutations, from the gateway's audit records", async () => {
    const advisor = await addStaff(platform, org, 'ADVISOR');
    const grantOwner = `mutation($s: ID!, $u: ID!) { setStaffRole(shopId: $s, userId: $u, role: OWNER) { id } }`;
    for (let i = 0; i < 5; i++) expect((await platform.execute(grantOwner, { s: org.shopId, u: advisor.userId }, { token: advisor.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await expect.poll(async () => (await securityEvents('PERMISSION_DENIED_BURST')).map((e) => [e.severity, e.userId]), { timeout: 20_000 }).toEqual([['HIGH', advisor.userId]]);
  });

  it('raises a new-device event for a sign-in with a user agent the user never used, from a familiar address', async () => {
    const before = (await securityEvents('NEW_DEVICE')).length;
    must(await loginFrom('192.0.2.10', org.ownerEmail, password, 'BrandNewTablet/3.1'));
    const [newest] = await securityEvents('NEW_DEVICE');
    expect(await securityEvents('NEW_DEVICE')).toHaveLength(before + 1);
    expect(newest).toMatchObject({ severity: 'MEDIUM', clientAddress: '192.0.2.10', userAgent: 'BrandNewTablet/3.1' });
  });

  it("raises a MEDIUM event when a partner's API key runs a mutation from an address it never used, from the gateway's audit records", async () => {
    const keyId = `key-${randomUUID()}`;
    const mutationBy = (address: string) => {
      const id = randomUUID();
      return buildEvent('audit.recorded', {
        orgId: org.orgId,
        shopId: org.shopId,
        subjectId: id,
        data: { id, occurredAt: new Date().toISOString(), actorKind: 'PARTNER_KEY', actorId: keyId, orgId: org.orgId, shopId: org.shopId, type: 'MUTATION', operation: 'addRecommendation', targetIds: [], inputDigest: null, outcome: 'SUCCESS', errorCode: null, requestId: null, traceId: null, clientAddress: address, userAgent: 'partner-sdk/2' },
      });
    };
    await platform.bus.publish([mutationBy('198.51.100.30'), mutationBy('198.51.100.30'), mutationBy('203.0.113.31')]);
    await expect.poll(async () => (await securityEvents('API_KEY_NEW_ADDRESS')).map((e) => [e.severity, e.clientAddress]), { timeout: 20_000 }).toEqual([['MEDIUM', '203.0.113.31']]);
  });

  it('records wrong second-factor codes', async () => {
    const enrollment = must(await platform.execute(`mutation { enrollTotp { secret } }`, {}, { token: org.ownerToken })).enrollTotp;
    must(await platform.execute(`mutation($c: String!) { confirmTotp(code: $c) }`, { c: await generate({ secret: enrollment.secret }) }, { token: org.ownerToken }));
    const wrong = await platform.execute(`mutation { verifyMfa(code: "000000") }`, {}, { token: org.ownerToken, headers: { 'x-forwarded-for': '192.0.2.44' } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await securityEvents('MFA_FAILED')).toEqual([expect.objectContaining({ severity: 'MEDIUM', userId: org.ownerId, clientAddress: '192.0.2.44' })]);
  });

  it('shows security events to owners only', async () => {
    const technician = await addStaff(platform, org, 'TECHNICIAN');
    const refused = await platform.execute(`{ securityEvents { events { type } } }`, {}, { token: technician.token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
