import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, must, signUp, type SeededOrg } from '../support/seed';

/** Issue 11.11: bad input gets BAD_USER_INPUT naming the field, through the gateway, before it reaches a database. */
let platform: TestPlatform;
let org: SeededOrg;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'vehicles', 'partners', 'analytics', 'inspections'] });
  org = await signUp(platform, 'Careful Input Garage');
});
afterAll(() => platform?.close());

const shopInput = (laborRateCents: unknown) => ({
  name: 'Renamed By A Bad Request',
  address: { line1: '1 Main St', city: 'Denver', region: 'CO', postalCode: '80202', country: 'US' },
  timezone: 'America/Denver',
  currency: 'USD',
  laborRateCents,
});

const codes = (errors?: { extensions?: Record<string, any> }[]) => errors?.map((error) => error.extensions?.code);

describe('bad input through the gateway', () => {
  it.each([
    ['a fraction', 1.5],
    ['a numeric string', '100'],
    ['more than 2^53', 2 ** 53 + 1],
  ])("refuses Cents given as %s with BAD_USER_INPUT naming the field, and changes nothing", async (_label, value) => {
    const before = must(await platform.execute(`query($id: ID!) { shop(id: $id) { name } }`, { id: org.shopId }, { token: org.ownerToken }));
    const answer = await platform.execute(
      `mutation($id: ID!, $input: ShopInput!) { updateShop(id: $id, input: $input) { id } }`,
      { id: org.shopId, input: shopInput(value) },
      { token: org.ownerToken },
    );
    expect(answer.data?.updateShop ?? null).toBeNull();
    expect(codes(answer.errors)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors?.[0].message).toMatch(/laborRateCents/);
    expect(answer.errors?.[0].message).toMatch(/whole number/);
    const after = must(await platform.execute(`query($id: ID!) { shop(id: $id) { name } }`, { id: org.shopId }, { token: org.ownerToken }));
    expect(after).toEqual(before);
  });

  it.each([
    ['vehicle', `{ vehicle(id: "not-a-uuid") { id } }`, ['id']],
    ['vehicleTemplateMapping', `{ vehicleTemplateMapping(shopId: "1; DROP TABLE x") { category } }`, ['shopId']],
    ['DecodedVin.recommendedTemplate', `{ decodeVin(vin: "1FTMW1T88MFA00001") { recommendedTemplate(shopId: "x") { id } } }`, ['shopId']],
    ['program', `{ program(id: "42") { id } }`, ['id']],
    ['partnerStatement', `{ partnerStatement(shopId: "00000000-0000-4000-8000-000000000000", partnerId: "p", period: "2026-01") { period } }`, ['partnerId']],
    ['recordVehicleMileage', `mutation { recordVehicleMileage(vehicleId: "v-1", mileage: 10) { id } }`, ['vehicleId']],
    ['customer', `{ customer(id: "nope") { id } }`, ['id']],
    ['shop', `{ shop(id: "1 OR 1=1") { id } }`, ['id']],
    ['updateCustomer', `mutation { updateCustomer(id: "c-1", input: { firstName: "Pat" }) { id } }`, ['id']],
    ['setStaffRole', `mutation { setStaffRole(shopId: "00000000-0000-4000-8000-000000000000", userId: "u", role: ADVISOR) { id } }`, ['userId']],
  ])('refuses a non-UUID id in %s with BAD_USER_INPUT naming the argument', async (_field, query, fields) => {
    const answer = await platform.execute(query, {}, { token: org.ownerToken });
    expect(codes(answer.errors)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors?.[0].extensions?.fields.map((field: { path: string }) => field.path)).toEqual(fields);
    expect(JSON.stringify(answer)).not.toMatch(/uuid|syntax|SELECT|postgres/i);
  });

  it('refuses a NUL byte in a plate and a negative or backwards odometer reading, keeping the vehicle as it was', async () => {
    const customerId = await addCustomer(platform, org.ownerToken, org.shopId);
    const added = must(
      await platform.execute(
        `mutation($shopId: ID!, $customerId: ID!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: "1FTMW1T88MFA00001", mileage: 5000, plate: "ABC123") { id } }`,
        { shopId: org.shopId, customerId },
        { token: org.ownerToken },
      ),
    );
    const vehicleId = added.addVehicle.id as string;
    const plate = await platform.execute(`mutation($id: ID!, $plate: String) { updateVehiclePlate(vehicleId: $id, plate: $plate) { plate } }`, { id: vehicleId, plate: 'AB\u0000C' }, { token: org.ownerToken });
    expect(codes(plate.errors)).toEqual(['BAD_USER_INPUT']);
    expect(plate.errors?.[0].extensions?.fields[0].path).toBe('plate');
    for (const miles of [-1, 4_999]) {
      const reading = await platform.execute(`mutation($id: ID!, $miles: Int!) { recordVehicleMileage(vehicleId: $id, mileage: $miles) { id } }`, { id: vehicleId, miles }, { token: org.ownerToken });
      expect(codes(reading.errors)).toEqual(['BAD_USER_INPUT']);
      expect(reading.errors?.[0].extensions?.fields[0].path).toBe('mileage');
    }
    const vehicle = must(await platform.execute(`query($id: ID!) { vehicle(id: $id) { plate currentMileage mileageReadings { miles } } }`, { id: vehicleId }, { token: org.ownerToken }));
    expect(vehicle.vehicle).toEqual({ plate: 'ABC123', currentMileage: 5000, mileageReadings: [{ miles: 5000 }] });
  });
});
