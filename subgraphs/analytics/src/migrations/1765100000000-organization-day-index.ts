import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups by (organization, day) and (organization, month): an organization's dashboard reads the days and
 * months of its range for all its shops in one index range each, instead of one descent per shop.
 */
export class OrganizationDayIndex1765100000000 implements MigrationInterface {
  name = 'OrganizationDayIndex1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX shop_daily_org_day ON analytics.shop_daily (org_id, day)`);
    await q.query(`CREATE INDEX shop_monthly_org_month ON analytics.shop_monthly (org_id, month)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX analytics.shop_monthly_org_month`);
    await q.query(`DROP INDEX analytics.shop_daily_org_day`);
  }
}
