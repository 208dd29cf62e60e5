import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When the customer first opened each inspection's report: `inspection.opened` is emitted once, by the insert that records it. */
export class ShareOpening1765000000000 implements MigrationInterface {
  name = 'ShareOpening1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inspections.share_opening (
      inspection_id uuid PRIMARY KEY REFERENCES inspections.inspection(id) ON DELETE CASCADE,
      opened_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inspections.share_opening`);
  }
}
