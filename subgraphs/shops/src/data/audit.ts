import type { EntityManager } from 'typeorm';
import { genesisAuditHash, queryRows, type AuditEntry, type AuditEntryType, type AuditChainStart } from '@cip/platform';

const columns = `chain, seq::int AS seq, id, occurred_at AS "occurredAt", actor_kind AS "actorKind", actor_id AS "actorId", org_id AS "orgId",
  shop_id AS "shopId", type, operation, target_ids AS "targetIds", input_digest AS "inputDigest", outcome, error_code AS "errorCode",
  request_id AS "requestId", trace_id AS "traceId", client_address AS "clientAddress", user_agent AS "userAgent", prev_hash AS "prevHash", hash, details`;

type Row = Omit<AuditEntry, 'occurredAt'> & { occurredAt: Date };
const entryOf = (row: Row): AuditEntry => ({ ...row, occurredAt: row.occurredAt.toISOString() });

export interface AuditFilter {
  /** The organization's chain, or `platform` for actions of none (feature flags). */
  chain: string;
  actorId?: string | null;
  type?: AuditEntryType | null;
  from?: Date | null;
  to?: Date | null;
  /** Entries numbered below this (the page after a cursor). */
  beforeSeq?: number | null;
}

/** The audit log's entries and the head of each chain. */
export class AuditRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Locks the chain's head for the rest of the transaction, so entries join it one at a time. */
  async lockHead(chain: string): Promise<AuditChainStart> {
    await this.manager.query(`/* audit.ensureHead */ INSERT INTO shops.audit_chain_head (chain, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING`, [chain, genesisAuditHash]);
    const [head] = await queryRows<AuditChainStart>(this.manager, `/* audit.lockHead */ SELECT seq::int AS seq, hash FROM shops.audit_chain_head WHERE chain = $1 FOR UPDATE`, [chain]);
    return head;
  }

  async exists(id: string): Promise<boolean> {
    const rows = await queryRows(this.manager, `/* audit.exists */ SELECT 1 FROM shops.audit_entry WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async append(entry: AuditEntry): Promise<void> {
    await this.manager.query(
      `/* audit.append */ INSERT INTO shops.audit_entry (chain, seq, id, occurred_at, actor_kind, actor_id, org_id, shop_id, type, operation, target_ids,
         input_digest, outcome, error_code, request_id, trace_id, client_address, user_agent, prev_hash, hash, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
      [
        entry.chain, entry.seq, entry.id, entry.occurredAt, entry.actorKind, entry.actorId, entry.orgId, entry.shopId, entry.type, entry.operation, entry.targetIds,
        entry.inputDigest, entry.outcome, entry.errorCode, entry.requestId, entry.traceId, entry.clientAddress, entry.userAgent, entry.prevHash, entry.hash,
        entry.details ? JSON.stringify(entry.details) : null,
      ],
    );
    await this.manager.query(`/* audit.moveHead */ UPDATE shops.audit_chain_head SET seq = $2, hash = $3 WHERE chain = $1`, [entry.chain, entry.seq, entry.hash]);
  }

  /** A chain's entries, newest first, filtered. */
  async page(filter: AuditFilter, limit: number): Promise<AuditEntry[]> {
    const rows = await queryRows<Row>(
      this.manager,
      `/* audit.page */ SELECT ${columns} FROM shops.audit_entry
       WHERE chain = $1 AND ($2::text IS NULL OR actor_id = $2) AND ($3::text IS NULL OR type = $3)
         AND ($4::timestamptz IS NULL OR occurred_at >= $4) AND ($5::timestamptz IS NULL OR occurred_at < $5) AND ($6::bigint IS NULL OR seq < $6)
       ORDER BY seq DESC LIMIT $7`,
      [filter.chain, filter.actorId ?? null, filter.type ?? null, filter.from ?? null, filter.to ?? null, filter.beforeSeq ?? null, limit],
    );
    return rows.map(entryOf);
  }

  /** Mutations of `actorId` in the organization refused as FORBIDDEN since `since`. */
  async refusalsSince(orgId: string, actorId: string, since: Date): Promise<number> {
    const [row] = await queryRows<{ count: number }>(
      this.manager,
      `/* audit.refusalsSince */ SELECT count(*)::int AS count FROM shops.audit_entry
       WHERE actor_id = $2 AND org_id = $1 AND type = 'MUTATION' AND error_code = 'FORBIDDEN' AND occurred_at >= $3`,
      [orgId, actorId, since],
    );
    return row.count;
  }

  /** Whether the actor has entries in the organization other than `exceptId`, and whether any from `address`. */
  async addressesOfActor(orgId: string, actorId: string, address: string, exceptId: string): Promise<{ before: boolean; fromThisAddress: boolean }> {
    const [row] = await queryRows<{ before: boolean; fromThisAddress: boolean }>(
      this.manager,
      `/* audit.addressesOfActor */ SELECT count(*) > 0 AS before, count(*) FILTER (WHERE client_address = $3) > 0 AS "fromThisAddress"
       FROM shops.audit_entry WHERE actor_id = $2 AND org_id = $1 AND id <> $4`,
      [orgId, actorId, address, exceptId],
    );
    return row;
  }

  /** Every chain that has entries or a head, with its head (null when it was removed). */
  async chains(): Promise<{ chain: string; head: AuditChainStart | null }[]> {
    const rows = await queryRows<{ chain: string; seq: number | null; hash: string | null }>(
      this.manager,
      `/* audit.chains */ SELECT c.chain, h.seq::int AS seq, h.hash
       FROM (SELECT DISTINCT chain FROM shops.audit_entry UNION SELECT chain FROM shops.audit_chain_head) c
       LEFT JOIN shops.audit_chain_head h ON h.chain = c.chain ORDER BY c.chain`,
      [],
    );
    return rows.map(({ chain, seq, hash }) => ({ chain, head: seq === null || hash === null ? null : { seq, hash } }));
  }

  /** The last entry of a chain recorded before `cutoff` (0 for none): retention archives up to it. */
  async lastRecordedBefore(chain: string, cutoff: Date): Promise<number> {
    const [row] = await queryRows<{ seq: number }>(this.manager, `/* audit.lastRecordedBefore */ SELECT coalesce(max(seq), 0)::int AS seq FROM shops.audit_entry WHERE chain = $1 AND recorded_at < $2`, [chain, cutoff]);
    return row.seq;
  }

  /** Deletes a chain's entries `firstSeq`–`seq`; the database refuses unless a checkpoint of this transaction covers them. */
  async deleteArchived(chain: string, firstSeq: number, seq: number): Promise<void> {
    await this.manager.query(`/* audit.deleteArchived */ DELETE FROM shops.audit_entry WHERE chain = $1 AND seq BETWEEN $2 AND $3`, [chain, firstSeq, seq]);
  }

  /** A chain's entries after `afterSeq`, in physical order of their numbers, a batch at a time. */
  async entries(chain: string, afterSeq: number, limit: number): Promise<AuditEntry[]> {
    const rows = await queryRows<Row>(this.manager, `/* audit.entries */ SELECT ${columns} FROM shops.audit_entry WHERE chain = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [chain, afterSeq, limit]);
    return rows.map(entryOf);
  }
}
