import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectsByTable } from '@cip/platform';
import { unreachableUrl } from './support/vpic-double';
import { staffSession, startVehicles, type StaffSession, type VehiclesUnderTest } from './support/harness';
import { freshVin, sampleVins } from './support/vins';

let vehicles: VehiclesUnderTest;
let owner: StaffSession;
beforeAll(async () => {
  vehicles = await startVehicles(await unreachableUrl());
  owner = await staffSession('OWNER');
});
afterAll(() => vehicles.close());

const addVehicleMutation = /* GraphQL */ `
  mutation Add($shopId: ID!, $customerId: ID!, $vin: String!, $mileage: Int, $plate: String, $plateState: String, $accept: Boolean) {
    addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: $mileage, plate: $plate, plateState: $plateState, acceptCheckDigitMismatch: $accept) {
      id vin year make model bodyClass fuelType plate plateState currentMileage templateCategory
      recommendedTemplate { id }
      customer { id }
      shop { id }
      dataSources { source }
    }
  }
`;

async function addVehicle(session: StaffSession, vin: string, extra: Record<string, unknown> = {}) {
  return vehicles.execute(addVehicleMutation, { shopId: session.shopId, customerId: randomUUID(), vin, ...extra }, { token: session.token });
}

async function counts() {
  const [row] = await vehicles.runtime.db.dataSource.query(
    `SELECT (SELECT count(*) FROM vehicles.vehicle)::int AS vehicles, (SELECT count(*) FROM vehicles.decoded_vin)::int AS decoded,
            (SELECT count(*) FROM vehicles.outbox)::int AS events, (SELECT count(*) FROM vehicles.mileage_reading)::int AS readings`,
  );
  return row as { vehicles: number; decoded: number; events: number; readings: number };
}

async function eventsFor(vehicleId: string) {
  const rows: { envelope: { type: string; shopId: string; subject: { typename: string; id: string }; data: Record<string, unknown> } }[] =
    await vehicles.runtime.db.dataSource.query(`SELECT envelope FROM vehicles.outbox WHERE envelope->'subject'->>'id' = $1 ORDER BY seq`, [vehicleId]);
  return rows.map((r) => r.envelope);
}

describe('adding a vehicle', () => {
  it('decodes the VIN and stores the vehicle with its first odometer reading, publishing vehicle.added', async () => {
    const customerId = randomUUID();
    const vin = freshVin(sampleVins.f150);
    const result = await vehicles.execute(
      addVehicleMutation,
      { shopId: owner.shopId, customerId, vin, mileage: 42_180, plate: ' abc-1234 ', plateState: 'co' },
      { token: owner.token },
    );
    expect(result.errors).toBeUndefined();
    const vehicle = result.data!.addVehicle;
    expect(vehicle).toMatchObject({
      vin,
      year: 2021,
      make: 'FORD',
      model: 'F-150',
      bodyClass: 'Pickup',
      fuelType: 'GASOLINE',
      plate: 'ABC-1234',
      plateState: 'CO',
      currentMileage: 42_180,
      templateCategory: 'LIGHT_TRUCK',
      recommendedTemplate: { id: 'tpl_light_truck' },
      customer: { id: customerId },
      shop: { id: owner.shopId },
    });
    expect(vehicle.dataSources.map((s: { source: string }) => s.source)).toEqual(['VIN', 'OFFLINE_VPIC']);
    const [added] = await eventsFor(vehicle.id);
    expect(added).toMatchObject({
      type: 'vehicle.added',
      shopId: owner.shopId,
      subject: { typename: 'Vehicle', id: vehicle.id },
      data: { vehicleId: vehicle.id, customerId, vin, year: 2021, make: 'FORD', model: 'F-150', recommendedTemplateId: 'tpl_light_truck' },
    });
  });

  it('keeps mileage readings over time, oldest first, and rejects a negative reading', async () => {
    const { data } = await addVehicle(owner, freshVin(sampleVins.camry), { mileage: 10_000 });
    const id = data!.addVehicle.id;
    const record = `mutation($id: ID!, $miles: Int!) { recordVehicleMileage(vehicleId: $id, mileage: $miles) { currentMileage mileageReadings { miles recordedAt } } }`;
    const later = await vehicles.execute(record, { id, miles: 15_500 }, { token: owner.token });
    expect(later.data!.recordVehicleMileage.currentMileage).toBe(15_500);
    expect(later.data!.recordVehicleMileage.mileageReadings.map((r: { miles: number }) => r.miles)).toEqual([10_000, 15_500]);
    const negative = await vehicles.execute(record, { id, miles: -1 }, { token: owner.token });
    expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an odometer reading below the highest one, naming the field and recording nothing', async () => {
    const { data } = await addVehicle(owner, freshVin(sampleVins.camry), { mileage: 20_000 });
    const id = data!.addVehicle.id;
    const record = `mutation($id: ID!, $miles: Int!) { recordVehicleMileage(vehicleId: $id, mileage: $miles) { mileageReadings { miles } } }`;
    const backwards = await vehicles.execute(record, { id, miles: 19_999 }, { token: owner.token });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'mileage', message: 'must not be less than the last reading (20000 miles)' }] });
    const same = await vehicles.execute(record, { id, miles: 20_000 }, { token: owner.token });
    expect(same.data!.recordVehicleMileage.mileageReadings.map((r: { miles: number }) => r.miles)).toEqual([20_000, 20_000]);
  });

  it('refuses a second vehicle with the same VIN at the same shop with CONFLICT', async () => {
    const vin = freshVin(sampleVins.camry);
    const first = await addVehicle(owner, vin);
    const second = await addVehicle(owner, vin);
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', vehicleId: first.data!.addVehicle.id });
  });

  it('adds a VIN sent twice at once only once, answering the other with CONFLICT', async () => {
    const vin = freshVin(sampleVins.camry);
    const results = await Promise.all([addVehicle(owner, vin), addVehicle(owner, vin), addVehicle(owner, vin)]);
    const added = results.filter((r) => r.data?.addVehicle);
    expect(added).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions)).toEqual([
      expect.objectContaining({ code: 'CONFLICT', vehicleId: added[0].data!.addVehicle.id }),
      expect.objectContaining({ code: 'CONFLICT', vehicleId: added[0].data!.addVehicle.id }),
    ]);
  });

  it('refuses a wrong check digit with CHECK_DIGIT_MISMATCH and the expected digit, unless the caller accepts it', async () => {
    const good = freshVin(sampleVins.camry);
    const wrong = `${good.slice(0, 8)}${good[8] === '0' ? '1' : '0'}${good.slice(9)}`;
    const before = await counts();
    const refused = await addVehicle(owner, wrong);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CHECK_DIGIT_MISMATCH', expectedCheckDigit: good[8] });
    expect(await counts()).toEqual(before);
    const accepted = await addVehicle(owner, wrong, { accept: true });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.addVehicle.model).toBe('Camry');
  });

  it('answers NOT_FOUND for a shop where the caller holds no role', async () => {
    const stranger = await staffSession('OWNER');
    const result = await vehicles.execute(addVehicleMutation, { shopId: owner.shopId, customerId: randomUUID(), vin: freshVin(sampleVins.camry) }, { token: stranger.token });
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('template selection', () => {
  it.each([
    ['a battery-electric Tesla Model 3', 'EV_HYBRID', 'tpl_ev_hybrid', sampleVins.teslaModel3, 'ELECTRIC'],
    ['a plug-in hybrid Prius Prime', 'EV_HYBRID', 'tpl_ev_hybrid', sampleVins.priusPrime, 'PLUG_IN_HYBRID'],
    ['a diesel Ram 2500 pickup', 'DIESEL', 'tpl_diesel', sampleVins.ram2500Diesel, 'DIESEL'],
    ['a Harley-Davidson motorcycle', 'MOTORCYCLE', 'tpl_motorcycle', sampleVins.harley, 'GASOLINE'],
    ['a Camry sedan', 'STANDARD', 'tpl_standard', sampleVins.camry, 'GASOLINE'],
    ['a gasoline F-150 4x4 pickup', 'LIGHT_TRUCK', 'tpl_light_truck', sampleVins.f150, 'GASOLINE'],
  ])('gives %s the %s category and the %s template', async (_label, category, templateId, vin, fuel) => {
    const shop = await staffSession('ADVISOR');
    const { data, errors } = await addVehicle(shop, vin);
    expect(errors).toBeUndefined();
    expect(data!.addVehicle).toMatchObject({ templateCategory: category, recommendedTemplate: { id: templateId }, fuelType: fuel });
    const decoded = await vehicles.execute(`query($vin: String!) { decodeVin(vin: $vin) { recommendedTemplate { id } } }`, { vin }, { token: shop.token });
    expect(decoded.data!.decodeVin.recommendedTemplate.id).toBe(templateId);
  });

  it("lets a shop's override win over the built-in template and publishes vehicle.template_changed for its vehicles", async () => {
    const shop = await staffSession('MANAGER');
    const otherShop = await staffSession('OWNER');
    const ownTemplate = randomUUID();
    const diesel = (await addVehicle(shop, sampleVins.ram2500Diesel)).data!.addVehicle;
    const sedan = (await addVehicle(shop, sampleVins.camry)).data!.addVehicle;
    const elsewhere = (await addVehicle(otherShop, sampleVins.ram2500Diesel)).data!.addVehicle;

    const set = await vehicles.execute(
      `mutation($shopId: ID!, $templateId: ID) { setVehicleTemplateOverride(shopId: $shopId, category: DIESEL, templateId: $templateId) { category overridden template { id } } }`,
      { shopId: shop.shopId, templateId: ownTemplate },
      { token: shop.token },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setVehicleTemplateOverride).toContainEqual({ category: 'DIESEL', overridden: true, template: { id: ownTemplate } });

    const template = `query($id: ID!) { vehicle(id: $id) { recommendedTemplate { id } } }`;
    expect((await vehicles.execute(template, { id: diesel.id }, { token: shop.token })).data!.vehicle.recommendedTemplate.id).toBe(ownTemplate);
    expect((await vehicles.execute(template, { id: sedan.id }, { token: shop.token })).data!.vehicle.recommendedTemplate.id).toBe('tpl_standard');
    expect((await vehicles.execute(template, { id: elsewhere.id }, { token: otherShop.token })).data!.vehicle.recommendedTemplate.id).toBe('tpl_diesel');
    const decoded = await vehicles.execute(`query($vin: String!, $shopId: ID) { decodeVin(vin: $vin) { recommendedTemplate(shopId: $shopId) { id } } }`, { vin: sampleVins.ram2500Diesel, shopId: shop.shopId }, { token: shop.token });
    expect(decoded.data!.decodeVin.recommendedTemplate.id).toBe(ownTemplate);

    expect((await eventsFor(diesel.id)).map((e) => [e.type, e.data.recommendedTemplateId])).toEqual([
      ['vehicle.added', 'tpl_diesel'],
      ['vehicle.template_changed', ownTemplate],
    ]);
    expect((await eventsFor(sedan.id)).map((e) => e.type)).toEqual(['vehicle.added']);
    expect((await eventsFor(elsewhere.id)).map((e) => e.type)).toEqual(['vehicle.added']);

    const later = (await addVehicle(shop, freshVin(sampleVins.ram2500Diesel))).data!.addVehicle;
    expect(later.recommendedTemplate.id).toBe(ownTemplate);

    await vehicles.execute(
      `mutation($shopId: ID!) { setVehicleTemplateOverride(shopId: $shopId, category: DIESEL, templateId: null) { category } }`,
      { shopId: shop.shopId },
      { token: shop.token },
    );
    expect((await eventsFor(diesel.id)).map((e) => e.data.recommendedTemplateId)).toEqual(['tpl_diesel', ownTemplate, 'tpl_diesel']);
  });

  it('lets only owners and managers override, and only with a template id', async () => {
    const technician = await staffSession('TECHNICIAN');
    const manager = await staffSession('MANAGER');
    const set = `mutation($shopId: ID!, $templateId: ID) { setVehicleTemplateOverride(shopId: $shopId, category: MOTORCYCLE, templateId: $templateId) { category } }`;
    expect((await vehicles.execute(set, { shopId: technician.shopId, templateId: 'tpl_standard' }, { token: technician.token })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await vehicles.execute(set, { shopId: manager.shopId, templateId: "' OR 1=1 --" }, { token: manager.token })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe("a customer's vehicles", () => {
  it('are listed on Customer through _entities, one query for many customers, and only at shops the caller may see', async () => {
    const customers = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, customerId] of customers.entries()) {
      for (let n = 0; n <= i; n++) {
        await vehicles.execute(addVehicleMutation, { shopId: owner.shopId, customerId, vin: freshVin(sampleVins.camry) }, { token: owner.token });
      }
    }
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { id vehicles { vin make mileageReadings { miles } } } } }`;
    const reps = customers.map((id) => ({ __typename: 'Customer', id }));
    const capture = vehicles.runtime.db.queryLog.capture();
    const result = await vehicles.execute(query, { reps }, { token: owner.token });
    const selects = selectsByTable(capture.stop());
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((c: { vehicles: unknown[] }) => c.vehicles.length)).toEqual([1, 2, 3]);
    expect(selects['vehicles.vehicle']).toBe(1);
    expect(selects['vehicles.mileage_reading']).toBe(1);

    const stranger = await staffSession('OWNER');
    const foreign = await vehicles.execute(query, { reps }, { token: stranger.token });
    expect(foreign.data!._entities.map((c: { vehicles: unknown[] }) => c.vehicles)).toEqual([[], [], []]);
  });

  it('resolve Vehicle references for staff of the shop, and null for anyone else', async () => {
    const { data } = await addVehicle(owner, freshVin(sampleVins.harley));
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Vehicle { id model } } }`;
    const reps = [{ __typename: 'Vehicle', id: data!.addVehicle.id }, { __typename: 'Vehicle', id: 'not-a-uuid' }];
    expect((await vehicles.execute(query, { reps }, { token: owner.token })).data!._entities).toEqual([{ id: data!.addVehicle.id, model: 'Road Glide Special' }, null]);
    const stranger = await staffSession('OWNER');
    expect((await vehicles.execute(query, { reps }, { token: stranger.token })).data!._entities).toEqual([null, null]);
    const notFound = await vehicles.execute(`query($id: ID!) { vehicle(id: $id) { id } }`, { id: data!.addVehicle.id }, { token: stranger.token });
    expect(notFound.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('VINs as people type them', () => {
  const spaced = (vin: string) => `${vin.slice(0, 3)} ${vin.slice(3, 8)}-${vin.slice(8, 11)} ${vin.slice(11)}`;

  it('decodes a VIN typed in lower case, with spaces or with dashes as the same VIN', async () => {
    const vin = freshVin(sampleVins.camry);
    const query = `query($vin: String!) { decodeVin(vin: $vin) { vin model warnings { code } } }`;
    for (const typed of [vin.toLowerCase(), spaced(vin), ` ${spaced(vin).toLowerCase()}\t`, vin.replace(/(.{4})/g, '$1-')]) {
      const result = await vehicles.execute(query, { vin: typed }, { token: owner.token });
      expect(result.errors, typed).toBeUndefined();
      expect(result.data!.decodeVin).toMatchObject({ vin, model: 'Camry' });
    }
  });

  it('normalizes every VIN of a batch and answers in the order given', async () => {
    const first = freshVin(sampleVins.camry);
    const second = freshVin(sampleVins.f150);
    const result = await vehicles.execute(`query($vins: [String!]!) { decodeVins(vins: $vins) { vin model } }`, { vins: [first.toLowerCase(), spaced(second), first] }, { token: owner.token });
    expect(result.errors).toBeUndefined();
    expect(result.data!.decodeVins).toEqual([{ vin: first, model: 'Camry' }, { vin: second, model: 'F-150' }, { vin: first, model: 'Camry' }]);
  });

  it('stores a vehicle added with a lower-case, spaced VIN under the normalized VIN', async () => {
    const vin = freshVin(sampleVins.camry);
    const result = await addVehicle(owner, spaced(vin).toLowerCase(), { mileage: 10 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.addVehicle).toMatchObject({ vin, model: 'Camry' });
    const [row] = await vehicles.runtime.db.dataSource.query(`SELECT vin FROM vehicles.vehicle WHERE id = $1`, [result.data!.addVehicle.id]);
    expect(row.vin).toBe(vin);
  });

  it('still refuses what is no VIN once spaces and dashes are gone', async () => {
    const result = await vehicles.execute(`query($vin: String!) { decodeVin(vin: $vin) { vin } }`, { vin: `${sampleVins.camry.slice(0, 16)} - ` }, { token: owner.token });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'INVALID_VIN_LENGTH', length: 16 });
  });
});

describe('garbage input', () => {
  const garbage: [string, string, string][] = [
    ['an empty string', '', 'INVALID_VIN_LENGTH'],
    ['16 characters', sampleVins.camry.slice(0, 16), 'INVALID_VIN_LENGTH'],
    ['18 characters', `${sampleVins.camry}1`, 'INVALID_VIN_LENGTH'],
    ['punctuation', `${sampleVins.camry.slice(0, 16)}!`, 'INVALID_VIN_CHARACTER'],
    ['an SQL injection attempt', "' OR 1=1 --", 'INVALID_VIN_LENGTH'],
    ['a 10 kB string', 'X'.repeat(10_240), 'INVALID_VIN_LENGTH'],
    ['17 characters with I, O and Q', 'IOQ3E1EA0KF317000', 'INVALID_VIN_CHARACTER'],
  ];

  it.each(garbage)('refuses %s with a clear error and stores nothing', async (_label, vin, code) => {
    const before = await counts();
    const decode = await vehicles.execute(`query($vin: String!) { decodeVin(vin: $vin) { vin } }`, { vin }, { token: owner.token });
    expect(decode.errors?.[0].extensions?.code).toBe(code);
    expect(decode.errors?.[0].message.length).toBeLessThan(250);
    const add = await addVehicle(owner, vin, { mileage: 1000 });
    expect(add.errors?.[0].extensions?.code).toBe(code);
    expect(add.data).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('refuses a batch of 51 VINs with BAD_USER_INPUT and decodes none of them', async () => {
    const vins = Array.from({ length: 51 }, () => freshVin(sampleVins.camry));
    const before = await counts();
    const result = await vehicles.execute(`query($vins: [String!]!) { decodeVins(vins: $vins) { vin } }`, { vins }, { token: owner.token });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', count: 51, limit: 50 });
    expect(result.errors?.[0].message).toMatch(/between 1 and 50/);
    expect(await counts()).toEqual(before);
  });

  it('answers each bad VIN in a batch with its own error at its position and still decodes the good ones', async () => {
    const good = freshVin(sampleVins.camry);
    const result = await vehicles.execute(`query($vins: [String!]!) { decodeVins(vins: $vins) { vin model } }`, { vins: [good, "' OR 1=1 --", `${good.slice(0, 16)}O`] }, { token: owner.token });
    expect(result.data!.decodeVins).toEqual([{ vin: good, model: 'Camry' }, null, null]);
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['decodeVins', 1], 'INVALID_VIN_LENGTH'],
      [['decodeVins', 2], 'INVALID_VIN_CHARACTER'],
    ]);
  });

  it('refuses bad plates, states and customer ids with BAD_USER_INPUT and stores nothing', async () => {
    const before = await counts();
    const plate = await addVehicle(owner, freshVin(sampleVins.camry), { plate: 'X'.repeat(40), plateState: 'Colorado' });
    expect(plate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(plate.errors?.[0].message).toMatch(/plate/);
    const customer = await vehicles.execute(addVehicleMutation, { shopId: owner.shopId, customerId: "1' OR '1'='1", vin: freshVin(sampleVins.camry) }, { token: owner.token });
    expect(customer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });
});
