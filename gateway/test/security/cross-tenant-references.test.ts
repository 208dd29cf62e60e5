import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addShop, addStaff, addVehicle, must, signUp, type SeededOrg } from '../support/seed';

/** Issue 11.7: a write naming another tenant's customer, vehicle or technician answers as if the customer did not exist, and writes nothing. */
let platform: TestPlatform;
let victim: SeededOrg;
let attacker: SeededOrg;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'vehicles', 'inspections'] });
  victim = await signUp(platform, 'Victim Motors');
  attacker = await signUp(platform, 'Attacker Autos');
});
afterAll(() => platform?.close());

const addVehicleMutation = `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin) { id customer { id } } }`;
const startInspection = `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id vehicle { id } } }`;
const assign = `mutation($id: ID!, $technicianId: ID) { assignTechnician(id: $id, technicianId: $technicianId) { id technician { id } } }`;
const absent = '00000000-0000-4000-8000-0000000000a1';
const inspectionCount = async (vehicleId: string) =>
  (await platform.subgraphs.inspections!.runtime.db.dataSource.query(`SELECT count(*)::int AS n FROM inspections.inspection WHERE vehicle_id = $1`, [vehicleId]))[0].n as number;
const vehicleCount = async (customerId: string) =>
  (await platform.subgraphs.vehicles!.runtime.db.dataSource.query(`SELECT count(*)::int AS n FROM vehicles.vehicle WHERE customer_id = $1`, [customerId]))[0].n as number;

describe('cross-tenant references in writes', () => {
  it("answers addVehicle with another organization's customer as NOT_FOUND, like a customer that does not exist, and adds nothing", async () => {
    const foreignCustomer = await addCustomer(platform, victim.ownerToken, victim.shopId);
    const foreign = await platform.execute(addVehicleMutation, { shopId: attacker.shopId, customerId: foreignCustomer, vin: '1FTMW1T88MFA00001' }, { token: attacker.ownerToken });
    const missing = await platform.execute(addVehicleMutation, { shopId: attacker.shopId, customerId: '00000000-0000-4000-8000-000000000001', vin: '1FTMW1T88MFA00001' }, { token: attacker.ownerToken });
    expect(foreign.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(missing.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(foreign.errors?.[0].message.replace(foreignCustomer, 'ID')).toBe(missing.errors?.[0].message.replace('00000000-0000-4000-8000-000000000001', 'ID'));
    expect(await vehicleCount(foreignCustomer)).toBe(0);
  });

  it("refuses a customer of another of the organization's shops, and accepts the shop's own", async () => {
    const uptown = await addShop(platform, victim, 'Victim Motors Uptown');
    const elsewhere = await addCustomer(platform, uptown.ownerToken, uptown.shopId);
    const refused = await platform.execute(addVehicleMutation, { shopId: victim.shopId, customerId: elsewhere, vin: '1FTMW1T88MFA00001' }, { token: uptown.ownerToken });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(await vehicleCount(elsewhere)).toBe(0);

    const own = await addCustomer(platform, uptown.ownerToken, victim.shopId);
    const added = must(await platform.execute(addVehicleMutation, { shopId: victim.shopId, customerId: own, vin: '1FTMW1T88MFA00001' }, { token: uptown.ownerToken }));
    expect(added.addVehicle.customer).toEqual({ id: own });
  });

  it("answers startInspection naming another organization's vehicle, customer or technician as NOT_FOUND, like ids that do not exist, and starts nothing", async () => {
    const ownCustomer = await addCustomer(platform, attacker.ownerToken, attacker.shopId);
    const ownVehicle = await addVehicle(platform, attacker.ownerToken, attacker.shopId, ownCustomer);
    const foreignCustomer = await addCustomer(platform, victim.ownerToken, victim.shopId);
    const foreignVehicle = await addVehicle(platform, victim.ownerToken, victim.shopId, foreignCustomer);
    const foreignTechnician = await addStaff(platform, victim, 'TECHNICIAN');
    const cases = [
      { field: 'vehicleId', foreign: foreignVehicle },
      { field: 'customerId', foreign: foreignCustomer },
      { field: 'technicianId', foreign: foreignTechnician.userId },
    ];
    for (const { field, foreign } of cases) {
      const input = { shopId: attacker.shopId, vehicleId: ownVehicle, customerId: ownCustomer };
      const refused = await platform.execute(startInspection, { input: { ...input, [field]: foreign } }, { token: attacker.ownerToken });
      const missing = await platform.execute(startInspection, { input: { ...input, [field]: absent } }, { token: attacker.ownerToken });
      expect(refused.errors?.map((error) => error.extensions?.code), field).toEqual(['NOT_FOUND']);
      expect(refused.errors?.[0].message.replace(foreign, 'ID'), field).toBe(missing.errors?.[0].message.replace(absent, 'ID'));
      expect(missing.errors?.map((error) => error.extensions?.code), field).toEqual(['NOT_FOUND']);
    }
    expect(await inspectionCount(ownVehicle)).toBe(0);
    expect(await inspectionCount(foreignVehicle)).toBe(0);
    const own = must(await platform.execute(startInspection, { input: { shopId: attacker.shopId, vehicleId: ownVehicle, customerId: ownCustomer } }, { token: attacker.ownerToken }));
    expect(own.startInspection.vehicle).toEqual({ id: ownVehicle });
  });

  it("refuses a vehicle of another of the organization's shops when starting at this one", async () => {
    const uptown = await addShop(platform, victim, 'Victim Motors Uptown Garage');
    const customer = await addCustomer(platform, uptown.ownerToken, uptown.shopId);
    const vehicle = await addVehicle(platform, uptown.ownerToken, uptown.shopId, customer);
    const refused = await platform.execute(startInspection, { input: { shopId: victim.shopId, vehicleId: vehicle, customerId: customer } }, { token: uptown.ownerToken });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(await inspectionCount(vehicle)).toBe(0);
  });

  it("answers assignTechnician with another organization's user as NOT_FOUND, like a user that does not exist, and leaves the assignment as it was", async () => {
    const customer = await addCustomer(platform, attacker.ownerToken, attacker.shopId);
    const vehicle = await addVehicle(platform, attacker.ownerToken, attacker.shopId, customer);
    const colleague = await addStaff(platform, attacker, 'TECHNICIAN');
    const foreign = await addStaff(platform, victim, 'TECHNICIAN');
    const { id } = must(await platform.execute(startInspection, { input: { shopId: attacker.shopId, vehicleId: vehicle, customerId: customer, technicianId: colleague.userId } }, { token: attacker.ownerToken })).startInspection;
    const refused = await platform.execute(assign, { id, technicianId: foreign.userId }, { token: attacker.ownerToken });
    const missing = await platform.execute(assign, { id, technicianId: absent }, { token: attacker.ownerToken });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(refused.errors?.[0].message.replace(foreign.userId, 'ID')).toBe(missing.errors?.[0].message.replace(absent, 'ID'));
    const read = must(await platform.execute(`query($id: ID!) { inspection(id: $id) { technician { id } } }`, { id }, { token: attacker.ownerToken }));
    expect(read.inspection.technician).toEqual({ id: colleague.userId });
    const reassigned = must(await platform.execute(assign, { id, technicianId: null }, { token: attacker.ownerToken }));
    expect(reassigned.assignTechnician.technician).toBeNull();
  });
});
