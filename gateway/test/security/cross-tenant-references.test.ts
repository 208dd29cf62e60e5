import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addShop, must, signUp, type SeededOrg } from '../support/seed';

/** Issue 11.7: a write naming another tenant's customer answers as if the customer did not exist, and writes nothing. */
let platform: TestPlatform;
let victim: SeededOrg;
let attacker: SeededOrg;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'vehicles', 'inspections'] });
  victim = await signUp(platform, 'Victim Motors');
  attacker = await signUp(platform, 'Attacker Autos');
}, 120_000);
afterAll(() => platform?.close());

const addVehicle = `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin) { id customer { id } } }`;
const vehicleCount = async (customerId: string) =>
  (await platform.subgraphs.vehicles!.runtime.db.dataSource.query(`SELECT count(*)::int AS n FROM vehicles.vehicle WHERE customer_id = $1`, [customerId]))[0].n as number;

describe('cross-tenant references in writes', () => {
  it("answers addVehicle with another organization's customer as NOT_FOUND, like a customer that does not exist, and adds nothing", async () => {
    const foreignCustomer = await addCustomer(platform, victim.ownerToken, victim.shopId);
    const foreign = await platform.execute(addVehicle, { shopId: attacker.shopId, customerId: foreignCustomer, vin: '1FTMW1T88MFA00001' }, { token: attacker.ownerToken });
    const missing = await platform.execute(addVehicle, { shopId: attacker.shopId, customerId: '00000000-0000-4000-8000-000000000001', vin: '1FTMW1T88MFA00001' }, { token: attacker.ownerToken });
    expect(foreign.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(missing.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(foreign.errors?.[0].message.replace(foreignCustomer, 'ID')).toBe(missing.errors?.[0].message.replace('00000000-0000-4000-8000-000000000001', 'ID'));
    expect(await vehicleCount(foreignCustomer)).toBe(0);
  });

  it("refuses a customer of another of the organization's shops, and accepts the shop's own", async () => {
    const uptown = await addShop(platform, victim, 'Victim Motors Uptown');
    const elsewhere = await addCustomer(platform, uptown.ownerToken, uptown.shopId);
    const refused = await platform.execute(addVehicle, { shopId: victim.shopId, customerId: elsewhere, vin: '1FTMW1T88MFA00001' }, { token: uptown.ownerToken });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(await vehicleCount(elsewhere)).toBe(0);

    const own = await addCustomer(platform, uptown.ownerToken, victim.shopId);
    const added = must(await platform.execute(addVehicle, { shopId: victim.shopId, customerId: own, vin: '1FTMW1T88MFA00001' }, { token: uptown.ownerToken }));
    expect(added.addVehicle.customer).toEqual({ id: own });
  });
});
