import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitySchema } from 'typeorm';
import { idColumn, tenantColumns, timestampColumns } from '../src/data/columns';
import { findByIds } from '../src/data/find-by-ids';
import { openDatabase, type ServiceDatabase } from '../src/db/data-source';
import { createTestDatabase, type TestDatabase } from '../src/testing/database';

interface Widget {
  id: string;
  orgId: string;
  shopId: string;
  displayName: string;
  createdAt: Date;
  updatedAt: Date;
}

const WidgetEntity = new EntitySchema<Widget>({
  name: 'Widget',
  tableName: 'widget',
  columns: { ...idColumn(), ...tenantColumns(), displayName: { type: 'text' }, ...timestampColumns() },
});

class CreateWidgets1700000000000 {
  async up(runner: { query(sql: string): Promise<unknown> }) {
    await runner.query(`CREATE TABLE widgets.widget (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), org_id uuid NOT NULL, shop_id uuid NOT NULL, display_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down() {}
}

let database: TestDatabase;
let db: ServiceDatabase;

beforeAll(async () => {
  database = await createTestDatabase('repository');
  db = await openDatabase({ url: database.url, schema: 'widgets', entities: [WidgetEntity], migrations: [CreateWidgets1700000000000] });
});

afterAll(async () => {
  await db?.dataSource.destroy();
  await database?.drop();
});

describe('repositories', () => {
  it('name columns in snake_case without naming each one', async () => {
    const org = '00000000-0000-4000-8000-00000000000a';
    const saved = await db.dataSource.manager.save(WidgetEntity, { orgId: org, shopId: org, displayName: 'Lift 2' });
    const [row] = (await db.dataSource.query('SELECT display_name, org_id FROM widgets.widget WHERE id = $1', [saved.id])) as { display_name: string; org_id: string }[];
    expect(row).toEqual({ display_name: 'Lift 2', org_id: org });
  });

  it('find rows by id in key order, null for misses, and treat a non-UUID as a miss without asking the database', async () => {
    const org = '00000000-0000-4000-8000-00000000000b';
    const a = await db.dataSource.manager.save(WidgetEntity, { orgId: org, shopId: org, displayName: 'A' });
    const b = await db.dataSource.manager.save(WidgetEntity, { orgId: org, shopId: org, displayName: 'B' });
    const missing = '00000000-0000-4000-8000-0000000000ff';
    const rows = await findByIds(db.dataSource.manager, WidgetEntity, [b.id, "1' OR '1'='1", missing, a.id, b.id]);
    expect(rows.map((r) => r?.displayName ?? null)).toEqual(['B', null, null, 'A', 'B']);
    expect(rows[0]).toMatchObject({ id: b.id, orgId: org, shopId: org });
    const capture = db.queryLog.capture();
    expect(await findByIds(db.dataSource.manager, WidgetEntity, ['not-a-uuid', '\u0000'])).toEqual([null, null]);
    expect(capture.stop()).toEqual([]);
  });
});
