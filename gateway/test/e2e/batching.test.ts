import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphName } from '@cip/platform';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, login, must, shopInput, signUp, type SeededOrg } from '../support/seed';
import { requestSelects } from '../support/queries';

const shopCount = 50;
let platform: TestPlatform;
let org: SeededOrg;
let token: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  org = await signUp(platform, 'Fifty Bays');
  for (let i = 1; i < shopCount; i++) {
    must(await platform.execute(`mutation($input: ShopInput!) { createShop(input: $input) { id } }`, { input: shopInput(`Bay ${i}`) }, { token: org.ownerToken }));
  }
  token = await login(platform, org.ownerEmail);
  const shops = must(await platform.execute(`{ shops { id } }`, {}, { token })).shops as { id: string }[];
  for (const [i, shop] of shops.entries()) {
    const customerId = await addCustomer(platform, token, shop.id, `Driver${i}`);
    const vehicle = must(
      await platform.execute(
        `mutation($shopId: ID!, $customerId: ID!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: "1FTMW1T88MFA00001", mileage: 1000) { id } }`,
        { shopId: shop.id, customerId },
        { token },
      ),
    );
    must(
      await platform.execute(
        `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`,
        { input: { shopId: shop.id, customerId, vehicleId: vehicle.addVehicle.id, templateId: 'tpl_standard' } },
        { token },
      ),
    );
  }
});
afterAll(() => platform?.close());

describe('entity batching across subgraphs', () => {
  it("lists 50 shops' inspections with their vehicles in one SQL query per entity type per subgraph fetch", async () => {
    const names: SubgraphName[] = ['shops', 'inspections', 'vehicles'];
    const captures = names.map((name) => platform.subgraphs[name]!.runtime.db.queryLog.capture());
    const result = await platform.execute(
      `{ shops { id name inspections(first: 5) { nodes { id status vehicle { vin make model } } } } }`,
      {},
      { token },
    );
    const counts = Object.fromEntries(names.map((name, i) => [name, requestSelects(captures[i].stop())]));
    expect(result.errors).toBeUndefined();
    expect(result.data!.shops).toHaveLength(shopCount);
    expect(result.data!.shops.every((s: any) => s.inspections.nodes.length === 1 && s.inspections.nodes[0].vehicle.make === 'FORD')).toBe(true);
    expect(counts.shops).toEqual({ 'shops.shop': 1 });
    expect(counts.inspections).toEqual({ 'inspections.inspection': 1 });
    expect(counts.vehicles['vehicles.vehicle']).toBe(1);
    expect(Object.values(counts.vehicles).every((n) => n === 1)).toBe(true);
  });
});
