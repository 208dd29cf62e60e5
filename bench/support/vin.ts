import { expectedCheckDigit } from '../../subgraphs/vehicles/src/domain/vin';

let serial = 100_000 + Math.floor(Math.random() * 800_000);

/** A valid, unique VIN of one Ford model (the offline decoder knows it), for seeding vehicles. */
export function vin(): string {
  const raw = `1FTMW1T80MF${String(serial++).padStart(6, '0')}`;
  return `${raw.slice(0, 8)}${expectedCheckDigit(raw)}${raw.slice(9)}`;
}
