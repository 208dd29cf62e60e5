import type { EntityManager } from 'typeorm';
import { queryRows, type AuditCheckpoint } from '@cip/platform';

const columns = `chain, first_seq::int AS "firstSeq", seq::int AS seq, last_hash AS "lastHash", count, archive_digest AS "archiveDigest",
  prev_checkpoint_hash AS "prevCheckpointHash", checkpoint_hash AS "checkpointHash"`;

/** A checkpoint with when its range was archived. */
export type StoredAuditCheckpoint = AuditCheckpoint & { archivedAt: Date };

/** Checkpoints of archived audit ranges, their archives, and each organization's retention. */
export class AuditCheckpointRepository {
  constructor(private readonly manager: EntityManager) {}

  /** A chain's checkpoints, oldest first. */
  list(chain: string): Promise<StoredAuditCheckpoint[]> {
    return queryRows<StoredAuditCheckpoint>(this.manager, `/* auditCheckpoints.list */ SELECT ${columns}, archived_at AS "archivedAt" FROM shops.audit_checkpoint WHERE chain = $1 ORDER BY seq`, [chain]);
  }

  async latest(chain: string): Promise<AuditCheckpoint | null> {
    const [row] = await queryRows<AuditCheckpoint>(this.manager, `/* auditCheckpoints.latest */ SELECT ${columns} FROM shops.audit_checkpoint WHERE chain = $1 ORDER BY seq DESC LIMIT 1`, [chain]);
    return row ?? null;
  }

  /** The archive of the checkpoint ending at `seq`, or null. */
  async archive(chain: string, seq: number): Promise<string | null> {
    const [row] = await queryRows<{ archive: string }>(this.manager, `/* auditCheckpoints.archive */ SELECT archive FROM shops.audit_checkpoint WHERE chain = $1 AND seq = $2`, [chain, seq]);
    return row?.archive ?? null;
  }

  /** Records the checkpoint; the database checks it against the live rows it covers. */
  async insert(checkpoint: AuditCheckpoint, archive: string): Promise<void> {
    await this.manager.query(
      `/* auditCheckpoints.insert */ INSERT INTO shops.audit_checkpoint (chain, first_seq, seq, last_hash, count, archive_digest, prev_checkpoint_hash, checkpoint_hash, archive)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [checkpoint.chain, checkpoint.firstSeq, checkpoint.seq, checkpoint.lastHash, checkpoint.count, checkpoint.archiveDigest, checkpoint.prevCheckpointHash, checkpoint.checkpointHash, archive],
    );
  }

  /** Organizations that keep entries for a limited number of days. */
  retentions(): Promise<{ orgId: string; days: number }[]> {
    return queryRows(this.manager, `/* auditCheckpoints.retentions */ SELECT id AS "orgId", audit_retention_days AS days FROM shops.organization WHERE audit_retention_days IS NOT NULL ORDER BY id`, []);
  }

  async retentionOf(orgId: string): Promise<number | null> {
    const [row] = await queryRows<{ days: number | null }>(this.manager, `/* auditCheckpoints.retentionOf */ SELECT audit_retention_days AS days FROM shops.organization WHERE id = $1`, [orgId]);
    return row?.days ?? null;
  }

  async setRetention(orgId: string, days: number | null): Promise<void> {
    await this.manager.query(`/* auditCheckpoints.setRetention */ UPDATE shops.organization SET audit_retention_days = $2 WHERE id = $1`, [orgId, days]);
  }
}
