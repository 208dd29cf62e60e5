import { z } from 'zod';

export const auditActorKinds = ['USER', 'PARTNER_KEY', 'SHARE_LINK', 'OPERATOR', 'SERVICE', 'ANONYMOUS'] as const;
export type AuditActorKind = (typeof auditActorKinds)[number];

export const auditEntryTypes = ['MUTATION', 'SECURITY', 'EVENT', 'EXPORT'] as const;
export type AuditEntryType = (typeof auditEntryTypes)[number];

export const auditOutcomes = ['SUCCESS', 'FAILURE'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** What one audited action says, as its producer records it, before it takes a place in its organization's chain. */
export const auditRecordSchema = z.object({
  id: z.uuid().describe('The entry: a producer that records it again gets the first one back.'),
  occurredAt: z.iso.datetime().describe('When it happened (UTC, milliseconds).'),
  actorKind: z.enum(auditActorKinds).describe('Who acted: a staff user, a partner API key, a customer share link, an operator, a service, or nobody signed in.'),
  actorId: z.string().max(200).nullable().describe('Which one: the user, API key, share link, operator or service.'),
  orgId: z.uuid().nullable().describe('The organization whose chain the entry joins; null for actions of no organization.'),
  shopId: z.uuid().nullable().describe('The shop it concerned, when one.'),
  type: z.enum(auditEntryTypes).describe('A mutation, a security event, a domain event of a service, or a read of exported data.'),
  operation: z.string().min(1).max(200).describe('The mutation, security event or domain event name.'),
  targetIds: z.array(z.string().max(200)).max(50).describe('Ids of what it changed or read.'),
  inputDigest: z.string().max(128).nullable().describe('SHA-256 of the canonical input with secrets taken out; never the input itself.'),
  outcome: z.enum(auditOutcomes).describe('Whether it did what was asked.'),
  errorCode: z.string().max(100).nullable().describe('The error code of a failure.'),
  requestId: z.string().max(200).nullable().describe('The request it came in.'),
  traceId: z.string().max(64).nullable().describe('The W3C trace it belongs to.'),
  clientAddress: z.string().max(100).nullable().describe('The client address the gateway saw.'),
  userAgent: z.string().max(512).nullable().describe("The client's user agent."),
  details: z
    .record(z.string(), z.unknown())
    .nullish()
    .describe('What changed, for entries that say more than their input digest (a feature flag: key, previous and new value, reason); never secrets.'),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/** A record in its chain: one chain per organization (`platform` for actions of none), numbered from 1 without gaps. */
export interface AuditEntry extends AuditRecord {
  chain: string;
  seq: number;
  prevHash: string;
  hash: string;
}

export const platformAuditChain = 'platform';

export const auditChainOf = (orgId: string | null): string => orgId ?? platformAuditChain;
