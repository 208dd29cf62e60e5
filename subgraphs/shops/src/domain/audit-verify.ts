import type { EntityManager } from 'typeorm';
import { auditChainStartAfter, auditCheckpointBreak, AuditChainVerifier, verifyAuditArchive, type AuditChainBreak, type AuditCheckpoint, type AuditEntry } from '@cip/platform';
import { AuditRepository } from '../data/audit';
import { AuditCheckpointRepository } from '../data/audit-checkpoint';

const batchSize = 1_000;

export interface AuditVerification {
  chains: number;
  entries: number;
  /** Archived entries verified against their checkpoints. */
  archived: number;
  /** The first broken link of each broken chain. */
  breaks: AuditChainBreak[];
}

/**
 * Recomputes every chain of the audit log: its checkpoints one after another, each archive against its
 * checkpoint, then the live entries from the latest checkpoint's hash (the genesis hash when none) to the head.
 * All of it reads one snapshot: on a live log, an entry appended between reading the heads and reading the
 * entries would otherwise look like entries changed at the chain's end.
 */
export function verifyAuditLog(manager: EntityManager): Promise<AuditVerification> {
  return manager.transaction('REPEATABLE READ', async (snapshot) => {
    await snapshot.query('SET TRANSACTION READ ONLY');
    return verifyChains(snapshot);
  });
}

async function verifyChains(manager: EntityManager): Promise<AuditVerification> {
  const repo = new AuditRepository(manager);
  const checkpointRepo = new AuditCheckpointRepository(manager);
  const chains = await repo.chains();
  const breaks: AuditChainBreak[] = [];
  let entries = 0;
  let archived = 0;
  for (const { chain, head } of chains) {
    let previous: AuditCheckpoint | null = null;
    let broken: AuditChainBreak | null = null;
    for (const checkpoint of await checkpointRepo.list(chain)) {
      broken = auditCheckpointBreak(checkpoint, previous) ?? verifyAuditArchive((await checkpointRepo.archive(chain, checkpoint.seq)) ?? '', checkpoint, previous);
      if (broken) break;
      archived += checkpoint.count;
      previous = checkpoint;
    }
    const verifier = new AuditChainVerifier(chain, auditChainStartAfter(previous));
    let after = auditChainStartAfter(previous).seq;
    while (!broken) {
      const batch = await repo.entries(chain, after, batchSize);
      for (const entry of batch) if ((broken = verifier.push(entry))) break;
      if (broken || batch.length < batchSize) break;
      after = batch[batch.length - 1].seq;
    }
    broken ??= head ? verifier.end(head) : { chain, seq: 1, id: null, reason: "the chain's head was removed, so removals at its end cannot be told" };
    entries += verifier.count;
    if (broken) breaks.push(broken);
  }
  return { chains: chains.length, entries, archived, breaks };
}

/** Verifies an archive an auditor holds (JSON lines, as `exportAuditArchive` wrote it) against the checkpoint whose range holds its first entry. */
export async function verifyArchiveCopy(manager: EntityManager, content: string): Promise<{ checkpoint: AuditCheckpoint; broken: AuditChainBreak | null }> {
  const first = JSON.parse(content.split('\n', 1)[0]) as Pick<AuditEntry, 'chain' | 'seq'>;
  const checkpoints = await new AuditCheckpointRepository(manager).list(first.chain);
  const index = checkpoints.findIndex((checkpoint) => checkpoint.firstSeq <= first.seq && first.seq <= checkpoint.seq);
  if (index < 0) throw new Error(`no checkpoint of chain ${first.chain} covers entry ${first.seq}`);
  const checkpoint = checkpoints[index];
  return { checkpoint, broken: verifyAuditArchive(content, checkpoint, checkpoints[index - 1] ?? null) };
}
