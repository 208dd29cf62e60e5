import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../subgraphs/partners/src/context';
import { seedProgram, type SeededProgram } from '../../../subgraphs/partners/test/seed';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addStaff, addVehicle, must, signUp, type SeededOrg } from '../support/seed';

/**
 * Issue 11: a partner product id a recommendation names must be one of a program the shop is enrolled in.
 * Another partner's product (a program another organization's shop is in) answers NOT_FOUND, exactly like
 * a product that does not exist, wherever the id is accepted, and nothing is written.
 */
let platform: TestPlatform;
let org: SeededOrg;
let elsewhere: SeededOrg;
let advisor: { token: string };
let ours: SeededProgram;
let theirs: SeededProgram;
let inspectionId: string;

const enroll = `mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { program { id } } }`;
const add = `mutation($id: ID!, $input: RecommendationInput!) { addRecommendation(inspectionId: $id, input: $input) { id partnerProductId } }`;
const update = `mutation($id: ID!, $input: RecommendationInput!) { updateRecommendation(id: $id, input: $input) { id partnerProductId } }`;
const absent = '00000000-0000-4000-8000-0000000000b7';

beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'vehicles', 'inspections', 'partners'] });
  org = await signUp(platform, 'Enrolled Tires');
  elsewhere = await signUp(platform, 'Other Partner Garage');
  advisor = await addStaff(platform, org, 'ADVISOR');
  const partners = createServices(platform.subgraphs.partners!.runtime.db.dataSource);
  ours = await seedProgram(partners, { name: 'Ours' });
  theirs = await seedProgram(partners, { name: 'Theirs' });
  must(await platform.execute(enroll, { s: org.shopId, p: ours.program.id }, { token: org.ownerToken }));
  must(await platform.execute(enroll, { s: elsewhere.shopId, p: theirs.program.id }, { token: elsewhere.ownerToken }));
  const customerId = await addCustomer(platform, org.ownerToken, org.shopId);
  const vehicleId = await addVehicle(platform, org.ownerToken, org.shopId, customerId);
  inspectionId = must(
    await platform.execute(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { shopId: org.shopId, vehicleId, customerId, templateId: 'tpl_standard' } }, { token: org.ownerToken }),
  ).startInspection.id;
});
afterAll(() => platform?.close());

const recommendations = async () =>
  (await platform.subgraphs.inspections!.runtime.db.dataSource.query(`SELECT id, partner_product_id FROM inspections.recommendation WHERE inspection_id = $1 ORDER BY position`, [inspectionId])) as {
    id: string;
    partner_product_id: string | null;
  }[];

/** The refusal with the id replaced, so a foreign id's answer can be compared with a missing one's. */
const refusal = (answer: { errors?: { message: string; extensions?: Record<string, any> }[] }, id: string) => ({
  codes: answer.errors?.map((error) => error.extensions?.code),
  message: answer.errors?.[0].message.replaceAll(id, 'ID'),
});

describe('a partner product on a recommendation', () => {
  it("is refused by addRecommendation when it belongs to a program the shop is not in, like one that does not exist, and nothing is added", async () => {
    const foreign = await platform.execute(add, { id: inspectionId, input: { title: 'Tires', partnerProductId: theirs.productId } }, { token: advisor.token });
    const missing = await platform.execute(add, { id: inspectionId, input: { title: 'Tires', partnerProductId: absent } }, { token: advisor.token });
    const notAnId = await platform.execute(add, { id: inspectionId, input: { title: 'Tires', partnerProductId: 'tire-123' } }, { token: advisor.token });
    expect(refusal(missing, absent)).toEqual({ codes: ['NOT_FOUND'], message: expect.stringContaining('ID') });
    expect(refusal(foreign, theirs.productId)).toEqual(refusal(missing, absent));
    expect(refusal(notAnId, 'tire-123')).toEqual(refusal(missing, absent));
    expect(JSON.stringify(foreign)).not.toContain(theirs.partnerId);
    expect(await recommendations()).toEqual([]);
  });

  it('is accepted from a program the shop is in, and updateRecommendation refuses a foreign one the same way, keeping the product it had', async () => {
    const added = must(await platform.execute(add, { id: inspectionId, input: { title: 'All-season tires', partnerProductId: ours.productId } }, { token: advisor.token })).addRecommendation;
    expect(added.partnerProductId).toBe(ours.productId);

    const foreign = await platform.execute(update, { id: added.id, input: { partnerProductId: theirs.productId, partsCents: 1 } }, { token: advisor.token });
    const missing = await platform.execute(update, { id: added.id, input: { partnerProductId: absent, partsCents: 1 } }, { token: advisor.token });
    expect(refusal(missing, absent).codes).toEqual(['NOT_FOUND']);
    expect(refusal(foreign, theirs.productId)).toEqual(refusal(missing, absent));
    const [stored] = await recommendations();
    expect(stored.partner_product_id).toBe(ours.productId);

    const moved = must(await platform.execute(update, { id: added.id, input: { partnerProductId: ours.educatedProductId } }, { token: advisor.token })).updateRecommendation;
    expect(moved.partnerProductId).toBe(ours.educatedProductId);
    const cleared = must(await platform.execute(update, { id: added.id, input: { partnerProductId: null } }, { token: advisor.token })).updateRecommendation;
    expect(cleared.partnerProductId).toBeNull();
  });
});
