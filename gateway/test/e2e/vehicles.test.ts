import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, signUp, type SeededOrg } from '../support/seed';

let platform: TestPlatform;
let org: SeededOrg;
let other: SeededOrg;

beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'vehicles'] });
  org = await signUp(platform, 'Vin Valley Auto');
  other = await signUp(platform, 'Elsewhere Garage');
});
afterAll(() => platform?.close());

const f150 = '1FTMW1T88MFA00001';

describe('vehicles through the gateway', () => {
  it("adds a decoded vehicle to a real customer and lists it on the customer, with the shop's name from the shops subgraph", async () => {
    const customerId = await addCustomer(platform, org.ownerToken, org.shopId);
    const added = await platform.execute(
      `mutation($shopId: ID!, $customerId: ID!, $vin: String!) {
        addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: 51200) { id year make model recommendedTemplate { id } }
      }`,
      { shopId: org.shopId, customerId, vin: f150 },
      { token: org.ownerToken },
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addVehicle).toMatchObject({ year: 2021, make: 'FORD', model: 'F-150', recommendedTemplate: { id: 'tpl_light_truck' } });

    const customer = await platform.execute(
      `query($id: ID!) { customer(id: $id) { id vehicles { vin currentMileage shop { name } customer { firstName } } } }`,
      { id: customerId },
      { token: org.ownerToken },
    );
    expect(customer.errors).toBeUndefined();
    expect(customer.data!.customer.vehicles).toEqual([
      { vin: f150, currentMileage: 51_200, shop: { name: 'Vin Valley Auto Downtown' }, customer: { firstName: expect.any(String) } },
    ]);

    const foreign = await platform.execute(`query($id: ID!) { vehicle(id: $id) { id } }`, { id: added.data!.addVehicle.id }, { token: other.ownerToken });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps the VIN error codes through the gateway', async () => {
    const result = await platform.execute(`query { decodeVin(vin: "1HGCM82633A00435I") { vin } }`, {}, { token: org.ownerToken });
    expect(result.errors?.[0].extensions?.code).toBe('INVALID_VIN_CHARACTER');
  });

  it('answers a repeated decode from the hot cache without touching the database', async () => {
    const query = `query($vin: String!) { decodeVin(vin: $vin) { vin year make model bodyClass servedFrom recommendedTemplate { id } } }`;
    await platform.execute(query, { vin: f150 }, { token: org.ownerToken });
    const capture = platform.subgraphs.vehicles!.runtime.db.queryLog.capture();
    for (let i = 0; i < 100; i++) {
      const result = await platform.execute(query, { vin: f150 }, { token: org.ownerToken });
      expect(result.data?.decodeVin).toMatchObject({ servedFrom: 'HOT_CACHE', model: 'F-150' });
    }
    const reads = capture.stop().filter((q) => /decoded_vin|"vehicle"|template_override/.test(q.sql));
    // Its latency is measured by `npm run bench -- vehicles`; this proves the property it rests on.
    expect(reads).toEqual([]);
  });
});
