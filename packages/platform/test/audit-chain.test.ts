import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditEntryHash, auditInputDigest, AuditChainVerifier, genesisAuditHash, type AuditEntry, type AuditRecord } from '../src';

const record = (operation: string): AuditRecord => ({
  id: randomUUID(),
  occurredAt: new Date('2026-12-01T15:00:00.000Z').toISOString(),
  actorKind: 'USER',
  actorId: randomUUID(),
  orgId: randomUUID(),
  shopId: null,
  type: 'MUTATION',
  operation,
  targetIds: [randomUUID()],
  inputDigest: null,
  outcome: 'SUCCESS',
  errorCode: null,
  requestId: null,
  traceId: null,
  clientAddress: '203.0.113.7',
  userAgent: 'test',
});

function chainOf(operations: string[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const [index, operation] of operations.entries()) {
    const unhashed = { ...record(operation), chain: 'org', seq: index + 1, prevHash: entries[index - 1]?.hash ?? genesisAuditHash };
    entries.push({ ...unhashed, hash: auditEntryHash(unhashed) });
  }
  return entries;
}

function firstBreak(entries: AuditEntry[], head = { seq: entries.length, hash: entries[entries.length - 1]?.hash ?? genesisAuditHash }) {
  const verifier = new AuditChainVerifier('org');
  for (const entry of entries) {
    const broken = verifier.push(entry);
    if (broken) return broken;
  }
  return verifier.end(head);
}

describe('the audit hash chain', () => {
  const intact = chainOf(['login', 'startInspection', 'sendInspection', 'decideRecommendation']);

  it('verifies an intact chain', () => {
    expect(firstBreak(intact)).toBeNull();
  });

  it('names the entry whose contents were changed', () => {
    const changed = intact.map((entry) => (entry.seq === 2 ? { ...entry, actorId: randomUUID() } : entry));
    expect(firstBreak(changed)).toMatchObject({ seq: 2, id: intact[1].id, reason: expect.stringContaining('changed') });
  });

  it('names the entry after one that was removed', () => {
    expect(firstBreak(intact.filter((entry) => entry.seq !== 2), { seq: 4, hash: intact[3].hash })).toMatchObject({ seq: 3, id: intact[2].id });
  });

  it('names the first entry out of place when two are swapped', () => {
    const swapped = [intact[0], intact[2], intact[1], intact[3]];
    expect(firstBreak(swapped)).toMatchObject({ seq: 3, id: intact[2].id });
  });

  it('finds entries removed from the end by the head the log kept', () => {
    expect(firstBreak(intact.slice(0, 3), { seq: 4, hash: intact[3].hash })).toMatchObject({ seq: 4, id: null });
  });

  it('finds a renumbered entry whose hash was recomputed by its link to the next', () => {
    const forged = { ...intact[1], operation: 'somethingElse' };
    const rehashed = { ...forged, hash: auditEntryHash(forged) };
    expect(firstBreak([intact[0], rehashed, intact[2], intact[3]])).toMatchObject({ seq: 3, reason: expect.stringContaining('hash of the entry before') });
  });
});

describe('the input digest', () => {
  it('never depends on passwords, tokens, secrets or codes, and does depend on everything else', () => {
    const base = auditInputDigest({ email: 'a@example.com', password: 'one', input: { refreshToken: 'x', code: '123456', shopId: 's1' } });
    expect(auditInputDigest({ email: 'a@example.com', password: 'two', input: { refreshToken: 'y', code: '654321', shopId: 's1' } })).toBe(base);
    expect(auditInputDigest({ email: 'a@example.com', password: 'one', input: { refreshToken: 'x', code: '123456', shopId: 's2' } })).not.toBe(base);
    expect(base).toMatch(/^[\da-f]{64}$/);
  });

  it('is the same whatever the order of the keys', () => {
    expect(auditInputDigest({ a: 1, b: { c: 2, d: 3 } })).toBe(auditInputDigest({ b: { d: 3, c: 2 }, a: 1 }));
    expect(auditInputDigest({})).toBeNull();
  });
});
