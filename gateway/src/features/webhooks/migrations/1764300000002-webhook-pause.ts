import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why an endpoint was paused (its registrant lost the access it was registered with). */
export class WebhookPause1764300000002 implements MigrationInterface {
  name = 'WebhookPause1764300000002';

  async up(q: QueryRunner) {
    await q.query(`ALTER TABLE gateway.webhook_endpoint ADD COLUMN paused_reason text`);
  }

  async down(q: QueryRunner) {
    await q.query(`ALTER TABLE gateway.webhook_endpoint DROP COLUMN paused_reason`);
  }
}
