import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How each report opens for the customer, fixed when it is sent; reports sent before kept the one layout there was. */
export class ReportLayout1764990000000 implements MigrationInterface {
  name = 'ReportLayout1764990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inspections.inspection ADD COLUMN report_layout text NOT NULL DEFAULT 'RECOMMENDATIONS_FIRST'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inspections.inspection DROP COLUMN report_layout`);
  }
}
