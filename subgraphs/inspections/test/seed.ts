import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { buildEvent, enqueueEvents, type StaffRole } from '@cip/platform';
import { testSigner, type TestSubgraph } from '@cip/platform/testing';

/** Anything that runs an operation: the subgraph in-process here, the gateway over HTTP end to end. */
export interface Executor {
  execute(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<{ data?: Record<string, any> | null; errors?: readonly any[] }>;
}

export function must(result: { data?: Record<string, any> | null; errors?: readonly unknown[] }): Record<string, any> {
  if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

export interface Staff {
  userId: string;
  token: string;
}

export interface SeededShop {
  orgId: string;
  shopId: string;
  owner: Staff;
  advisor: Staff;
  technician: Staff;
  /** Another staff member with `role` at this shop. */
  staff(role: StaffRole): Promise<Staff>;
}

/**
 * An organization with one shop and its owner, advisor and technician. The shops subgraph owns staff,
 * so tests of this subgraph alone sign staff tokens with the key every test service trusts.
 */
export async function seedShop(): Promise<SeededShop> {
  const signer = await testSigner();
  const orgId = randomUUID();
  const shopId = randomUUID();
  const staff = async (role: StaffRole): Promise<Staff> => {
    const userId = randomUUID();
    const { token } = await signer.sign({ kind: 'staff', userId, orgId, roles: { [shopId]: role } }, 900);
    return { userId, token };
  };
  return { orgId, shopId, owner: await staff('OWNER'), advisor: await staff('ADVISOR'), technician: await staff('TECHNICIAN'), staff };
}

export const startMutation = `mutation($input: StartInspectionInput!) {
  startInspection(input: $input) { id status templateVersion template { id } technician { id } items { key kind unit condition } }
}`;

export async function startInspection(
  platform: Executor,
  shop: SeededShop,
  options: { vehicleId?: string; customerId?: string; templateId?: string; token?: string; draft?: boolean } = {},
) {
  const data = must(
    await platform.execute(
      startMutation,
      {
        input: {
          shopId: shop.shopId,
          vehicleId: options.vehicleId ?? randomUUID(),
          customerId: options.customerId ?? randomUUID(),
          templateId: options.templateId,
          draft: options.draft,
          repairOrderNumber: 'RO-1001',
        },
      },
      { token: options.token ?? shop.technician.token },
    ),
  );
  return data.startInspection as { id: string; status: string; templateVersion: number; template: { id: string }; items: { key: string; kind: string; unit: string | null; condition: string }[] };
}

export const recordMutation = `mutation($id: ID!, $results: [InspectionItemResultInput!]!) {
  recordItemResults(inspectionId: $id, results: $results) { id summary { green yellow red notInspected total } }
}`;

/** The standard template's tires and front pads: two reds, one yellow, the rest green. */
export const standardResults = [
  { itemKey: 'tires.lf_tread', measurement: { value: 2, unit: 'INCH_32NDS' }, notes: 'Cords showing on the inner edge.' },
  { itemKey: 'tires.rf_tread', measurement: { value: 3, unit: 'INCH_32NDS' } },
  { itemKey: 'tires.lr_tread', measurement: { value: 7, unit: 'INCH_32NDS' } },
  { itemKey: 'tires.rr_tread', measurement: { value: 7, unit: 'INCH_32NDS' } },
  { itemKey: 'brakes.front_pads', measurement: { value: 2, unit: 'MILLIMETERS' } },
  { itemKey: 'fluids.engine_oil', condition: 'GREEN' },
];

export async function runToCompleted(platform: Executor, shop: SeededShop, options: Parameters<typeof startInspection>[2] = {}) {
  const started = await startInspection(platform, shop, options);
  must(await platform.execute(recordMutation, { id: started.id, results: standardResults }, { token: shop.technician.token }));
  must(await platform.execute(`mutation($id: ID!) { completeInspection(id: $id) { id } }`, { id: started.id }, { token: shop.technician.token }));
  const data = must(
    await platform.execute(`query($id: ID!) { inspection(id: $id) { recommendations { id title urgency } } }`, { id: started.id }, { token: shop.advisor.token }),
  );
  return { id: started.id, recommendations: data.inspection.recommendations as { id: string; title: string; urgency: string }[] };
}

export const priceMutation = `mutation($id: ID!, $input: RecommendationInput!) {
  updateRecommendation(id: $id, input: $input) { id total { amountCents currency } }
}`;

/** Prices every recommendation, sends the inspection and returns the share token. */
export async function runToSent(platform: Executor, shop: SeededShop, options: Parameters<typeof startInspection>[2] = {}) {
  const completed = await runToCompleted(platform, shop, options);
  for (const [index, r] of completed.recommendations.entries()) {
    must(await platform.execute(priceMutation, { id: r.id, input: { partsCents: 10_000 + index * 1_000, laborCents: 5_000, laborHours: 1, quantity: 1 } }, { token: shop.advisor.token }));
  }
  const sent = must(
    await platform.execute(`mutation($id: ID!) { sendInspection(id: $id) { token expiresAt inspection { status } } }`, { id: completed.id }, { token: shop.advisor.token }),
  );
  return { ...completed, shareToken: sent.sendInspection.token as string };
}

export async function openShare(platform: Executor, token: string): Promise<string> {
  const data = must(await platform.execute(`mutation($t: String!) { openSharedInspection(token: $t) { accessToken } }`, { t: token }));
  return data.openSharedInspection.accessToken;
}

export async function outbox(subgraph: TestSubgraph, inspectionId?: string): Promise<{ type: string; envelope: any }[]> {
  return subgraph.runtime.db.dataSource.query(
    `SELECT type, envelope FROM inspections.outbox WHERE $1::text IS NULL OR envelope->'data'->>'inspectionId' = $1 ORDER BY seq`,
    [inspectionId ?? null],
  );
}

/**
 * Tells the subgraph the shop's labor rate the way production does, with a shops event on the bus
 * (published through this subgraph's outbox), and waits until the projection holds it.
 */
export async function publishShopRate(subgraph: TestSubgraph, shop: SeededShop, laborRateCents: number, options: { at?: Date; type?: 'shop.created' | 'shop.updated'; currency?: string } = {}) {
  const at = options.at ?? new Date();
  const about = { orgId: shop.orgId, shopId: shop.shopId, subjectId: shop.shopId, occurredAt: at };
  const data = { name: 'Test Auto', timezone: 'America/Chicago', currency: options.currency ?? 'USD', laborRateCents };
  const event = buildEvent(options.type ?? 'shop.created', { ...about, data });
  await subgraph.runtime.db.dataSource.transaction((manager) => enqueueEvents(manager, 'inspections', [event]));
  await expect
    .poll(async () => (await subgraph.runtime.db.dataSource.query(`SELECT 1 FROM inspections.processed_events WHERE event_id = $1`, [event.id])).length, { timeout: 20_000 })
    .toBe(1);
}

/** The code of a result's first error, or undefined when it has none. */
export const codeOf = (result: { errors?: readonly any[] }) => result.errors?.[0]?.extensions?.code;
