import { builder } from '../builder';
import type { StoredAuditCheckpoint } from '../data/audit-checkpoint';
import type { AuditRetentionSettings } from '../domain/audit-retention';

const AuditArchiveRef = builder.objectRef<StoredAuditCheckpoint>('AuditArchive').implement({
  description:
    "A range of the organization's audit log moved out of the live log by its retention, and the checkpoint that keeps it verifiable: the live chain resumes from `lastHash`, and `exportAuditArchive` gives the entries back as JSON lines whose SHA-256 is `archiveDigest` (`npm run audit:verify -- --archive <file>` checks a copy).",
  fields: (t) => ({
    firstSeq: t.exposeInt('firstSeq', { description: 'The first entry it holds.' }),
    lastSeq: t.exposeInt('seq', { description: 'The last entry it holds; pass it to `exportAuditArchive`.' }),
    count: t.exposeInt('count', { description: 'How many entries it holds (every one from `firstSeq` to `lastSeq`).' }),
    lastHash: t.exposeString('lastHash', { description: 'The hash of its last entry, which the next entry names as `prevHash`.' }),
    archiveDigest: t.exposeString('archiveDigest', { description: 'SHA-256 (hex) of the archive as JSON lines.' }),
    checkpointHash: t.exposeString('checkpointHash', { description: "SHA-256 of the checkpoint in canonical JSON, the previous checkpoint's hash included, so checkpoints are chained too." }),
    archivedAt: t.expose('archivedAt', { type: 'DateTime', description: 'When the range was archived.' }),
  }),
});

const AuditRetentionRef = builder.objectRef<AuditRetentionSettings>('AuditRetention').implement({
  description: "How long the organization's audit entries stay in the live log, and the ranges archived so far.",
  fields: (t) => ({
    days: t.exposeInt('days', {
      nullable: true,
      description: 'Entries recorded more than this many days ago are archived (checked every hour); null (the default) keeps every entry in the live log.',
    }),
    archives: t.field({ type: [AuditArchiveRef], description: 'The archived ranges, newest first.', resolve: (settings) => settings.archives }),
  }),
});

builder.queryField('auditRetention', (t) =>
  t.field({
    type: AuditRetentionRef,
    visibleTo: ['staff'],
    description: "The organization's audit retention and its archived ranges. Owners only.",
    resolve: (_root, _args, ctx) => ctx.services.auditRetention.settings(ctx.principal),
  }),
);

builder.mutationField('setAuditRetention', (t) =>
  t.field({
    type: AuditRetentionRef,
    visibleTo: ['staff'],
    authScopes: { stepUp: true },
    description:
      "Sets how many days the organization's audit entries stay in the live log before they are archived, or null to keep them all. Owners with a factor verified in the last 10 minutes (else `MFA_REQUIRED`); the change, with the value before it, is itself an audit entry (`audit.retention_changed`).",
    args: { days: t.arg.int({ description: '30 to 3650 days; null or omitted keeps every entry.' }) },
    resolve: (_root, args, ctx) => ctx.services.auditRetention.setRetention(ctx.principal, args, ctx.client),
  }),
);
