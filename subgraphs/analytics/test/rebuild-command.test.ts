import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@cip/platform';
import { createTestDatabase, type TestDatabase } from '@cip/platform/testing';
import { analyticsEntities, analyticsMigrations, Ingestor } from '../src/app';
import { inspectionLife, seeded, shopCreated, type ShopSpec } from './events';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
let database: TestDatabase;
let dataSource: DataSource;

const rollups = async () => ({
  shops: await dataSource.query(`SELECT * FROM analytics.shop_daily ORDER BY shop_id, day`),
  months: await dataSource.query(`SELECT * FROM analytics.shop_monthly ORDER BY shop_id, month`),
  technicians: await dataSource.query(`SELECT * FROM analytics.technician_daily ORDER BY technician_id, shop_id, day`),
});

beforeAll(async () => {
  database = await createTestDatabase('analytics_rebuild');
  ({ dataSource } = await openDatabase({ url: database.url, schema: 'analytics', entities: analyticsEntities, migrations: analyticsMigrations }));
  const shop: ShopSpec = { shopId: randomUUID(), orgId: randomUUID(), timezone: 'America/Chicago', technicianIds: [randomUUID(), null] };
  const ingestor = new Ingestor(dataSource);
  const random = seeded(11);
  await ingestor.handle(shopCreated(shop));
  for (let i = 0; i < 12; i++) for (const event of inspectionLife(shop, new Date(Date.UTC(2026, 2, 1) + i * 7 * 3_600_000), random)) await ingestor.handle(event);
});
afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('npm run analytics:rebuild', () => {
  it('recomputes every rollup from the facts: rows lost from the rollups come back as they were', async () => {
    const before = await rollups();
    expect(before.shops.length).toBeGreaterThan(1);
    expect(before.technicians.length).toBeGreaterThan(0);
    await dataSource.query(`DELETE FROM analytics.shop_daily`);
    await dataSource.query(`DELETE FROM analytics.shop_monthly`);
    await dataSource.query(`UPDATE analytics.technician_daily SET inspections_completed = inspections_completed + 100`);

    await run(process.execPath, ['--import', 'tsx', 'subgraphs/analytics/src/rebuild.ts'], { cwd: root, env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' } });
    expect(await rollups()).toEqual(before);
  });
});
