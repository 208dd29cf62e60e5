import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../src/auth/principal';
import { openDatabase } from '../src/db/data-source';
import { eventTablesMigration } from '../src/events/outbox';
import { FlagAdmin } from '../src/flags/admin';
import type { FlagDefinition } from '../src/flags/definition';
import { flagCatalog } from '../src/flags/catalog';
import { PlatformFlags } from '../src/flags/client';
import { analyseExperiment, chiSquareSurvival, exposeExperiment, normalSurvival } from '../src/flags/experiments';
import { createLogger } from '../src/logger';
import { createTestDatabase, testConfig, type TestDatabase } from '../src/testing';

const photoReport = flagCatalog.find((flag) => flag.key === 'inspections.photo-first-report') as FlagDefinition<string>;
const operator: Principal = { kind: 'operator', operator: 'ada', expiresAt: Date.now() + 3_600_000 };

let database: TestDatabase;
let service: DataSource;
let flags: PlatformFlags;

/** A seeded generator, so the "truth" below is a fixed draw and the test is the same on every run. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  database = await createTestDatabase('experiments');
  service = (await openDatabase({ url: database.url, schema: 'inspections', entities: [], migrations: [eventTablesMigration('inspections', 1764302400000)] })).dataSource;
  flags = await PlatformFlags.open({ databaseUrl: database.url, config: testConfig('inspections'), logger: createLogger('silent') });
  const { stored } = await new FlagAdmin({ dataSource: service, outboxSchema: 'inspections', flags }).set(operator, {
    key: photoReport.key,
    state: { enabled: true, fallthrough: { variants: [{ name: 'control', value: 'control', weight: 50 }, { name: 'photos', value: 'photos', weight: 50 }] } },
    reason: 'does opening on the photos raise approvals?',
  });
  await vi.waitFor(() => expect(flags.appliedVersion).toBeGreaterThanOrEqual(stored!.version), { timeout: 20_000 });
});
afterAll(async () => {
  await flags?.close();
  await service?.destroy();
  await database?.drop();
});

describe('experiments', () => {
  it('use textbook tail probabilities', () => {
    expect(normalSurvival(1.959964)).toBeCloseTo(0.025, 6);
    expect(chiSquareSurvival(3.841459, 1)).toBeCloseTo(0.05, 5);
    expect(chiSquareSurvival(5.991465, 2)).toBeCloseTo(0.05, 5);
    expect(chiSquareSurvival(10.827566, 1)).toBeCloseTo(0.001, 5);
  });

  it('record one exposure per unit, with one event, and answer the same variant every time', async () => {
    const deps = { db: service, outboxSchema: 'inspections', flags };
    const units = Array.from({ length: 1_000 }, (_, i) => `inspection-${i}`);
    const first = [];
    for (const unitId of units) first.push(await exposeExperiment(deps, photoReport, { unitId, orgId: 'org-1', shopId: 'shop-1' }));
    const again = [];
    for (const unitId of units.slice(0, 200)) again.push(await exposeExperiment(deps, photoReport, { unitId, orgId: 'org-1', shopId: 'shop-1' }));
    expect(first.every((e) => e.recorded)).toBe(true);
    expect(again.every((e) => !e.recorded)).toBe(true);
    expect(again.map((e) => e.variant)).toEqual(first.slice(0, 200).map((e) => e.variant));
    const [{ events, exposures }] = (await service.query(
      `SELECT (SELECT count(*)::int FROM inspections.outbox WHERE type = 'experiment.exposure_recorded') AS events,
              (SELECT count(*)::int FROM platform.experiment_exposures WHERE flag_key = $1) AS exposures`,
      [photoReport.key],
    )) as { events: number; exposures: number }[];
    expect({ events, exposures }).toEqual({ events: 1_000, exposures: 1_000 });

    const rows = (await service.query(`SELECT variant, count(*)::int AS n FROM platform.experiment_exposures WHERE flag_key = $1 GROUP BY variant ORDER BY variant`, [
      photoReport.key,
    ])) as { variant: string; n: number }[];
    const split = analyseExperiment(rows.map((r) => ({ name: r.variant, weight: 50, exposures: r.n, conversions: 0 })));
    expect(split.sampleRatio.mismatch).toBe(false);
  });

  it('report per-variant approval rates of seeded sent reports with intervals that cover the seeded truth', () => {
    const truth = { control: 0.3, photos: 0.36 };
    const random = mulberry32(18);
    const counts = (['control', 'photos'] as const).map((name) => {
      let conversions = 0;
      for (let i = 0; i < 5_000; i++) if (random() < truth[name]) conversions++;
      return { name, weight: 50, exposures: 5_000, conversions };
    });
    const [control, photos] = analyseExperiment(counts).variants;
    expect(control!.interval[0]).toBeLessThan(truth.control);
    expect(control!.interval[1]).toBeGreaterThan(truth.control);
    expect(photos!.interval[0]).toBeLessThan(truth.photos);
    expect(photos!.interval[1]).toBeGreaterThan(truth.photos);
    const difference = photos!.difference!;
    expect(difference.interval[0]).toBeLessThan(truth.photos - truth.control);
    expect(difference.interval[1]).toBeGreaterThan(truth.photos - truth.control);
    expect(difference.interval[0]).toBeGreaterThan(0);
    expect(difference.pValue).toBeLessThan(0.05);
  });

  it('flag a sample-ratio mismatch when a 50/50 experiment was exposed 60/40', () => {
    const analysis = analyseExperiment([
      { name: 'control', weight: 50, exposures: 6_000, conversions: 1_800 },
      { name: 'photos', weight: 50, exposures: 4_000, conversions: 1_440 },
    ]);
    expect(analysis.sampleRatio.mismatch).toBe(true);
    expect(analysis.sampleRatio.chiSquare).toBeCloseTo(400, 6);
    const balanced = analyseExperiment([
      { name: 'control', weight: 50, exposures: 5_030, conversions: 1_500 },
      { name: 'photos', weight: 50, exposures: 4_970, conversions: 1_790 },
    ]);
    expect(balanced.sampleRatio.mismatch).toBe(false);
  });
});
