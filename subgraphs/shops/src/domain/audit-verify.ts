import type { EntityManager } from 'typeorm';
import { AuditChainVerifier, type AuditChainBreak } from '@cip/platform';
import { AuditRepository } from '../data/audit';

const batchSize = 1_000;

export interface AuditVerification {
  chains: number;
  entries: number;
  /** The first broken link of each broken chain. */
  breaks: AuditChainBreak[];
}

/** Recomputes every chain of the audit log from its first entry and compares each link and each chain's head. */
export async function verifyAuditLog(manager: EntityManager): Promise<AuditVerification> {
  const repo = new AuditRepository(manager);
  const chains = await repo.chains();
  const breaks: AuditChainBreak[] = [];
  let entries = 0;
  for (const { chain, head } of chains) {
    const verifier = new AuditChainVerifier(chain);
    let after = 0;
    let broken: AuditChainBreak | null = null;
    for (;;) {
      const batch = await repo.entries(chain, after, batchSize);
      for (const entry of batch) if ((broken = verifier.push(entry))) break;
      if (broken || batch.length < batchSize) break;
      after = batch[batch.length - 1].seq;
    }
    broken ??= head ? verifier.end(head) : { chain, seq: 1, id: null, reason: "the chain's head was removed, so removals at its end cannot be told" };
    entries += verifier.count;
    if (broken) breaks.push(broken);
  }
  return { chains: chains.length, entries, breaks };
}
