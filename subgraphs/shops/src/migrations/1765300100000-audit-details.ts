import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What an audit entry changed, when it says (a feature flag's previous and new value and the reason), covered by its hash. */
export class AuditDetails1765300100000 implements MigrationInterface {
  name = 'AuditDetails1765300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shops.audit_entry ADD COLUMN details jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shops.audit_entry DROP COLUMN details`);
  }
}
