import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordedRowFor, unreachableUrl } from './support/vpic-double';
import { useVehiclesWithDouble } from './support/with-double';
import { staffSession, startVehicles, type StaffSession, type VehiclesUnderTest } from './support/harness';
import { freshVin, sampleVins } from './support/vins';

const decodeQuery = /* GraphQL */ `
  query Decode($vin: String!) {
    decodeVin(vin: $vin) {
      vin year make model trim bodyClass vehicleType driveType fuelTypePrimary engineCylinders engineDisplacementLiters gvwr
      servedFrom
      checkDigit { valid expected }
      warnings { code expectedCheckDigit }
      sources { source retrievedAt version fields }
    }
  }
`;

/** The VINs behind the recorded vPIC responses: one complete VIN, and full VINs of the two partial ones. */
const recordedVins = [sampleVins.f150, sampleVins.bmwX3, sampleVins.teslaModelS];

describe('decoding with the network cut off', () => {
  let vehicles: VehiclesUnderTest;
  let staff: StaffSession;
  beforeAll(async () => {
    vehicles = await startVehicles(await unreachableUrl());
    staff = await staffSession('TECHNICIAN');
  });
  afterAll(() => vehicles.close());

  it.each(recordedVins)('decodes %s offline to the year, make, model and body class vPIC returned', async (vin) => {
    const recorded = recordedRowFor(vin)!;
    const result = await vehicles.execute(decodeQuery, { vin }, { token: staff.token });
    expect(result.errors).toBeUndefined();
    const decoded = result.data!.decodeVin;
    expect({ year: decoded.year, make: decoded.make, model: decoded.model, bodyClass: decoded.bodyClass }).toEqual({
      year: Number(recorded.ModelYear),
      make: recorded.Make,
      model: recorded.Model,
      bodyClass: recorded.BodyClass,
    });
    expect(decoded.sources.map((s: { source: string }) => s.source)).toEqual(['VIN', 'OFFLINE_VPIC']);
    expect(decoded.sources[1].version).toMatch(/^@cardog\/corgi /);
    expect(decoded.warnings.map((w: { code: string }) => w.code)).toEqual(['ONLINE_DATA_MISSING']);
  });

  it('also agrees with vPIC on the engine and weight class of the recorded F-150', async () => {
    const recorded = recordedRowFor(sampleVins.f150)!;
    const { data } = await vehicles.execute(decodeQuery, { vin: sampleVins.f150 }, { token: staff.token });
    expect(data!.decodeVin).toMatchObject({
      engineCylinders: Number(recorded.EngineCylinders),
      engineDisplacementLiters: Number(recorded.DisplacementL),
      gvwr: recorded.GVWR,
      vehicleType: recorded.VehicleType.trim(),
      fuelTypePrimary: recorded.FuelTypePrimary,
    });
  });

  it('answers a repeat decode from the hot cache, and from Postgres once the hot entry is gone', async () => {
    const vin = freshVin(sampleVins.f150);
    const first = await vehicles.execute(decodeQuery, { vin }, { token: staff.token });
    expect(first.data!.decodeVin.servedFrom).toBe('DECODERS');
    const second = await vehicles.execute(decodeQuery, { vin }, { token: staff.token });
    expect(second.data!.decodeVin.servedFrom).toBe('HOT_CACHE');
    await vehicles.runtime.store.delete(`vehicles:vin:${vin}`);
    const third = await vehicles.execute(decodeQuery, { vin }, { token: staff.token });
    expect(third.data!.decodeVin.servedFrom).toBe('DATABASE_CACHE');
    expect(third.data!.decodeVin.model).toBe(first.data!.decodeVin.model);
  });

  it('decodes a VIN with a wrong check digit, with a warning naming the expected digit', async () => {
    const vin = `${sampleVins.f150.slice(0, 8)}3${sampleVins.f150.slice(9)}`;
    const { data, errors } = await vehicles.execute(decodeQuery, { vin }, { token: staff.token });
    expect(errors).toBeUndefined();
    expect(data!.decodeVin.checkDigit).toEqual({ valid: false, expected: '8' });
    expect(data!.decodeVin.warnings).toContainEqual({ code: 'CHECK_DIGIT_MISMATCH', expectedCheckDigit: '8' });
    expect(data!.decodeVin.model).toBe('F-150');
  });

  it('refuses callers without a staff token', async () => {
    const result = await vehicles.execute(decodeQuery, { vin: sampleVins.f150 });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('decoding with the vPIC double', () => {
  const bed = useVehiclesWithDouble({ onlineWaitMs: 600 }, 'ADVISOR');
  afterEach(async () => {
    bed.double.mode = 'up';
    await bed.vehicles.app.decoder.idle();
  });

  it('fills the fields the offline data lacks from vPIC and says which source supplied which', async () => {
    const vin = freshVin(sampleVins.f150);
    const { data, errors } = await bed.vehicles.execute(decodeQuery, { vin }, { token: bed.staff.token });
    expect(errors).toBeUndefined();
    const decoded = data!.decodeVin;
    expect(decoded).toMatchObject({ trim: 'SuperCrew-SSV', driveType: '4WD/4-Wheel Drive/4x4', model: 'F-150', make: 'FORD' });
    expect(decoded.warnings).toEqual([]);
    const bySource = Object.fromEntries(decoded.sources.map((s: { source: string; fields: string[] }) => [s.source, s.fields]));
    expect(bySource.OFFLINE_VPIC).toContain('model');
    expect(bySource.VPIC_API).toEqual(expect.arrayContaining(['trim', 'driveType']));
    expect(bySource.VPIC_API).not.toContain('model');
    expect(bed.double.requests.at(-1)).toMatchObject({ method: 'GET', vins: [vin] });
  });

  it('sends a batch to DecodeVINValuesBatch in calls of at most 50 VINs', async () => {
    const vins = Array.from({ length: 50 }, (_, i) => freshVin(i % 2 ? sampleVins.bmwX3 : sampleVins.teslaModelS));
    bed.double.requests.length = 0;
    const result = await bed.vehicles.execute(
      `query($vins: [String!]!) { decodeVins(vins: $vins) { vin model trim driveType } }`,
      { vins },
      { token: bed.staff.token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.decodeVins).toHaveLength(50);
    expect(result.data!.decodeVins[0]).toMatchObject({ vin: vins[0], model: 'Model S', trim: 'w/DC Fast Charge', driveType: 'RWD/ Rear Wheel Drive' });
    expect(result.data!.decodeVins[1]).toMatchObject({ vin: vins[1], model: 'X3', trim: 'xDrive35i' });
    expect(bed.double.requests).toHaveLength(1);
    expect(bed.double.requests[0]).toMatchObject({ method: 'POST', path: '/api/vehicles/DecodeVINValuesBatch/' });
    expect(bed.double.requests[0].vins).toHaveLength(50);
  });

  it('answers from offline data without waiting for a vPIC that has not answered', async () => {
    bed.double.mode = 'held';
    const vin = freshVin(sampleVins.f150);
    const asked = bed.double.requests.length;
    const answered = bed.double.answered;
    const { data } = await bed.vehicles.execute(decodeQuery, { vin }, { token: bed.staff.token });
    expect(bed.double.requests.length, 'vPIC was asked').toBe(asked + 1);
    expect(bed.double.answered, 'the answer came while vPIC still held its reply').toBe(answered);
    expect(data!.decodeVin).toMatchObject({ model: 'F-150', trim: null, driveType: null });
    expect(data!.decodeVin.warnings.map((w: { code: string }) => w.code)).toEqual(['ONLINE_DATA_MISSING']);
    bed.double.release();
  });

  it('answers from offline data when vPIC is down', async () => {
    bed.double.mode = 'failing';
    const vin = freshVin(sampleVins.f150);
    const { data } = await bed.vehicles.execute(decodeQuery, { vin }, { token: bed.staff.token });
    expect(data!.decodeVin).toMatchObject({ model: 'F-150', bodyClass: 'Pickup', trim: null });
  });
});

describe('a slow vPIC that answers in the end', () => {
  const bed = useVehiclesWithDouble({ onlineWaitMs: 600, vpic: { timeoutMs: 5_000, retries: 0, requestsPerSecond: 100, burst: 100 } });

  it('fills the cache with vPIC\'s late answer, so the next decode has the missing fields', async () => {
    bed.double.mode = 'held';
    const vin = freshVin(sampleVins.f150);
    const answeredBefore = bed.double.answered;
    const first = await bed.vehicles.execute(decodeQuery, { vin }, { token: bed.staff.token });
    expect(bed.double.answered, 'answered before vPIC replied').toBe(answeredBefore);
    expect(first.data!.decodeVin.trim).toBeNull();
    bed.double.mode = 'up';
    bed.double.release();
    await bed.vehicles.app.decoder.idle();
    const second = await bed.vehicles.execute(decodeQuery, { vin }, { token: bed.staff.token });
    expect(second.data!.decodeVin).toMatchObject({ servedFrom: 'HOT_CACHE', trim: 'SuperCrew-SSV', driveType: '4WD/4-Wheel Drive/4x4' });
    expect(second.data!.decodeVin.warnings).toEqual([]);
  });

  it('fills in a vehicle added from offline data once vPIC answers', async () => {
    bed.double.mode = 'slow';
    bed.double.slowMs = 2_100;
    const added = await bed.vehicles.execute(
      `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin) { id trim driveType } }`,
      { shopId: bed.staff.shopId, customerId: randomUUID(), vin: freshVin(sampleVins.f150) },
      { token: bed.staff.token },
    );
    expect(added.data!.addVehicle).toMatchObject({ trim: null, driveType: null });
    await bed.vehicles.app.decoder.idle();
    const later = await bed.vehicles.execute(
      `query($id: ID!) { vehicle(id: $id) { trim driveType templateCategory dataSources { source fields } } }`,
      { id: added.data!.addVehicle.id },
      { token: bed.staff.token },
    );
    expect(later.data!.vehicle).toMatchObject({ trim: 'SuperCrew-SSV', driveType: '4WD/4-Wheel Drive/4x4', templateCategory: 'LIGHT_TRUCK' });
    expect(later.data!.vehicle.dataSources.at(-1)).toMatchObject({ source: 'VPIC_API', fields: expect.arrayContaining(['trim', 'driveType']) });
  });
});

describe('the vPIC circuit breaker', () => {
  const bed = useVehiclesWithDouble({ onlineWaitMs: 600 });

  const decodeFresh = async () => {
    const { data, errors } = await bed.vehicles.execute(decodeQuery, { vin: freshVin(sampleVins.f150) }, { token: bed.staff.token });
    expect(errors).toBeUndefined();
    await bed.vehicles.app.decoder.idle();
    return data!.decodeVin;
  };

  it('opens after repeated failures, stops calling vPIC while open, and closes again once vPIC recovers', async () => {
    expect(bed.vehicles.app.decoder.onlineState).toBe('CLOSED');
    bed.double.mode = 'failing';
    for (let i = 0; i < 3 && bed.vehicles.app.decoder.onlineState !== 'OPEN'; i++) await decodeFresh();
    expect(bed.vehicles.app.decoder.onlineState).toBe('OPEN');

    const callsWhenOpened = bed.double.requests.length;
    const whileOpen = await decodeFresh();
    expect(whileOpen.model).toBe('F-150');
    expect(bed.double.requests.length).toBe(callsWhenOpened);

    bed.double.mode = 'up';
    await vi.waitFor(() => expect(bed.vehicles.app.decoder.onlineState).toBe('HALF_OPEN'), { timeout: 20_000, interval: 50 });
    const recovered = await decodeFresh();
    expect(bed.vehicles.app.decoder.onlineState).toBe('CLOSED');
    expect(recovered.trim).toBe('SuperCrew-SSV');
  });
});

describe('the client-side rate limit', () => {
  const bed = useVehiclesWithDouble({ onlineWaitMs: 5_000, vpic: { requestsPerSecond: 5, burst: 1 } });

  it('spaces calls to vPIC to the configured rate however many decodes arrive at once', async () => {
    const started = Date.now();
    await Promise.all(Array.from({ length: 4 }, () => bed.vehicles.execute(decodeQuery, { vin: freshVin(sampleVins.camry) }, { token: bed.staff.token })));
    const times = bed.double.requests.map((r) => r.at).sort((a, b) => a - b);
    expect(times).toHaveLength(4);
    expect(times[3] - started).toBeGreaterThanOrEqual(3 * 200 - 10);
  });
});
