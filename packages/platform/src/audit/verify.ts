import { auditEntryHash, genesisAuditHash } from './hash';
import type { AuditEntry } from './entry';

/** The first link of a chain that does not hold, and why. */
export interface AuditChainBreak {
  chain: string;
  /** The entry where the chain breaks: the one changed, the one after a removed one, or the one out of place. */
  seq: number;
  id: string | null;
  reason: string;
}

/** Where a chain's verification starts: its beginning, or a checkpoint left where older entries were archived. */
export interface AuditChainStart {
  seq: number;
  hash: string;
}

/**
 * Checks one chain's entries in the order they are numbered. Feed it every entry (`push`), then `end` with
 * the head the log recorded last, which shows entries removed from the end.
 */
export class AuditChainVerifier {
  private expectedSeq: number;
  private previousHash: string;
  private broken: AuditChainBreak | null = null;
  count = 0;

  constructor(
    readonly chain: string,
    start: AuditChainStart = { seq: 0, hash: genesisAuditHash },
  ) {
    this.expectedSeq = start.seq + 1;
    this.previousHash = start.hash;
  }

  /** The first break so far, or null. */
  push(entry: AuditEntry): AuditChainBreak | null {
    if (this.broken) return this.broken;
    const at = { chain: this.chain, seq: entry.seq, id: entry.id };
    if (entry.chain !== this.chain) return (this.broken = { ...at, reason: `belongs to chain ${entry.chain}` });
    if (entry.seq !== this.expectedSeq) return (this.broken = { ...at, reason: `comes where entry ${this.expectedSeq} should: an entry before it was removed or moved` });
    if (entry.prevHash !== this.previousHash) return (this.broken = { ...at, reason: 'does not name the hash of the entry before it' });
    if (auditEntryHash(entry) !== entry.hash) return (this.broken = { ...at, reason: 'its contents no longer match its hash: it was changed' });
    this.expectedSeq += 1;
    this.previousHash = entry.hash;
    this.count += 1;
    return null;
  }

  /** The first break, including a head that names an entry the chain no longer has. */
  end(head: AuditChainStart): AuditChainBreak | null {
    if (this.broken) return this.broken;
    if (head.seq !== this.expectedSeq - 1 || head.hash !== this.previousHash) {
      return (this.broken = { chain: this.chain, seq: this.expectedSeq, id: null, reason: `the log's head is entry ${head.seq}, but the chain ends at entry ${this.expectedSeq - 1}: entries at its end were removed or changed` });
    }
    return null;
  }
}
