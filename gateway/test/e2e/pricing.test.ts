import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../subgraphs/partners/src/context';
import { seedProgram, type SeededProgram } from '../../../subgraphs/partners/test/seed';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addStaff, addVehicle, must, shopInput, signUp, type SeededOrg } from '../support/seed';

let platform: TestPlatform;
let org: SeededOrg;
let program: SeededProgram;
let advisor: { token: string };
let technician: { token: string };

beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'vehicles', 'inspections', 'partners', 'analytics'] });
  org = await signUp(platform, 'Rate Card Auto');
  advisor = await addStaff(platform, org, 'ADVISOR');
  technician = await addStaff(platform, org, 'TECHNICIAN');
  program = await seedProgram(createServices(platform.subgraphs.partners!.runtime.db.dataSource), { name: 'Rate Card' });
});
afterAll(() => platform?.close());

/** The shop's local day, as analytics counts it. */
const shopToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver' }).format(new Date());

describe('pricing through the gateway', () => {
  it("prices labor by hours alone at the shop's rate, and analytics' ARO and the partner's accrual use that price", async () => {
    must(await platform.execute(`mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { program { id } } }`, { s: org.shopId, p: program.program.id }, { token: org.ownerToken }));
    must(await platform.execute(`mutation($id: ID!, $input: ShopInput!) { updateShop(id: $id, input: $input) { laborRate { amountCents } } }`, { id: org.shopId, input: { ...shopInput('Rate Card Auto Downtown'), laborRateCents: 16_250 } }, { token: org.ownerToken }));
    const customerId = await addCustomer(platform, org.ownerToken, org.shopId, 'Robin');
    const vehicleId = await addVehicle(platform, org.ownerToken, org.shopId, customerId);
    const started = must(
      await platform.execute(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { shopId: org.shopId, vehicleId, customerId, templateId: 'tpl_standard' } }, { token: technician.token }),
    ).startInspection;
    must(
      await platform.execute(`mutation($id: ID!, $results: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $results) { id } }`, { id: started.id, results: [{ itemKey: 'tires.lf_tread', measurement: { value: 2, unit: 'INCH_32NDS' } }] }, { token: technician.token }),
    );
    must(await platform.execute(`mutation($id: ID!) { completeInspection(id: $id) { id } }`, { id: started.id }, { token: technician.token }));
    const [tire] = must(await platform.execute(`query($id: ID!) { inspection(id: $id) { recommendations { id } } }`, { id: started.id }, { token: advisor.token })).inspection.recommendations;

    const price = `mutation($id: ID!, $input: RecommendationInput!) { updateRecommendation(id: $id, input: $input) { labor { amountCents } laborRate { amountCents } total { amountCents currency } } }`;
    const input = { partsCents: 18_999, laborHours: 1.5, partnerProductId: program.productId };
    // The rate arrives from the shops subgraph's event; until it has, hours alone are refused rather than priced at $0.
    await expect
      .poll(async () => (await platform.execute(price, { id: tire.id, input }, { token: advisor.token })).data?.updateRecommendation ?? null, { timeout: 20_000 })
      .toEqual({ labor: { amountCents: 24_375 }, laborRate: { amountCents: 16_250 }, total: { amountCents: 43_374, currency: 'USD' } });

    const shareToken = must(await platform.execute(`mutation($id: ID!) { sendInspection(id: $id) { token } }`, { id: started.id }, { token: advisor.token })).sendInspection.token;
    const customer = must(await platform.execute(`mutation($t: String!) { openSharedInspection(token: $t) { accessToken } }`, { t: shareToken })).openSharedInspection.accessToken;
    must(await platform.execute(`mutation($id: ID!) { decideRecommendation(id: $id, decision: APPROVED) { decision } }`, { id: tire.id }, { token: customer }));

    const today = shopToday();
    const metrics = `query($s: ID!, $d: String!) { shop(id: $s) { metrics(range: { from: $d, to: $d }) { totals { averageRepairOrder { amountCents } } } } }`;
    await expect
      .poll(async () => (await platform.execute(metrics, { s: org.shopId, d: today }, { token: org.ownerToken })).data?.shop?.metrics.totals.averageRepairOrder ?? null, { timeout: 20_000 })
      .toEqual({ amountCents: 43_374 });

    const earnings = `query($s: ID!, $p: String!) { shop(id: $s) { partnerEarnings(period: $p) { accrued { amountCents } } } }`;
    // 43 374 × 7.5 % = 3 253.05 → 3 253
    await expect
      .poll(async () => (await platform.execute(earnings, { s: org.shopId, p: new Date().toISOString().slice(0, 7) }, { token: org.ownerToken })).data?.shop?.partnerEarnings ?? null, { timeout: 20_000 })
      .toEqual([{ accrued: { amountCents: 3_253 } }]);
  });
});
