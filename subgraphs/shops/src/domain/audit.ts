import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  auditChainOf,
  auditEntryHash,
  auditEntryTypes,
  auditRecordSchema,
  forbidden,
  platformAuditChain,
  parseInput,
  requireStaff,
  type AuditEntry,
  type AuditRecord,
  type ClientInfo,
  type Principal,
  type StaffPrincipal,
} from '@cip/platform';
import { AuditRepository, type AuditFilter } from '../data/audit';
import { ShopRepository } from '../data/shop';
import { auditExport, type AuditExport } from './audit-export';

const maxPage = 200;
const maxExport = 50_000;

const filterInput = z.object({
  actorId: z.string().max(200).nullish(),
  type: z.enum(auditEntryTypes).nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
});
const pageInput = filterInput.extend({ first: z.number().int().min(1).max(maxPage).nullish(), after: z.string().regex(/^\d+$/).nullish() });
const exportInput = filterInput.extend({ format: z.enum(['CSV', 'JSON_LINES']) });

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `after` for the next (older) page; null on the last one. */
  endCursor: string | null;
}

/** A record of this service's own action, with the client of the request that caused it (none for background work). */
export function localAuditRecord(
  input: Pick<AuditRecord, 'actorKind' | 'actorId' | 'orgId' | 'shopId' | 'type' | 'operation' | 'targetIds' | 'outcome'> & { client: ClientInfo | null; occurredAt?: Date },
): AuditRecord {
  const { client, occurredAt, ...rest } = input;
  return {
    id: randomUUID(),
    occurredAt: (occurredAt ?? new Date()).toISOString(),
    inputDigest: null,
    errorCode: null,
    traceId: null,
    ...rest,
    requestId: client?.requestId ?? null,
    clientAddress: client?.address ?? null,
    userAgent: client?.userAgent ?? null,
  };
}

/**
 * The organization's audit log. Shops is its one writer: every entry joins its organization's chain under
 * a lock on the chain's head, so entries are numbered without gaps and each names the previous one's hash.
 */
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends a record in the caller's transaction (so it commits with what it describes); a record already appended is skipped. */
  async append(manager: EntityManager, input: AuditRecord): Promise<AuditEntry | null> {
    const record = auditRecordSchema.parse(input);
    const repo = new AuditRepository(manager);
    const orgId = record.orgId ?? (record.shopId ? ((await new ShopRepository(manager).findByIds([record.shopId]))[0]?.orgId ?? null) : null);
    const chain = auditChainOf(orgId);
    const head = await repo.lockHead(chain);
    if (await repo.exists(record.id)) return null;
    const unhashed = { ...record, orgId, chain, seq: head.seq + 1, prevHash: head.hash };
    const entry: AuditEntry = { ...unhashed, hash: auditEntryHash(unhashed) };
    await repo.append(entry);
    return entry;
  }

  /** Appends a record on its own. */
  record(record: AuditRecord): Promise<AuditEntry | null> {
    return this.dataSource.transaction((manager) => this.append(manager, record));
  }

  /** The caller's organization's entries, newest first: owners only; operators read the platform's (feature flags and other actions of no organization). */
  async page(principal: Principal | null, input: unknown): Promise<AuditPage> {
    const chain = principal?.kind === 'operator' ? platformAuditChain : auditChainOf(requireOwner(principal).orgId);
    const { first, after, ...filter } = parseInput(pageInput, input);
    const limit = first ?? 50;
    const entries = await new AuditRepository(this.dataSource.manager).page({ ...filter, chain, beforeSeq: after ? Number(after) : null }, limit);
    return { entries, endCursor: entries.length === limit ? String(entries[entries.length - 1].seq) : null };
  }

  /**
   * The filtered entries as CSV or JSON lines, for auditors. Owners (its field declares step-up); the export is itself an entry, appended with the read, in one transaction.
   */
  async export(principal: Principal | null, input: unknown, client: ClientInfo): Promise<AuditExport> {
    const owner = requireOwner(principal);
    const { format, ...filter } = parseInput(exportInput, input);
    return this.dataSource.transaction(async (manager) => {
      const query: AuditFilter = { ...filter, chain: auditChainOf(owner.orgId) };
      const entries = (await new AuditRepository(manager).page(query, maxExport)).reverse();
      const exported = auditExport(format, entries);
      await this.append(
        manager,
        localAuditRecord({
          actorKind: 'USER',
          actorId: owner.userId,
          orgId: owner.orgId,
          shopId: null,
          type: 'EXPORT',
          operation: 'exportAuditLog',
          targetIds: entries.length > 0 ? [entries[0].id, entries[entries.length - 1].id] : [],
          outcome: 'SUCCESS',
          client,
        }),
      );
      return exported;
    });
  }
}

export function requireOwner(principal: Principal | null): StaffPrincipal {
  const staff = requireStaff(principal);
  if (!Object.values(staff.roles).includes('OWNER')) throw forbidden("Only an owner can read the organization's audit log.");
  return staff;
}
