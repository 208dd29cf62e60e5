import { expectedCheckDigit } from '../../../subgraphs/vehicles/src/domain/vin';
import { must } from '@cip/shops/testing';
import type { TestPlatform } from './platform';

export { addCustomer, addShop, addStaff, linkToken, login, messagesTo, must, password, shopInput, signUp, type SeededOrg } from '@cip/shops/testing';

/** A VIN nobody used yet, with its check digit right. */
export function freshVin(): string {
  const draft = `1FTMW1T80MF${String(100_000 + Math.floor(Math.random() * 800_000))}`;
  return `${draft.slice(0, 8)}${expectedCheckDigit(draft)}${draft.slice(9)}`;
}

/** A vehicle of a shop's customer, added through the vehicles subgraph as staff add one. */
export async function addVehicle(platform: Pick<TestPlatform, 'execute'>, token: string, shopId: string, customerId: string): Promise<string> {
  const data = must(
    await platform.execute(`mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin) { id } }`, { shopId, customerId, vin: freshVin() }, { token }),
  );
  return data.addVehicle.id as string;
}
