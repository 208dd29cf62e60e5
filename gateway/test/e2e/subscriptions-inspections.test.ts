import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, must, signUp, type SeededOrg } from '../support/seed';
import { clients, collect, connect } from '../support/subscriptions';

let platform: TestPlatform;
let orgA: SeededOrg;
let orgB: SeededOrg;
let customerId: string;
let vehicleId: string;

const inspectionUpdates = `subscription($shopId: ID!) {
  inspectionUpdated(shopId: $shopId) { id status vehicle { make model } customer { name } shop { name } }
}`;
const decisions = `subscription($shopId: ID!) {
  recommendationDecided(shopId: $shopId) { id decision inspection { id customer { name } } }
}`;

const results = [
  { itemKey: 'tires.lf_tread', measurement: { value: 2, unit: 'INCH_32NDS' } },
  { itemKey: 'brakes.front_pads', measurement: { value: 2, unit: 'MILLIMETERS' } },
  { itemKey: 'fluids.engine_oil', condition: 'GREEN' },
];

beforeAll(async () => {
  platform = await startTestPlatform();
  orgA = await signUp(platform, 'Alpha Auto');
  orgB = await signUp(platform, 'Bravo Brakes');
  customerId = await addCustomer(platform, orgA.ownerToken, orgA.shopId, 'Casey');
  const vehicle = must(
    await platform.execute(
      `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: 42000) { id make } }`,
      { shopId: orgA.shopId, customerId, vin: '1FTMW1T88MFA00001' },
      { token: orgA.ownerToken },
    ),
  );
  vehicleId = vehicle.addVehicle.id;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
});

describe('inspection subscriptions through the gateway', () => {
  it('delivers the completed inspection and the approval, with the vehicle and customer other subgraphs own, and nothing to another organization', async () => {
    const owner = connect(platform.gatewayUrl, orgA.ownerToken);
    const inspections = collect(owner, inspectionUpdates, { shopId: orgA.shopId });
    const decided = collect(owner, decisions, { shopId: orgA.shopId });
    const outsider = connect(platform.gatewayUrl, orgB.ownerToken);
    const outsiderInspections = collect(outsider, inspectionUpdates, { shopId: orgB.shopId });
    const outsiderDecisions = collect(outsider, decisions, { shopId: orgB.shopId });
    const token = { token: orgA.ownerToken };

    // The upstream streams open asynchronously: start inspections until an update for one of them arrives (one
    // started before the stream opened upstream never does; one that arrives late still counts).
    let started = null;
    const startedIds = new Set<string>();
    for (let i = 0; i < 30 && !started; i++) {
      startedIds.add(must(await platform.execute(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { shopId: orgA.shopId, vehicleId, customerId } }, token)).startInspection.id);
      started = await inspections.next((r) => startedIds.has(r.data?.inspectionUpdated.id), 1_000);
    }
    expect(started, 'an update for a started inspection').not.toBeNull();
    const inspectionId: string = started!.result.data.inspectionUpdated.id;

    must(await platform.execute(`mutation($id: ID!, $results: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $results) { id } }`, { id: inspectionId, results }, token));
    must(await platform.execute(`mutation($id: ID!) { completeInspection(id: $id) { id } }`, { id: inspectionId }, token));
    const completed = await inspections.next((r) => r.data?.inspectionUpdated.id === inspectionId && r.data.inspectionUpdated.status === 'COMPLETED', 20_000);
    expect(completed, 'the completed inspection').not.toBeNull();
    expect(completed!.result.errors).toBeUndefined();
    expect(completed!.result.data.inspectionUpdated).toMatchObject({
      status: 'COMPLETED',
      vehicle: { make: expect.stringMatching(/ford/i) },
      customer: { name: 'Casey Driver' },
      shop: { name: 'Alpha Auto Downtown' },
    });

    const recommendations = must(await platform.execute(`query($id: ID!) { inspection(id: $id) { recommendations { id } } }`, { id: inspectionId }, token)).inspection.recommendations as { id: string }[];
    for (const r of recommendations) {
      must(await platform.execute(`mutation($id: ID!, $input: RecommendationInput!) { updateRecommendation(id: $id, input: $input) { id } }`, { id: r.id, input: { partsCents: 10_000, laborCents: 5_000, laborHours: 1, quantity: 1 } }, token));
    }
    must(await platform.execute(`mutation($id: ID!) { sendInspection(id: $id) { token } }`, { id: inspectionId }, token));
    must(await platform.execute(`mutation($id: ID!) { decideRecommendation(id: $id, decision: APPROVED) { id } }`, { id: recommendations[0].id }, token));
    const approval = await decided.next((r) => r.data?.recommendationDecided.id === recommendations[0].id, 20_000);
    expect(approval, 'the approved recommendation').not.toBeNull();
    expect(approval!.result.data.recommendationDecided).toEqual({ id: recommendations[0].id, decision: 'APPROVED', inspection: { id: inspectionId, customer: { name: 'Casey Driver' } } });

    // Bravo's own inspection, started after every change above, reaches Bravo after them (one feed, in order):
    // what Bravo saw of Alpha by then is all it will ever see.
    const bravoCustomer = await addCustomer(platform, orgB.ownerToken, orgB.shopId, 'Robin');
    const bravoVehicle = must(
      await platform.execute(
        `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: 1000) { id } }`,
        { shopId: orgB.shopId, customerId: bravoCustomer, vin: '1FTMW1T88MFA00001' },
        { token: orgB.ownerToken },
      ),
    ).addVehicle.id;
    const bravoStart = must(
      await platform.execute(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { shopId: orgB.shopId, vehicleId: bravoVehicle, customerId: bravoCustomer } }, { token: orgB.ownerToken }),
    ).startInspection.id;
    expect(await outsiderInspections.next((r) => r.data?.inspectionUpdated.id === bravoStart, 20_000)).not.toBeNull();
    expect(outsiderInspections.results.filter((r) => r.result.data?.inspectionUpdated.id !== bravoStart)).toEqual([]);
    expect(outsiderDecisions.results).toEqual([]);
  });
});
