import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEntry } from './entry';
import { genesisAuditHash } from './hash';
import { AuditChainVerifier, type AuditChainBreak, type AuditChainStart } from './verify';

/**
 * Where a range of a chain was archived and removed from the live log: entries `firstSeq`–`seq`, the last
 * of which hashed to `lastHash`, written as JSON lines whose SHA-256 is `archiveDigest`. Checkpoints of a
 * chain follow each other without gaps and each names the hash of the one before it.
 */
export interface AuditCheckpoint {
  chain: string;
  firstSeq: number;
  seq: number;
  lastHash: string;
  count: number;
  archiveDigest: string;
  prevCheckpointHash: string;
  checkpointHash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 over the RFC 8785 serialization of every field of the checkpoint but its own hash. */
export function auditCheckpointHash(checkpoint: Omit<AuditCheckpoint, 'checkpointHash'>): string {
  const { chain, firstSeq, seq, lastHash, count, archiveDigest, prevCheckpointHash } = checkpoint;
  return sha256(canonicalize({ chain, firstSeq, seq, lastHash, count, archiveDigest, prevCheckpointHash })!);
}

/** The archive of a range: one JSON object per entry and line, oldest first, as the audit log export writes them. */
export const auditArchiveContent = (entries: AuditEntry[]): string => entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');

export const auditArchiveDigest = (content: string): string => sha256(content);

/** Where the chain resumes after a checkpoint: its last entry's number and hash. */
export const auditChainStartAfter = (checkpoint: AuditCheckpoint | null): AuditChainStart =>
  checkpoint ? { seq: checkpoint.seq, hash: checkpoint.lastHash } : { seq: 0, hash: genesisAuditHash };

/** What the first link of a chain of checkpoints that does not hold is, or null. */
export function auditCheckpointBreak(checkpoint: AuditCheckpoint, previous: AuditCheckpoint | null): AuditChainBreak | null {
  const at = { chain: checkpoint.chain, seq: checkpoint.firstSeq, id: null };
  if (checkpoint.firstSeq !== auditChainStartAfter(previous).seq + 1) return { ...at, reason: `the checkpoint of entries ${checkpoint.firstSeq}–${checkpoint.seq} does not follow the one before it` };
  if (checkpoint.prevCheckpointHash !== (previous?.checkpointHash ?? genesisAuditHash)) return { ...at, reason: `the checkpoint of entries ${checkpoint.firstSeq}–${checkpoint.seq} does not name the hash of the one before it` };
  if (auditCheckpointHash(checkpoint) !== checkpoint.checkpointHash) return { ...at, reason: `the checkpoint of entries ${checkpoint.firstSeq}–${checkpoint.seq} no longer matches its hash: it was changed` };
  return null;
}

/**
 * Verifies an archive (JSON lines, as stored or as an auditor holds it) against its checkpoint: every entry links
 * to the one before, from the previous checkpoint's last hash to this one's, none missing or out of place, and
 * the text is the one the checkpoint's digest names. The break names the first entry that does not hold.
 */
export function verifyAuditArchive(content: string, checkpoint: AuditCheckpoint, previous: AuditCheckpoint | null): AuditChainBreak | null {
  const verifier = new AuditChainVerifier(checkpoint.chain, auditChainStartAfter(previous));
  const lines = content.split('\n').filter((line) => line.length > 0);
  for (const [index, line] of lines.entries()) {
    let entry: AuditEntry;
    try {
      entry = JSON.parse(line) as AuditEntry;
    } catch {
      return { chain: checkpoint.chain, seq: checkpoint.firstSeq + index, id: null, reason: `line ${index + 1} of the archive is not JSON` };
    }
    const broken = verifier.push(entry);
    if (broken) return broken;
  }
  const ended = verifier.end({ seq: checkpoint.seq, hash: checkpoint.lastHash });
  if (ended) return { ...ended, reason: `the checkpoint ends at entry ${checkpoint.seq}, but the archive at entry ${verifier.count + checkpoint.firstSeq - 1}: entries at its end were removed or changed` };
  if (auditArchiveDigest(content) !== checkpoint.archiveDigest) return { chain: checkpoint.chain, seq: checkpoint.firstSeq, id: null, reason: "the archive's text differs from the digest its checkpoint names" };
  return null;
}
