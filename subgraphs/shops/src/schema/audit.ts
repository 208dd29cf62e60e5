import { describedEnum, auditActorKinds, auditEntryTypes, auditOutcomes, type AuditEntry } from '@cip/platform';
import { builder } from '../builder';
import type { AuditPage } from '../domain/audit';
import type { AuditExport } from '../domain/audit-export';

const AuditActorKindEnum = describedEnum(builder, 'AuditActorKind', 'What kind of caller an audit entry names.', {
  USER: 'A staff user (actorId: the user).',
  PARTNER_KEY: "A partner's API key (actorId: the key).",
  SHARE_LINK: "A customer through an inspection's share link (actorId: the link's grant).",
  OPERATOR: 'A platform operator (actorId: their name).',
  SERVICE: 'A service acting on an event (actorId: the service, e.g. partners accruing a commission).',
  ANONYMOUS: 'Nobody signed in (sign-in, sign-up).',
} satisfies Record<(typeof auditActorKinds)[number], string>);

const AuditEntryTypeEnum = describedEnum(builder, 'AuditEntryType', 'What an audit entry records.', {
  MUTATION: 'A mutation that ran through the gateway.',
  SECURITY: 'A security event (sign-in, MFA, token reuse …).',
  EVENT: "A service's own action on an event (a partner commission accrued).",
  EXPORT: 'A read of exported data (an audit log export).',
} satisfies Record<(typeof auditEntryTypes)[number], string>);

const AuditOutcomeEnum = describedEnum(builder, 'AuditOutcome', 'Whether the audited action did what was asked.', {
  SUCCESS: 'It did.',
  FAILURE: 'It was refused or failed; `errorCode` says why.',
} satisfies Record<(typeof auditOutcomes)[number], string>);

const AuditExportFormatEnum = describedEnum(builder, 'AuditExportFormat', 'How an audit log export is written.', {
  CSV: 'RFC 4180 CSV with a header row; target ids separated by spaces.',
  JSON_LINES: 'One JSON object per line.',
});

const AuditEntryRef = builder.objectRef<AuditEntry>('AuditEntry').implement({
  description: "One entry of the organization's append-only audit log. Each names the hash of the one before it; `npm run audit:verify` checks the chain.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The entry.' }),
    seq: t.exposeInt('seq', { description: "Its number in the organization's chain, from 1, without gaps." }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When the action happened.' }),
    actorKind: t.expose('actorKind', { type: AuditActorKindEnum, description: 'What kind of caller acted.' }),
    actorId: t.exposeString('actorId', { nullable: true, description: 'Which one: the user, API key, share link grant, operator or service.' }),
    shopId: t.exposeID('shopId', { nullable: true, description: 'The shop it concerned, when one.' }),
    type: t.expose('type', { type: AuditEntryTypeEnum, description: 'What the entry records.' }),
    operation: t.exposeString('operation', { description: 'The mutation, security event or domain event name.' }),
    targetIds: t.exposeStringList('targetIds', { description: 'Ids of what it changed or read.' }),
    inputDigest: t.exposeString('inputDigest', { nullable: true, description: 'SHA-256 of the canonical input (RFC 8785) with passwords, tokens, secrets and codes replaced.' }),
    outcome: t.expose('outcome', { type: AuditOutcomeEnum, description: 'Whether it did what was asked.' }),
    errorCode: t.exposeString('errorCode', { nullable: true, description: 'The error code of a failure.' }),
    requestId: t.exposeString('requestId', { nullable: true, description: "The gateway's request id (the `X-Request-Id` response header)." }),
    traceId: t.exposeString('traceId', { nullable: true, description: 'The W3C trace id of the request.' }),
    clientAddress: t.exposeString('clientAddress', { nullable: true, description: 'The client address the gateway saw.' }),
    userAgent: t.exposeString('userAgent', { nullable: true, description: "The client's user agent." }),
    details: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'What changed, for entries that record it: a feature flag change has `key`, `version`, `previousState` (null: the default in code), `state`, `scheduledState`, `scheduledAt`, `owner`, `expiresAt` and `reason`. Covered by `hash`.',
      resolve: (entry) => entry.details ?? null,
    }),
    prevHash: t.exposeString('prevHash', { description: 'The hash of the entry before it (64 zeros for the first).' }),
    hash: t.exposeString('hash', { description: 'SHA-256 of the entry in canonical JSON, its number and `prevHash` included.' }),
  }),
});

const AuditPageRef = builder.objectRef<AuditPage>('AuditLogPage').implement({
  description: 'A page of audit entries, newest first.',
  fields: (t) => ({
    entries: t.field({ type: [AuditEntryRef], description: 'The entries.', resolve: (page) => page.entries }),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'Pass as `after` for the next, older page; null on the last one.' }),
  }),
});

const AuditExportRef = builder.objectRef<AuditExport>('AuditLogExport').implement({
  description: 'Audit entries written out for an auditor, oldest first, hashes included.',
  fields: (t) => ({
    format: t.expose('format', { type: AuditExportFormatEnum, description: 'How `content` is written.' }),
    entries: t.exposeInt('entries', { description: 'How many entries it holds.' }),
    content: t.exposeString('content', { description: 'The entries as CSV or JSON lines.' }),
  }),
});

const filterArgs = builder.args((t) => ({
  actorId: t.string({ description: 'Only this actor (a user, API key, share link grant, operator or service).' }),
  type: t.field({ type: AuditEntryTypeEnum, description: 'Only entries of this type.' }),
  from: t.field({ type: 'DateTime', description: 'Only entries that happened at or after this.' }),
  to: t.field({ type: 'DateTime', description: 'Only entries that happened before this.' }),
}));

builder.queryField('auditLog', (t) =>
  t.field({
    type: AuditPageRef,
    visibleTo: ['staff', 'operator'],
    description:
      "The organization's audit log, newest first: every mutation, security event and export, with its actor. Owners only; a platform operator reads the platform's log (feature flag changes and other actions of no organization).",
    args: {
      ...filterArgs,
      first: t.arg.int({ description: 'Entries per page, 1–200; 50 by default.' }),
      after: t.arg.string({ description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.audit.page(ctx.principal, args),
  }),
);

builder.mutationField('exportAuditLog', (t) =>
  t.field({
    type: AuditExportRef,
    visibleTo: ['staff'],
    authScopes: { stepUp: true },
    description:
      "Writes the organization's audit entries (filtered, up to 50 000) as CSV or JSON lines for auditors. Owners with a factor verified in the last 10 minutes (else `MFA_REQUIRED`); the export is itself audited.",
    args: { ...filterArgs, format: t.arg({ type: AuditExportFormatEnum, required: true, description: 'CSV or JSON lines.' }) },
    resolve: (_root, args, ctx) => ctx.services.audit.export(ctx.principal, args, ctx.client),
  }),
);

builder.mutationField('exportAuditArchive', (t) =>
  t.field({
    type: AuditExportRef,
    visibleTo: ['staff'],
    authScopes: { stepUp: true },
    description:
      "An archived range of the organization's audit log (see `auditRetention`) as JSON lines, byte for byte what its checkpoint's `archiveDigest` names. Owners with a factor verified in the last 10 minutes (else `MFA_REQUIRED`); the export is itself audited.",
    args: { lastSeq: t.arg.int({ required: true, description: 'The `lastSeq` of the archive.' }) },
    resolve: (_root, args, ctx) => ctx.services.auditRetention.exportArchive(ctx.principal, { seq: args.lastSeq }, ctx.client),
  }),
);
