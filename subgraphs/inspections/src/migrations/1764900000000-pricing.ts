import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Labor priced from the shop's rate (kept per line), and recommendation wording per template item. */
export class Pricing1764900000000 implements MigrationInterface {
  name = 'Pricing1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inspections.shop_rate (
      shop_id uuid PRIMARY KEY,
      labor_rate_cents integer NOT NULL CHECK (labor_rate_cents >= 0),
      currency char(3) NOT NULL,
      event_at timestamptz NOT NULL
    )`);
    await q.query(`ALTER TABLE inspections.recommendation ADD COLUMN labor_rate_cents integer CHECK (labor_rate_cents >= 0)`);
    await q.query(`ALTER TABLE inspections.inspection_item ADD COLUMN recommendation jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inspections.inspection_item DROP COLUMN recommendation`);
    await q.query(`ALTER TABLE inspections.recommendation DROP COLUMN labor_rate_cents`);
    await q.query(`DROP TABLE inspections.shop_rate`);
  }
}
