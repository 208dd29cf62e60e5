import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '@cip/platform/testing';
import { openOfflineDecoder, type OfflineDecoder } from '../src/decoding/offline';
import { agreementSets, measureAgreement, percent, type Agreement } from './support/agreement';

/** The offline decoder's model must agree with the recorded answers on at least this share of VINs. */
const modelThreshold = 97;

let offline: OfflineDecoder;
const results = new Map<string, Agreement>();

beforeAll(async () => {
  offline = await openOfflineDecoder({ dataDir: testConfig('vehicles').dataDir });
  for (const set of agreementSets()) results.set(set.name, await measureAgreement(offline, set));
  for (const r of results.values()) {
    console.info(
      `VIN agreement, ${r.name}: model ${percent(r.model, r.count).toFixed(1)}% (${r.model}/${r.count}), make ${percent(r.make, r.count).toFixed(1)}%, ` +
        `year ${percent(r.year, r.count).toFixed(1)}%, electrification ${percent(r.electrification, r.count).toFixed(1)}%`,
    );
  }
});
afterAll(() => offline?.close());

describe('offline VIN decoding against recorded answers', () => {
  it("agrees with every recorded vPIC answer, telling an F-150 from the Super Duty F-450/F-550 that share its VIN positions", () => {
    const vpic = [...results.values()][0];
    expect(vpic.modelMisses).toEqual([]);
    expect(vpic.make).toBe(vpic.count);
    expect(vpic.year).toBe(vpic.count);
  });

  it.each(['`vin` project expectations, tuned', '`vin` project expectations, held out'])(`names the model as expected on at least ${modelThreshold} %% of the VINs of the %s set`, (name) => {
    const r = results.get(name)!;
    expect(r.count).toBeGreaterThanOrEqual(100);
    expect(percent(r.model, r.count), JSON.stringify(r.modelMisses)).toBeGreaterThanOrEqual(modelThreshold);
    expect(r.make).toBe(r.count);
    expect(r.year).toBe(r.count);
  });
});
