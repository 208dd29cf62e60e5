import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit retention: how long an organization keeps entries in the live log, and checkpoints — append-only rows
 * that hold an archived range as JSON lines with its last entry's hash. The audit log's guard now lets a
 * DELETE through only for entries a checkpoint inserted in the same transaction covers; the checkpoint's own
 * insert is checked against the live rows (the range follows the previous checkpoint, every entry is there,
 * its last hash and the archive's digest are right), so no checkpoint can be made up to cover a deletion.
 */
export class AuditRetention1765400000000 implements MigrationInterface {
  name = 'AuditRetention1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shops.organization ADD COLUMN audit_retention_days int CHECK (audit_retention_days BETWEEN 30 AND 3650)`);
    await q.query(`CREATE TABLE shops.audit_checkpoint (
      chain text NOT NULL,
      first_seq bigint NOT NULL CHECK (first_seq > 0),
      seq bigint NOT NULL,
      last_hash text NOT NULL,
      count int NOT NULL,
      archive_digest text NOT NULL,
      prev_checkpoint_hash text NOT NULL,
      checkpoint_hash text NOT NULL,
      archive text NOT NULL,
      archived_at timestamptz NOT NULL DEFAULT now(),
      txid bigint NOT NULL,
      PRIMARY KEY (chain, seq),
      CHECK (seq >= first_seq AND count = seq - first_seq + 1)
    )`);
    await q.query(`CREATE FUNCTION shops.audit_checkpoint_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        previous shops.audit_checkpoint;
        present bigint;
      BEGIN
        SELECT * INTO previous FROM shops.audit_checkpoint WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
        IF NEW.first_seq <> coalesce(previous.seq, 0) + 1 THEN
          RAISE EXCEPTION 'an audit checkpoint of chain % must start at entry %', NEW.chain, coalesce(previous.seq, 0) + 1 USING ERRCODE = 'check_violation';
        END IF;
        SELECT count(*) INTO present FROM shops.audit_entry WHERE chain = NEW.chain AND seq BETWEEN NEW.first_seq AND NEW.seq;
        IF present <> NEW.count OR NOT EXISTS (SELECT 1 FROM shops.audit_entry WHERE chain = NEW.chain AND seq = NEW.seq AND hash = NEW.last_hash) THEN
          RAISE EXCEPTION 'an audit checkpoint must cover entries the log holds, ending at its last hash' USING ERRCODE = 'check_violation';
        END IF;
        IF encode(sha256(convert_to(NEW.archive, 'UTF8')), 'hex') <> NEW.archive_digest THEN
          RAISE EXCEPTION 'an audit checkpoint must name the digest of its archive' USING ERRCODE = 'check_violation';
        END IF;
        NEW.txid := txid_current();
        NEW.archived_at := now();
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_checkpoint_insert BEFORE INSERT ON shops.audit_checkpoint FOR EACH ROW EXECUTE FUNCTION shops.audit_checkpoint_insert()`);
    await q.query(`CREATE FUNCTION shops.audit_checkpoint_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'shops.audit_checkpoint is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON shops.audit_checkpoint FOR EACH ROW EXECUTE FUNCTION shops.audit_checkpoint_append_only()`);
    await q.query(`CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON shops.audit_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION shops.audit_checkpoint_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON shops.audit_checkpoint FROM PUBLIC, CURRENT_USER`);
    await q.query(`CREATE OR REPLACE FUNCTION shops.audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF EXISTS (SELECT 1 FROM shops.audit_checkpoint c WHERE c.chain = OLD.chain AND OLD.seq BETWEEN c.first_seq AND c.seq AND c.txid = txid_current()) THEN
            RETURN OLD;
          END IF;
        END IF;
        RAISE EXCEPTION 'shops.audit_entry is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    // Pruning deletes; the trigger above is what confines it to archived ranges.
    await q.query(`GRANT DELETE ON shops.audit_entry TO CURRENT_USER`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE DELETE ON shops.audit_entry FROM CURRENT_USER`);
    await q.query(`CREATE OR REPLACE FUNCTION shops.audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'shops.audit_entry is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP TABLE shops.audit_checkpoint`);
    await q.query(`DROP FUNCTION shops.audit_checkpoint_insert()`);
    await q.query(`DROP FUNCTION shops.audit_checkpoint_append_only()`);
    await q.query(`ALTER TABLE shops.organization DROP COLUMN audit_retention_days`);
  }
}
