import { createServer } from 'node:net';
import { expectedCheckDigit } from '../../subgraphs/vehicles/src/domain/vin';
import { inBatches, mustRequest } from './client';
import type { SeededShop } from './seed';

/** Results recorded on every seeded inspection: two measured tires, a measured brake with a note, the oil. */
export const seededResults = [
  { itemKey: 'tires.lf_tread', measurement: { value: 3, unit: 'INCH_32NDS' } },
  { itemKey: 'tires.rf_tread', measurement: { value: 7, unit: 'INCH_32NDS' } },
  { itemKey: 'brakes.front_pads', measurement: { value: 2, unit: 'MILLIMETERS' }, notes: 'Metal on metal soon.' },
  { itemKey: 'fluids.engine_oil', condition: 'GREEN' },
];

let serial = 200_000 + Math.floor(Math.random() * 700_000);
function vin(): string {
  const raw = `1FTMW1T80MF${String(serial++).padStart(6, '0')}`;
  return `${raw.slice(0, 8)}${expectedCheckDigit(raw)}${raw.slice(9)}`;
}

/** A vPIC URL nothing listens on: VINs decode offline, with no call leaving the machine. */
export async function deadUrl(): Promise<string> {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  return `http://127.0.0.1:${port}/api`;
}

/** A vehicle (a VIN of its own, decoded) for every customer of the shop, through the public mutation. */
export function seedVehicles(gateway: string, shop: SeededShop, token: string): Promise<{ customerId: string; vehicleId: string }[]> {
  return inBatches(shop.customerIds, 4, async (customerId) => {
    const added = await mustRequest<{ addVehicle: { id: string } }>(
      gateway,
      `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: 61000) { id } }`,
      { shopId: shop.id, customerId, vin: vin() },
      token,
    );
    return { customerId, vehicleId: added.addVehicle.id };
  });
}

/**
 * A vehicle for every customer of the shop, then `count` standard-template inspections spread over them,
 * each with the same results recorded, through the public mutations.
 */
export async function seedInspections(gateway: string, shop: SeededShop, token: string, count: number): Promise<void> {
  const vehicles = await seedVehicles(gateway, shop, token);
  await inBatches(Array.from({ length: count }, (_, i) => i), 8, async (i) => {
    const started = await mustRequest<{ startInspection: { id: string } }>(
      gateway,
      `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`,
      { input: { shopId: shop.id, ...vehicles[i % vehicles.length], templateId: 'tpl_standard', technicianId: shop.technicianIds[0] } },
      token,
    );
    await mustRequest(gateway, `mutation($id: ID!, $results: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $results) { id } }`, { id: started.startInspection.id, results: seededResults }, token);
  });
}
