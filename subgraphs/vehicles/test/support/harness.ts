import { randomUUID } from 'node:crypto';
import { startTestSubgraph, testConfig, testSigner, type TestSubgraph } from '@cip/platform/testing';
import type { StaffRole } from '@cip/platform';
import { createVehiclesSubgraph, type VehiclesApp, type VehiclesOptions } from '../../src/app';

/** vPIC client settings that make failures show within a test's patience. */
export const quickVpic: VehiclesOptions['vpic'] = {
  timeoutMs: 1_000,
  retries: 1,
  backoffMs: 20,
  requestsPerSecond: 1_000,
  burst: 1_000,
  breaker: { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 500, rollingWindowMs: 30_000 },
};

export interface VehiclesUnderTest extends TestSubgraph {
  app: VehiclesApp;
}

/** The vehicles subgraph against a throwaway database, talking to vPIC at `vpicUrl` (a local double or a dead port). */
export async function startVehicles(vpicUrl: string, options: VehiclesOptions = {}): Promise<VehiclesUnderTest> {
  // Alone, without the shops subgraph to ask about customers (the gateway's tests check them).
  const subgraph = await startTestSubgraph(createVehiclesSubgraph({ vpic: quickVpic, checkCustomers: false, ...options }), {
    config: testConfig('vehicles', { VPIC_BASE_URL: vpicUrl }),
  });
  return subgraph as VehiclesUnderTest;
}

export interface StaffSession {
  orgId: string;
  shopId: string;
  userId: string;
  token: string;
}

/** A staff token minted with the key every test service trusts: a user with `role` at a new shop (or the given ones). */
export async function staffSession(role: StaffRole = 'OWNER', shops: Record<string, StaffRole> = {}): Promise<StaffSession> {
  const orgId = randomUUID();
  const shopId = randomUUID();
  const userId = randomUUID();
  const { token } = await (await testSigner()).sign({ kind: 'staff', userId, orgId, roles: { [shopId]: role, ...shops } }, 900);
  return { orgId, shopId, userId, token };
}
