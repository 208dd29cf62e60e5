import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../subgraphs/partners/src/context';
import { seedProgram, type SeededProgram } from '../../../subgraphs/partners/test/seed';
import { verifyAuditLog } from '../../../subgraphs/shops/src/domain/audit-verify';
import { expectedCheckDigit } from '../../../subgraphs/vehicles/src/domain/vin';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addStaff, must, password, signUp, type SeededOrg } from '../support/seed';

let platform: TestPlatform;
let org: SeededOrg;
let tires: SeededProgram;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'vehicles', 'inspections', 'partners'] });
  org = await signUp(platform, 'Audit Trail Auto');
  tires = await seedProgram(createServices(platform.subgraphs.partners!.runtime.db.dataSource), { name: 'Audit' });
});
afterAll(() => platform?.close());

const vin = () => {
  const raw = `1FTMW1T80MF${String(100_000 + Math.floor(Math.random() * 800_000)).padStart(6, '0')}`;
  return `${raw.slice(0, 8)}${expectedCheckDigit(raw)}${raw.slice(9)}`;
};

interface Entry {
  actorKind: string;
  actorId: string | null;
  type: string;
  operation: string;
  targetIds: string[];
  outcome: string;
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

const auditLog = async (): Promise<Entry[]> =>
  must(await platform.execute(`{ auditLog(first: 200) { entries { actorKind actorId type operation targetIds outcome clientAddress userAgent requestId } } }`, {}, { token: org.ownerToken })).auditLog.entries.reverse();

describe('the audit trail of an inspection through the gateway', () => {
  it('lists every step with its actor, from sign-in to the partner accrual, the approval under the share link', async () => {
    const technician = await addStaff(platform, org, 'TECHNICIAN');
    const advisor = await addStaff(platform, org, 'ADVISOR');
    // The gateway believes no X-Forwarded-For of a caller (no trusted proxy in front of it): the socket's address is recorded.
    const client = { 'user-agent': 'ShopTablet/2.1', 'x-forwarded-for': '203.0.113.99' };
    const signedIn = await platform.execute(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: technician.email, p: password }, { headers: client });
    const techToken = must(signedIn).login.accessToken as string;
    const as = (token: string) => ({ token, headers: client });

    must(await platform.execute(`mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { program { id } } }`, { s: org.shopId, p: tires.program.id }, as(org.ownerToken)));
    const customerId = await addCustomer(platform, org.ownerToken, org.shopId, 'Audrey');
    const vehicleId = must(
      await platform.execute(`mutation($s: ID!, $c: ID!, $v: String!) { addVehicle(shopId: $s, customerId: $c, vin: $v, mileage: 51000) { id } }`, { s: org.shopId, c: customerId, v: vin() }, as(org.ownerToken)),
    ).addVehicle.id;
    const inspectionId = must(
      await platform.execute(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { shopId: org.shopId, vehicleId, customerId, templateId: 'tpl_standard' } }, as(techToken)),
    ).startInspection.id as string;
    must(
      await platform.execute(`mutation($id: ID!, $r: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $r) { id } }`, { id: inspectionId, r: [{ itemKey: 'tires.lf_tread', measurement: { value: 2, unit: 'INCH_32NDS' } }] }, as(techToken)),
    );
    must(await platform.execute(`mutation($id: ID!) { completeInspection(id: $id) { status } }`, { id: inspectionId }, as(techToken)));
    const [tire] = must(await platform.execute(`query($id: ID!) { inspection(id: $id) { recommendations { id } } }`, { id: inspectionId }, as(advisor.token))).inspection.recommendations;
    must(
      await platform.execute(`mutation($id: ID!, $input: RecommendationInput!) { updateRecommendation(id: $id, input: $input) { id } }`, { id: tire.id, input: { partsCents: 15_000, quantity: 2, laborCents: 4_000, laborHours: 1, partnerProductId: tires.productId } }, as(advisor.token)),
    );
    const shareToken = must(await platform.execute(`mutation($id: ID!) { sendInspection(id: $id) { token } }`, { id: inspectionId }, as(advisor.token))).sendInspection.token;
    const customerToken = must(await platform.execute(`mutation($t: String!) { openSharedInspection(token: $t) { accessToken } }`, { t: shareToken }, { headers: { 'user-agent': 'PhoneBrowser/17' } })).openSharedInspection.accessToken as string;
    const [{ grant }] = await platform.subgraphs.inspections!.runtime.db.dataSource.query(`SELECT share_grant AS grant FROM inspections.inspection WHERE id = $1`, [inspectionId]);
    expect(grant).toMatch(/^[\da-f-]{36}$/);
    const approved = await platform.execute(`mutation($id: ID!) { decideRecommendation(id: $id, decision: APPROVED) { decision } }`, { id: tire.id }, { token: customerToken, headers: { 'user-agent': 'PhoneBrowser/17' } });
    must(approved);
    const requestId = approved.headers.get('x-request-id');
    expect(requestId).toMatch(/^[\da-f-]{36}$/);

    await expect.poll(async () => (await auditLog()).some((e) => e.operation === 'commission.accrued'), { timeout: 20_000 }).toBe(true);
    const entries = await auditLog();
    const steps = entries
      .filter((e) => ['login.succeeded', 'enrollInPartnerProgram', 'startInspection', 'recordItemResults', 'completeInspection', 'updateRecommendation', 'sendInspection', 'decideRecommendation', 'commission.accrued'].includes(e.operation))
      .filter((e) => e.operation !== 'login.succeeded' || e.actorId === technician.userId)
      .map((e) => [e.operation, e.actorKind, e.actorId]);
    expect(steps).toEqual([
      ['login.succeeded', 'USER', technician.userId],
      ['enrollInPartnerProgram', 'USER', org.ownerId],
      ['startInspection', 'USER', technician.userId],
      ['recordItemResults', 'USER', technician.userId],
      ['completeInspection', 'USER', technician.userId],
      ['updateRecommendation', 'USER', advisor.userId],
      ['sendInspection', 'USER', advisor.userId],
      ['decideRecommendation', 'SHARE_LINK', grant],
      ['commission.accrued', 'SERVICE', 'partners'],
    ]);

    const byOperation = (operation: string) => entries.find((e) => e.operation === operation)!;
    expect(byOperation('decideRecommendation')).toMatchObject({ type: 'MUTATION', outcome: 'SUCCESS', targetIds: [tire.id], clientAddress: '127.0.0.1', userAgent: 'PhoneBrowser/17', requestId });
    expect(byOperation('startInspection')).toMatchObject({ targetIds: expect.arrayContaining([org.shopId, vehicleId, customerId, inspectionId]), clientAddress: '127.0.0.1', userAgent: 'ShopTablet/2.1' });
    expect(entries.find((e) => e.operation === 'login.succeeded' && e.actorId === technician.userId)).toMatchObject({ type: 'SECURITY', clientAddress: '127.0.0.1', userAgent: 'ShopTablet/2.1' });
    expect(byOperation('commission.accrued').targetIds).toContain(tires.partnerId);

    const verification = await verifyAuditLog(platform.subgraphs.shops!.runtime.db.dataSource.manager);
    expect(verification.breaks).toEqual([]);
    expect(verification.entries).toBeGreaterThanOrEqual(entries.length);
  });

  it('records a refused mutation with its error code', async () => {
    const advisor = await addStaff(platform, org, 'ADVISOR');
    const refused = await platform.execute(`mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { program { id } } }`, { s: org.shopId, p: tires.program.id }, { token: advisor.token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await expect
      .poll(async () => (await auditLog()).find((e) => e.actorId === advisor.userId && e.operation === 'enrollInPartnerProgram'), { timeout: 20_000 })
      .toMatchObject({ outcome: 'FAILURE', type: 'MUTATION' });
  });
});
