import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { isSensitiveKey } from '../observability/redaction';
import type { AuditEntry } from './entry';

/** What the first entry of a chain names as the previous hash. */
export const genesisAuditHash = '0'.repeat(64);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The hash of an entry: SHA-256 over the RFC 8785 (JCS) serialization of every field but the hash itself,
 * its chain, number and predecessor's hash included, so changing, removing or reordering an entry breaks
 * the link to the next. `details` counts only when present, so entries from before it existed keep their hash.
 */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { chain, seq, prevHash, id, occurredAt, actorKind, actorId, orgId, shopId, type, operation, targetIds, inputDigest, outcome, errorCode, requestId, traceId, clientAddress, userAgent, details } = entry;
  const fields = {
    ...{ chain, seq, prevHash, id, occurredAt, actorKind, actorId, orgId, shopId, type, operation, targetIds, inputDigest, outcome, errorCode, requestId, traceId, clientAddress, userAgent },
    ...(details ? { details } : {}),
  };
  return sha256(canonicalize(fields)!);
}

/** Second-factor codes, sign-in challenges and WebAuthn responses, beside what logs never show. */
const secretInputKey = /^(code|challenge|response|credential|recoverycode)$/;
const removed = '[removed]';

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
      key,
      isSensitiveKey(key) || secretInputKey.test(key.toLowerCase()) ? removed : withoutSecrets(inner),
    ]),
  );
}

/** SHA-256 of the canonical input with passwords, tokens, secrets and codes replaced, so an auditor can match an input they hold without the log holding it. */
export function auditInputDigest(input: Record<string, unknown> | null | undefined): string | null {
  if (!input || Object.keys(input).length === 0) return null;
  return sha256(canonicalize(withoutSecrets(input)) ?? 'null');
}
