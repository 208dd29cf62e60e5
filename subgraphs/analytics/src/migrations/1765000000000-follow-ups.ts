import type { MigrationInterface, QueryRunner } from 'typeorm';

const tables = ['shop_daily', 'shop_monthly', 'technician_daily'];
const columns = ['follow_ups_sent', 'follow_up_approvals'];

/** Follow-ups sent and the ones that turned into approvals, per rollup row; nothing before counts any. */
export class FollowUps1765000000000 implements MigrationInterface {
  name = 'FollowUps1765000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of tables) {
      await q.query(`ALTER TABLE analytics.${table} ${columns.map((column) => `ADD COLUMN ${column} bigint NOT NULL DEFAULT 0`).join(', ')}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of tables) await q.query(`ALTER TABLE analytics.${table} ${columns.map((column) => `DROP COLUMN ${column}`).join(', ')}`);
  }
}
