import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope, SubgraphName } from '@cip/platform';
import { expectedCheckDigit } from '../../../subgraphs/vehicles/src/domain/vin';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addStaff, must, signUp, type SeededOrg } from '../support/seed';
import { requestSelects } from '../support/queries';
import { completed } from '../support/subscriptions';

let platform: TestPlatform;
let org: SeededOrg;
let other: SeededOrg;
let technician: { userId: string; token: string };
let advisor: { userId: string; token: string };

beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'vehicles', 'inspections'] });
  org = await signUp(platform, 'Inspection Flow Auto');
  other = await signUp(platform, 'Somewhere Else Motors');
  technician = await addStaff(platform, org, 'TECHNICIAN');
  advisor = await addStaff(platform, org, 'ADVISOR');
});
afterAll(() => platform?.close());

let serial = 100_000 + Math.floor(Math.random() * 800_000);
/** A valid F-150 VIN no other test used (a new serial number). */
function f150Vin(): string {
  const vin = `1FTMW1T80MF${String(serial++).padStart(6, '0')}`;
  return `${vin.slice(0, 8)}${expectedCheckDigit(vin)}${vin.slice(9)}`;
}

async function addVehicle(customerId: string): Promise<string> {
  const data = must(
    await platform.execute(
      `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: 48000) { id } }`,
      { shopId: org.shopId, customerId, vin: f150Vin() },
      { token: org.ownerToken },
    ),
  );
  return data.addVehicle.id;
}

const codeOf = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;

async function inspectionEvents(inspectionId: string): Promise<{ type: string; count: number; published: number }[]> {
  return platform.subgraphs.inspections!.runtime.db.dataSource.query(
    `SELECT type, count(*)::int AS count, count(published_at)::int AS published FROM inspections.outbox
     WHERE envelope->'data'->>'inspectionId' = $1 GROUP BY type ORDER BY type`,
    [inspectionId],
  );
}

describe('an inspection through the gateway', () => {
  it('runs from the technician to the customer and back to the shop, emitting each event exactly once', async () => {
    const onBus: EventEnvelope[] = [];
    const listener = await platform.bus.consume({ group: `test.inspection-flow.${randomUUID()}`, from: 'latest', ephemeral: true }, async (event) => {
      onBus.push(event);
    });
    const customerId = await addCustomer(platform, org.ownerToken, org.shopId, 'Casey');
    const vehicleId = await addVehicle(customerId);

    const started = must(
      await platform.execute(
        `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id status template { id name } vehicle { vin make model } customer { name } technician { name } } }`,
        { input: { shopId: org.shopId, vehicleId, customerId, templateId: 'tpl_standard', repairOrderNumber: 'RO-7731' } },
        { token: technician.token },
      ),
    ).startInspection;
    expect(started).toMatchObject({ status: 'IN_PROGRESS', template: { id: 'tpl_standard' }, vehicle: { make: 'FORD', model: 'F-150' }, customer: { name: 'Casey Driver' }, technician: { name: expect.stringMatching(/^Sam /) } });
    const id = started.id as string;

    const results = [
      { itemKey: 'tires.lf_tread', measurement: { value: 2, unit: 'INCH_32NDS' }, notes: 'Cords showing.' },
      { itemKey: 'tires.rf_tread', measurement: { value: 7, unit: 'INCH_32NDS' } },
      { itemKey: 'tires.lr_tread', measurement: { value: 8, unit: 'INCH_32NDS' } },
      { itemKey: 'tires.rr_tread', measurement: { value: 8, unit: 'INCH_32NDS' } },
      { itemKey: 'brakes.front_pads', measurement: { value: 3.5, unit: 'MILLIMETERS' } },
      { itemKey: 'battery.voltage', measurement: { value: 12.6, unit: 'VOLTS' } },
    ];
    const recorded = must(
      await platform.execute(
        `mutation($id: ID!, $results: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $results) { summary { green yellow red } items { key condition } } }`,
        { id, results },
        { token: technician.token },
      ),
    ).recordItemResults;
    expect(recorded.summary).toMatchObject({ green: 4, yellow: 1, red: 1 });
    const conditions = Object.fromEntries(recorded.items.map((i: any) => [i.key, i.condition]));
    expect(conditions).toMatchObject({ 'tires.lf_tread': 'RED', 'tires.rf_tread': 'GREEN', 'brakes.front_pads': 'YELLOW', 'battery.voltage': 'GREEN' });

    must(await platform.execute(`mutation($id: ID!) { completeInspection(id: $id) { status } }`, { id }, { token: technician.token }));
    const [tires, pads] = must(await platform.execute(`query($id: ID!) { inspection(id: $id) { recommendations { id title urgency } } }`, { id }, { token: advisor.token })).inspection.recommendations;
    expect([tires.title, tires.urgency, pads.title, pads.urgency]).toEqual(['Replace left front tire — 2/32 in, minimum 4/32 in', 'IMMEDIATE', 'Replace front brake pads — 3.5 mm, minimum 4 mm', 'SOON']);

    const price = `mutation($id: ID!, $input: RecommendationInput!) { updateRecommendation(id: $id, input: $input) { total { amountCents currency } } }`;
    expect(must(await platform.execute(price, { id: tires.id, input: { title: 'Replace front tires', partsCents: 18_000, quantity: 2, laborCents: 6_000, laborHours: 1 } }, { token: advisor.token })).updateRecommendation.total).toEqual({ amountCents: 42_000, currency: 'USD' });
    must(await platform.execute(price, { id: pads.id, input: { partsCents: 8_500, laborCents: 15_000, laborHours: 1.2 } }, { token: advisor.token }));
    const technicianPricing = await platform.execute(price, { id: pads.id, input: { partsCents: 1 } }, { token: technician.token });
    expect(codeOf(technicianPricing)).toBe('FORBIDDEN');

    const shareToken = must(await platform.execute(`mutation($id: ID!) { sendInspection(id: $id) { token } }`, { id }, { token: advisor.token })).sendInspection.token;

    const opened = must(await platform.execute(`mutation($t: String!) { openSharedInspection(token: $t) { accessToken inspection { id } } }`, { t: shareToken }));
    const customerToken = opened.openSharedInspection.accessToken as string;
    const report = must(
      await platform.execute(
        `query($id: ID!) { inspection(id: $id) { status vehicle { make model } customer { name } shop { name }
          summary { red yellow } items { key condition measurement notes } recommendations { id title total { amountCents } } approval { presentedTotal { amountCents } } } }`,
        { id },
        { token: customerToken },
      ),
    ).inspection;
    expect(report).toMatchObject({ status: 'SENT', vehicle: { make: 'FORD', model: 'F-150' }, customer: { name: 'Casey Driver' }, summary: { red: 1, yellow: 1 }, approval: { presentedTotal: { amountCents: 65_500 } } });
    expect(report.items.find((i: any) => i.key === 'tires.lf_tread')).toEqual({ key: 'tires.lf_tread', condition: 'RED', measurement: 2, notes: 'Cords showing.' });
    const listing = await platform.execute(`query($s: ID!) { shop(id: $s) { inspections { nodes { id } } } }`, { s: org.shopId }, { token: customerToken });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(listing));

    const decide = `mutation($id: ID!, $d: RecommendationDecision!) { decideRecommendation(id: $id, decision: $d) { decision } }`;
    must(await platform.execute(decide, { id: tires.id, d: 'APPROVED' }, { token: customerToken }));
    must(await platform.execute(decide, { id: pads.id, d: 'DECLINED' }, { token: customerToken }));
    expect(codeOf(await platform.execute(decide, { id: tires.id, d: 'DECLINED' }, { token: advisor.token }))).toBe('CONFLICT');
    // The last decision closed the inspection and, with it, the link: its customer token is refused from then on.
    expect(codeOf(await platform.execute(decide, { id: tires.id, d: 'DECLINED' }, { token: customerToken }))).toBe('UNAUTHENTICATED');

    const shopView = must(
      await platform.execute(
        `query($shopId: ID!) { shop(id: $shopId) { name inspections(first: 10) { nodes { id status customer { name } vehicle { vin }
          recommendations { title decision } approval { approvedCount declinedCount approvedTotal { amountCents currency } approvalRate } } } } }`,
        { shopId: org.shopId },
        { token: advisor.token },
      ),
    ).shop;
    const mine = shopView.inspections.nodes.find((n: any) => n.id === id);
    expect(mine).toMatchObject({
      status: 'CLOSED',
      customer: { name: 'Casey Driver' },
      recommendations: [
        { title: 'Replace front tires', decision: 'APPROVED' },
        { title: 'Replace front brake pads — 3.5 mm, minimum 4 mm', decision: 'DECLINED' },
      ],
      approval: { approvedCount: 1, declinedCount: 1, approvedTotal: { amountCents: 42_000, currency: 'USD' }, approvalRate: 42_000 / 65_500 },
    });

    const types = [
      'inspection.closed',
      'inspection.completed',
      'inspection.link_issued',
      'inspection.opened',
      'inspection.sent',
      'inspection.started',
      'recommendation.approved',
      'recommendation.declined',
    ];
    await expect.poll(() => inspectionEvents(id), { timeout: 10_000 }).toEqual(types.map((type) => ({ type, count: 1, published: 1 })));
    const delivered = () => onBus.filter((e) => (e.data as { inspectionId?: string }).inspectionId === id).map((e) => e.type).sort();
    await expect.poll(delivered, { timeout: 20_000 }).toEqual(types);
    // The bus delivers in publish order: once a marker published after them arrives, every copy has too.
    // It belongs to no real shop, so no count of this organization's changes.
    const marker = completed({ ...org, orgId: randomUUID(), shopId: randomUUID() }, 0);
    await platform.bus.publish([marker]);
    await expect.poll(() => onBus.some((e) => e.id === marker.id), { timeout: 20_000 }).toBe(true);
    expect(delivered()).toEqual(types);
    await listener.close();
  });

  it("keeps it within the shop: another organization's staff see nothing, while the shop finds it on the customer and the vehicle", async () => {
    const customerId = await addCustomer(platform, org.ownerToken, org.shopId, 'Robin');
    const vehicleId = await addVehicle(customerId);
    const start = `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`;
    const id = must(await platform.execute(start, { input: { shopId: org.shopId, vehicleId, customerId } }, { token: technician.token })).startInspection.id;

    expect(codeOf(await platform.execute(`query($id: ID!) { inspection(id: $id) { id } }`, { id }, { token: other.ownerToken }))).toBe('NOT_FOUND');
    expect(codeOf(await platform.execute(`query($s: ID!) { shop(id: $s) { inspections { nodes { id } } } }`, { s: org.shopId }, { token: other.ownerToken }))).toBe('NOT_FOUND');
    const vehicle = await platform.execute(`query($id: ID!) { vehicle(id: $id) { inspections { id } } }`, { id: vehicleId }, { token: other.ownerToken });
    expect(codeOf(vehicle)).toBe('NOT_FOUND');
    const mineThroughCustomer = must(await platform.execute(`query($id: ID!) { customer(id: $id) { inspections { id } vehicles { inspections { id template { id } } } } }`, { id: customerId }, { token: org.ownerToken }));
    expect(mineThroughCustomer.customer.inspections).toEqual([{ id }]);
    expect(mineThroughCustomer.customer.vehicles[0].inspections).toEqual([{ id, template: { id: expect.stringMatching(/^tpl_/) } }]);
  });

  it("starts with the vehicle's recommended template when none is given", async () => {
    const customerId = await addCustomer(platform, org.ownerToken, org.shopId, 'Jo');
    const vehicleId = await addVehicle(customerId);
    const projection = platform.subgraphs.inspections!.runtime.db.dataSource;
    await expect.poll(async () => (await projection.query(`SELECT template_id FROM inspections.vehicle_template WHERE vehicle_id = $1`, [vehicleId]))[0]?.template_id, { timeout: 10_000 }).toBe('tpl_light_truck');
    const started = must(await platform.execute(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { template { id } vehicle { recommendedTemplate { id } } } }`, { input: { shopId: org.shopId, vehicleId, customerId } }, { token: technician.token }));
    expect(started.startInspection).toEqual({ template: { id: 'tpl_light_truck' }, vehicle: { recommendedTemplate: { id: 'tpl_light_truck' } } });
  });

  it('lists 100 inspections with items, vehicle and customer in one SQL query per entity type per subgraph', async () => {
    const vehicles: { customerId: string; vehicleId: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const customerId = await addCustomer(platform, org.ownerToken, org.shopId, `Pat${i}`);
      vehicles.push({ customerId, vehicleId: await addVehicle(customerId) });
    }
    const start = `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`;
    for (let i = 0; i < 100; i++) must(await platform.execute(start, { input: { shopId: org.shopId, ...vehicles[i % 10], templateId: 'tpl_standard' } }, { token: technician.token }));

    const names: SubgraphName[] = ['shops', 'vehicles', 'inspections'];
    const captures = names.map((name) => platform.subgraphs[name]!.runtime.db.queryLog.capture());
    const result = await platform.execute(
      `query($shopId: ID!) { shop(id: $shopId) { inspections(first: 100) { nodes { id status summary { red }
        items { key condition measurement } vehicle { vin make model } customer { name phone } } } } }`,
      { shopId: org.shopId },
      { token: advisor.token },
    );
    const counts = Object.fromEntries(names.map((name, i) => [name, requestSelects(captures[i].stop())]));
    expect(result.errors).toBeUndefined();
    expect(result.data!.shop.inspections.nodes).toHaveLength(100);
    expect(result.data!.shop.inspections.nodes.every((n: any) => n.items.length > 20 && n.vehicle.make === 'FORD' && n.customer.name)).toBe(true);
    expect(counts.inspections).toEqual({ 'inspections.inspection': 1, 'inspections.inspection_item': 1 });
    expect(counts.shops).toEqual({ 'shops.shop': 1, 'shops.customer': 1 });
    expect(Object.values(counts.vehicles).every((n) => n === 1)).toBe(true);
    expect(counts.vehicles['vehicles.vehicle']).toBe(1);
  });

  it('reads the shop board (every shop, 50 inspections, customer, vehicle, summary) in one SQL query per entity type per subgraph, the summaries counting the items', async () => {
    const customerId = await addCustomer(platform, org.ownerToken, org.shopId, 'Board');
    const vehicleId = await addVehicle(customerId);
    const results = [
      [{ itemKey: 'tires.lf_tread', measurement: { value: 3, unit: 'INCH_32NDS' } }, { itemKey: 'fluids.engine_oil', condition: 'GREEN' }],
      [{ itemKey: 'tires.rf_tread', measurement: { value: 7, unit: 'INCH_32NDS' } }],
      [],
    ];
    for (const recorded of results) {
      const started = must(await platform.execute(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { shopId: org.shopId, vehicleId, customerId, templateId: 'tpl_standard' } }, { token: technician.token }));
      if (recorded.length) must(await platform.execute(`mutation($id: ID!, $results: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $results) { id } }`, { id: started.startInspection.id, results: recorded }, { token: technician.token }));
    }

    const names: SubgraphName[] = ['shops', 'vehicles', 'inspections'];
    const captures = names.map((name) => platform.subgraphs[name]!.runtime.db.queryLog.capture());
    const board = must(
      await platform.execute(
        `{ shops { id name inspections(first: 50) { nodes { id status createdAt customer { id name } vehicle { id make model plate } summary { green yellow red notInspected total } } } } }`,
        {},
        { token: org.ownerToken },
      ),
    );
    const counts = Object.fromEntries(names.map((name, i) => [name, requestSelects(captures[i].stop())]));
    const nodes: { id: string; customer: { name: string }; vehicle: { make: string }; summary: Record<string, number> }[] = board.shops[0].inspections.nodes;
    expect(nodes).toHaveLength(50);
    expect(nodes.every((n) => n.customer.name && n.vehicle.make === 'FORD')).toBe(true);
    expect(counts.inspections).toEqual({ 'inspections.inspection': 1, 'inspections.inspection_item': 1 });
    expect(counts.shops).toEqual({ 'shops.shop': 1, 'shops.customer': 1 });
    expect(counts.vehicles).toEqual({ 'vehicles.vehicle': 1 });

    const listed = must(await platform.execute(`{ shops { inspections(first: 50) { nodes { id items { condition } } } } }`, {}, { token: org.ownerToken }));
    const counted = (items: { condition: string }[]) => {
      const of = (condition: string) => items.filter((item) => item.condition === condition).length;
      return { green: of('GREEN'), yellow: of('YELLOW'), red: of('RED'), notInspected: of('NOT_INSPECTED'), total: items.length };
    };
    const expected = new Map(listed.shops[0].inspections.nodes.map((n: { id: string; items: { condition: string }[] }) => [n.id, counted(n.items)]));
    expect(nodes.map((n) => n.summary)).toEqual(nodes.map((n) => expected.get(n.id)));
    expect(new Set(nodes.slice(0, 3).map((n) => JSON.stringify(n.summary))).size).toBe(3);
  });
});
