import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPartnerKey, withPartners, type SeededPartnerKey } from '../integration/support';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, must, signUp, type SeededOrg } from '../support/seed';
import { clients, collect, connect } from '../support/subscriptions';
import { expectNothingLeaked } from './leaks';

/**
 * Issue 11.1: no error on one subscription stream may reach the process. Each attack runs against the whole
 * platform in this process: an error escaping to the process is recorded here (and fails the run), and after
 * every attack the gateway and the subgraphs must still answer and another subscriber still receive events.
 */
let platform: TestPlatform;
let org: SeededOrg;
let foreign: SeededOrg;
let customerToken: string;
let partner: SeededPartnerKey;
let vehicleId: string;
let customerId: string;
const escaped: unknown[] = [];
const record = (error: unknown) => escaped.push(error);

const inspectionUpdates = `subscription($shopId: ID!) { inspectionUpdated(shopId: $shopId) { id status shop { name } } }`;

beforeAll(async () => {
  process.on('uncaughtExceptionMonitor', record);
  process.on('unhandledRejection', record);
  platform = await startTestPlatform({ only: withPartners });
  org = await signUp(platform, 'Guarded Garage');
  foreign = await signUp(platform, 'Other Org Motors');
  partner = await seedPartnerKey(platform, org);
  customerId = await addCustomer(platform, org.ownerToken, org.shopId, 'Casey');
  vehicleId = must(
    await platform.execute(
      `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: 42000) { id } }`,
      { shopId: org.shopId, customerId, vin: '1FTMW1T88MFA00001' },
      { token: org.ownerToken },
    ),
  ).addVehicle.id;
  const token = { token: org.ownerToken };
  const inspectionId = await startInspection();
  must(
    await platform.execute(
      `mutation($id: ID!, $results: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $results) { id } }`,
      { id: inspectionId, results: [{ itemKey: 'tires.lf_tread', measurement: { value: 2, unit: 'INCH_32NDS' } }] },
      token,
    ),
  );
  must(await platform.execute(`mutation($id: ID!) { completeInspection(id: $id) { id } }`, { id: inspectionId }, token));
  const share = must(await platform.execute(`mutation($id: ID!) { sendInspection(id: $id) { token } }`, { id: inspectionId }, token)).sendInspection.token;
  customerToken = must(await platform.execute(`mutation($t: String!) { openSharedInspection(token: $t) { accessToken } }`, { t: share })).openSharedInspection.accessToken;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
  process.off('uncaughtExceptionMonitor', record);
  process.off('unhandledRejection', record);
});

async function startInspection(): Promise<string> {
  const data = must(
    await platform.execute(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { shopId: org.shopId, vehicleId, customerId } }, { token: org.ownerToken }),
  );
  return data.startInspection.id as string;
}

/** Subscribes, and waits for the stream to end: its first error, or its completion with whatever it yielded. */
function attack(connectionParams: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
  const client = connect(platform.gatewayUrl, null, undefined, connectionParams);
  return new Promise<{ errors: { message: string; extensions?: Record<string, unknown> }[]; results: unknown[] }>((resolve) => {
    const results: unknown[] = [];
    client.subscribe(
      { query, variables },
      {
        next: (result) => {
          results.push(result);
          if (result.errors) resolve({ errors: result.errors as never, results });
        },
        error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String((error as { reason?: string }).reason ?? error) }], results }),
        complete: () => resolve({ errors: [], results }),
      },
    );
  });
}

/** The platform still serves queries, and a subscriber that did nothing wrong still receives its shop's events. */
async function expectPlatformServing() {
  expect((await fetch(new URL('/healthz', platform.gatewayUrl))).status).toBe(200);
  for (const subgraph of Object.values(platform.subgraphs)) expect((await fetch(new URL('/healthz', subgraph!.url))).status).toBe(200);
  expect(must(await platform.execute(`{ me { id } }`, {}, { token: org.ownerToken })).me.id).toBe(org.ownerId);
  const bystander = collect(connect(platform.gatewayUrl, org.ownerToken), inspectionUpdates, { shopId: org.shopId });
  let received = null;
  // The upstream stream opens asynchronously: start inspections until one arrives (one that arrives late still counts).
  const started = new Set<string>();
  for (let attempt = 0; attempt < 40 && !received; attempt++) {
    started.add(await startInspection());
    received = await bystander.next((r) => started.has(r.data?.inspectionUpdated.id), 1_000);
  }
  bystander.stop();
  expect(received?.result.data.inspectionUpdated).toMatchObject({ status: 'IN_PROGRESS', shop: { name: 'Guarded Garage Downtown' } });
  expect(escaped).toEqual([]);
}

describe('subscription attacks through the gateway', () => {
  it("closes a customer share-link token's subscription to its own shop's decisions with a coded error, and the platform keeps serving", async () => {
    const { errors } = await attack(
      { authorization: `Bearer ${customerToken}` },
      `subscription($shopId: ID!) { recommendationDecided(shopId: $shopId) { id decision } }`,
      { shopId: org.shopId },
    );
    // The field is for the shop's staff only: the subgraph answers as for a shop that does not exist.
    expect(errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expectNothingLeaked(errors);
    await expectPlatformServing();
  });

  it.each([
    ['a shop of another organization', () => foreign.shopId],
    ['a random id', () => randomUUID()],
  ])('refuses a root field inside an inline fragment for %s with NOT_FOUND before forwarding it', async (_label, shopId) => {
    const aliasedInFragment = `subscription($shopId: ID!) { ... on Subscription { ... { watch: inspectionUpdated(shopId: $shopId) { id } } } }`;
    const { errors, results } = await attack({ authorization: `Bearer ${org.ownerToken}` }, aliasedInFragment, { shopId: shopId() });
    expect(results).toEqual([]);
    expect(errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expectNothingLeaked(errors);
    await expectPlatformServing();
  });

  it('refuses a named fragment spread holding an inline shop id of another organization', async () => {
    const { errors } = await attack(
      { authorization: `Bearer ${org.ownerToken}` },
      `subscription { ...Watch } fragment Watch on Subscription { inspectionUpdated(shopId: "${foreign.shopId}") { id } }`,
    );
    expect(errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    await expectPlatformServing();
  });

  it('refuses an ad-hoc subscription sent with a partner API key like any non-persisted operation', async () => {
    const { errors, results } = await attack({ 'x-api-key': partner.secret }, inspectionUpdates, { shopId: org.shopId });
    expect(results).toEqual([]);
    expect(errors.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    expectNothingLeaked(errors);
    await expectPlatformServing();
  });
});
