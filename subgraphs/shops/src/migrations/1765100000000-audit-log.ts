import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE, and the service role gives
 * up those grants), numbered and hash-chained per organization, with each chain's head kept beside it.
 */
export class AuditLog1765100000000 implements MigrationInterface {
  name = 'AuditLog1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE shops.audit_entry (
      chain text NOT NULL,
      seq bigint NOT NULL CHECK (seq > 0),
      id uuid NOT NULL UNIQUE,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      actor_kind text NOT NULL,
      actor_id text,
      org_id uuid,
      shop_id uuid,
      type text NOT NULL,
      operation text NOT NULL,
      target_ids text[] NOT NULL,
      input_digest text,
      outcome text NOT NULL,
      error_code text,
      request_id text,
      trace_id text,
      client_address text,
      user_agent text,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      PRIMARY KEY (chain, seq)
    )`);
    await q.query(`CREATE INDEX audit_entry_org ON shops.audit_entry (org_id, seq DESC)`);
    await q.query(`CREATE TABLE shops.audit_chain_head (
      chain text PRIMARY KEY,
      seq bigint NOT NULL,
      hash text NOT NULL
    )`);
    await q.query(`CREATE FUNCTION shops.audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'shops.audit_entry is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON shops.audit_entry FOR EACH ROW EXECUTE FUNCTION shops.audit_entry_append_only()`);
    await q.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON shops.audit_entry FOR EACH STATEMENT EXECUTE FUNCTION shops.audit_entry_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON shops.audit_entry FROM PUBLIC, CURRENT_USER`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE shops.audit_chain_head`);
    await q.query(`DROP TABLE shops.audit_entry`);
    await q.query(`DROP FUNCTION shops.audit_entry_append_only()`);
  }
}
