import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Security events: what threat detection saw, per organization (failed sign-ins of unknown accounts belong to none); audit entries by actor, for its bursts. */
export class SecurityEvents1765100100000 implements MigrationInterface {
  name = 'SecurityEvents1765100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE shops.security_event (
      id uuid PRIMARY KEY,
      org_id uuid,
      user_id uuid,
      actor_id text,
      account_hash text,
      type text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('INFO', 'LOW', 'MEDIUM', 'HIGH')),
      client_address text,
      user_agent text,
      description text NOT NULL,
      occurred_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX security_event_org ON shops.security_event (org_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX security_event_failed_from ON shops.security_event (client_address, occurred_at) WHERE type = 'LOGIN_FAILED'`);
    await q.query(`CREATE INDEX security_event_user ON shops.security_event (user_id, type)`);
    await q.query(`CREATE INDEX audit_entry_actor ON shops.audit_entry (actor_id, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX shops.audit_entry_actor`);
    await q.query(`DROP TABLE shops.security_event`);
  }
}
