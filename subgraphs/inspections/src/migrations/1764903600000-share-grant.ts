import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The grant each customer token of a share link carries; replacing or closing the link changes it. */
export class ShareGrant1764903600000 implements MigrationInterface {
  name = 'ShareGrant1764903600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inspections.inspection ADD COLUMN share_grant uuid`);
    await q.query(`UPDATE inspections.inspection SET share_grant = gen_random_uuid() WHERE share_token_hash IS NOT NULL AND status <> 'CLOSED'`);
    await q.query(`UPDATE inspections.inspection SET share_token_hash = NULL WHERE status = 'CLOSED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inspections.inspection DROP COLUMN share_grant`);
  }
}
