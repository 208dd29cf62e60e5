import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  auditArchiveContent,
  auditArchiveDigest,
  auditChainOf,
  auditChainStartAfter,
  auditCheckpointHash,
  genesisAuditHash,
  AuditChainVerifier,
  notFound,
  parseInput,
  type AuditCheckpoint,
  type ClientInfo,
  type Logger,
  type Principal,
} from '@cip/platform';
import { AuditRepository } from '../data/audit';
import { AuditCheckpointRepository, type StoredAuditCheckpoint } from '../data/audit-checkpoint';
import { localAuditRecord, requireOwner, type AuditLog } from './audit';
import type { AuditExport } from './audit-export';

/** Entries one checkpoint archives at most, so each archiving transaction stays short. */
const segmentSize = 5_000;
const dayMs = 86_400_000;

const retentionInput = z.object({ days: z.number().int().min(30).max(3650).nullish() });
const archiveInput = z.object({ seq: z.number().int().positive() });

export interface AuditRetentionSettings {
  /** Days entries stay in the live log; null keeps them forever. */
  days: number | null;
  /** The organization's archived ranges, newest first. */
  archives: StoredAuditCheckpoint[];
}

/**
 * How long each organization keeps its audit entries live, and the job that archives older ones: a range
 * is verified, written as JSON lines into a checkpoint with its last hash and digest, and deleted in the
 * same transaction, which is the only way the database lets an entry go.
 */
export class AuditRetention {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly logger: Logger,
  ) {}

  async settings(principal: Principal | null): Promise<AuditRetentionSettings> {
    const { orgId } = requireOwner(principal);
    const repo = new AuditCheckpointRepository(this.dataSource.manager);
    return { days: await repo.retentionOf(orgId), archives: (await repo.list(auditChainOf(orgId))).reverse() };
  }

  /** Sets the retention. Owners (its field declares step-up); the change, with the value before it, joins the log in the same transaction. */
  async setRetention(principal: Principal | null, input: unknown, client: ClientInfo): Promise<AuditRetentionSettings> {
    const owner = requireOwner(principal);
    const days = parseInput(retentionInput, input).days ?? null;
    await this.dataSource.transaction(async (manager) => {
      const repo = new AuditCheckpointRepository(manager);
      const previousDays = await repo.retentionOf(owner.orgId);
      await repo.setRetention(owner.orgId, days);
      const record = localAuditRecord({ actorKind: 'USER', actorId: owner.userId, orgId: owner.orgId, shopId: null, type: 'EVENT', operation: 'audit.retention_changed', targetIds: [owner.orgId], outcome: 'SUCCESS', client });
      await this.audit.append(manager, { ...record, details: { previousDays, days } });
    });
    return this.settings(principal);
  }

  /** An archived range as JSON lines, exactly as its checkpoint's digest names it. Owners (step-up); the read is audited. */
  async exportArchive(principal: Principal | null, input: unknown, client: ClientInfo): Promise<AuditExport> {
    const owner = requireOwner(principal);
    const { seq } = parseInput(archiveInput, input);
    const chain = auditChainOf(owner.orgId);
    return this.dataSource.transaction(async (manager) => {
      const content = await new AuditCheckpointRepository(manager).archive(chain, seq);
      if (content === null) throw notFound('AuditArchive', String(seq));
      const record = localAuditRecord({ actorKind: 'USER', actorId: owner.userId, orgId: owner.orgId, shopId: null, type: 'EXPORT', operation: 'exportAuditArchive', targetIds: [String(seq)], outcome: 'SUCCESS', client });
      await this.audit.append(manager, record);
      return { format: 'JSON_LINES', entries: content.split('\n').length - 1, content };
    });
  }

  /** Archives, for every organization with a retention, the entries recorded more than its days before `now`; answers how many. */
  async archiveDue(now: Date, control: { stopping(): boolean } = { stopping: () => false }): Promise<number> {
    let archived = 0;
    for (const { orgId, days } of await new AuditCheckpointRepository(this.dataSource.manager).retentions()) {
      const chain = auditChainOf(orgId);
      const through = await new AuditRepository(this.dataSource.manager).lastRecordedBefore(chain, new Date(now.getTime() - days * dayMs));
      for (let count = -1; count !== 0 && !control.stopping(); archived += count) count = await this.archiveSegment(orgId, through);
    }
    return archived;
  }

  /** Archives the next range of the chain up to `through`, at most a segment; answers how many entries (0: nothing left or it does not verify). */
  private archiveSegment(orgId: string, through: number): Promise<number> {
    const chain = auditChainOf(orgId);
    return this.dataSource.transaction(async (manager) => {
      const entriesRepo = new AuditRepository(manager);
      const checkpoints = new AuditCheckpointRepository(manager);
      await entriesRepo.lockHead(chain);
      const previous = await checkpoints.latest(chain);
      const entries = (await entriesRepo.entries(chain, auditChainStartAfter(previous).seq, segmentSize)).filter((entry) => entry.seq <= through);
      if (entries.length === 0) return 0;
      const verifier = new AuditChainVerifier(chain, auditChainStartAfter(previous));
      for (const entry of entries) {
        const broken = verifier.push(entry);
        if (broken) {
          this.logger.error('audit entries do not verify; they stay in the live log unarchived', { chain, break: broken });
          return 0;
        }
      }
      const content = auditArchiveContent(entries);
      const last = entries[entries.length - 1];
      const unhashed: Omit<AuditCheckpoint, 'checkpointHash'> = {
        chain,
        firstSeq: entries[0].seq,
        seq: last.seq,
        lastHash: last.hash,
        count: entries.length,
        archiveDigest: auditArchiveDigest(content),
        prevCheckpointHash: previous?.checkpointHash ?? genesisAuditHash,
      };
      const checkpoint = { ...unhashed, checkpointHash: auditCheckpointHash(unhashed) };
      await checkpoints.insert(checkpoint, content);
      await entriesRepo.deleteArchived(chain, checkpoint.firstSeq, checkpoint.seq);
      const record = localAuditRecord({ actorKind: 'SERVICE', actorId: 'shops', orgId, shopId: null, type: 'EVENT', operation: 'audit.archived', targetIds: [], outcome: 'SUCCESS', client: null });
      const { firstSeq, seq, count, lastHash, archiveDigest, checkpointHash } = checkpoint;
      await this.audit.append(manager, { ...record, details: { firstSeq, seq, count, lastHash, archiveDigest, checkpointHash } });
      return entries.length;
    });
  }
}
