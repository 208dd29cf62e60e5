import { afterAll, beforeAll } from 'vitest';
import type { StaffRole } from '@cip/platform';
import type { VehiclesOptions } from '../../src/app';
import { staffSession, startVehicles, type StaffSession, type VehiclesUnderTest } from './harness';
import { startVpicDouble, type VpicDouble } from './vpic-double';

export interface DoubleBed {
  double: VpicDouble;
  vehicles: VehiclesUnderTest;
  staff: StaffSession;
}

/**
 * For one describe block: a fresh vPIC double, the subgraph talking to it with `options`, and a staff
 * session with `role`, started before the block's tests and closed after them.
 */
export function useVehiclesWithDouble(options: VehiclesOptions, role?: StaffRole): DoubleBed {
  const bed = {} as DoubleBed;
  beforeAll(async () => {
    bed.double = await startVpicDouble();
    bed.vehicles = await startVehicles(bed.double.url, options);
    bed.staff = await staffSession(role);
  });
  afterAll(async () => {
    await bed.vehicles.close();
    await bed.double.close();
  });
  return bed;
}
