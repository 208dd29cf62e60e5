import { describedEnum, securitySeverities, type SecurityEventType } from '@cip/platform';
import { builder } from '../builder';
import type { SecurityEvent } from '../data/security-event';
import { alertOf, type SecurityAlert, type SecurityEventPage } from '../domain/security-events';

const SecurityEventTypeEnum = describedEnum(builder, 'SecurityEventType', 'What threat detection saw.', {
  LOGIN_SUCCEEDED: 'A staff user signed in (INFO).',
  LOGIN_FAILED: "A sign-in to one of the organization's accounts failed (LOW).",
  NEW_DEVICE: 'A user who signed in before did so from a new client address or user agent (MEDIUM).',
  CREDENTIAL_STUFFING: "Sign-ins to 10 or more accounts, some of this organization's, failed from one address within 10 minutes (HIGH).",
  REFRESH_TOKEN_REUSE: 'A used refresh token came back, so it was copied; the login was ended (HIGH).',
  MFA_FAILED: 'A wrong second-factor code was entered (MEDIUM).',
  API_KEY_NEW_ADDRESS: "A partner's API key ran a mutation from an address it never used before (MEDIUM).",
  PERMISSION_DENIED_BURST: 'One caller had 5 or more mutations refused as FORBIDDEN within 5 minutes (HIGH).',
} satisfies Record<SecurityEventType, string>);

const SecuritySeverityEnum = describedEnum(builder, 'SecuritySeverity', 'How much a security event matters, lowest first.', {
  INFO: 'For the record.',
  LOW: 'Worth a look in a pattern.',
  MEDIUM: 'Worth checking with the user.',
  HIGH: 'Calls for attention now; pushed to the owner.',
} satisfies Record<(typeof securitySeverities)[number], string>);

const SecurityEventRef = builder.objectRef<SecurityEvent>('SecurityEvent').implement({
  description: 'A security event in the organization.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The event.' }),
    type: t.expose('type', { type: SecurityEventTypeEnum, description: 'What happened.' }),
    severity: t.expose('severity', { type: SecuritySeverityEnum, description: 'How much it matters.' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When it happened.' }),
    userId: t.exposeID('userId', { nullable: true, description: 'The staff user it concerns, when one.' }),
    actorId: t.exposeString('actorId', { nullable: true, description: 'The API key or other caller it concerns, when not a user.' }),
    clientAddress: t.exposeString('clientAddress', { nullable: true, description: 'The client address the gateway saw.' }),
    userAgent: t.exposeString('userAgent', { nullable: true, description: "The client's user agent." }),
    description: t.exposeString('description', { description: 'What happened, in a sentence.' }),
  }),
});

const SecurityEventPageRef = builder.objectRef<SecurityEventPage>('SecurityEventPage').implement({
  description: 'A page of security events, newest first.',
  fields: (t) => ({
    events: t.field({ type: [SecurityEventRef], description: 'The events.', resolve: (page) => page.events }),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'Pass as `after` for the next, older page; null on the last one.' }),
  }),
});

builder.queryField('securityEvents', (t) =>
  t.field({
    type: SecurityEventPageRef,
    visibleTo: ['staff'],
    description: "The organization's security events, newest first. Owners only.",
    args: {
      type: t.arg({ type: SecurityEventTypeEnum, description: 'Only events of this type.' }),
      minSeverity: t.arg({ type: SecuritySeverityEnum, description: 'Only events of this severity or above; all by default.' }),
      from: t.arg({ type: 'DateTime', description: 'Only events at or after this.' }),
      to: t.arg({ type: 'DateTime', description: 'Only events before this.' }),
      first: t.arg.int({ description: 'Events per page, 1–200; 50 by default.' }),
      after: t.arg.string({ description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.securityEvents.page(ctx.principal, args),
  }),
);

builder.subscriptionField('securityEventRaised', (t) =>
  t.field({
    type: SecurityEventRef,
    visibleTo: ['staff'],
    description: "The organization's security events as they are raised, HIGH ones by default (credential stuffing, refresh-token reuse, permission-denied bursts). Owners only.",
    args: { minSeverity: t.arg({ type: SecuritySeverityEnum, defaultValue: 'HIGH', description: 'The lowest severity to receive; HIGH by default.' }) },
    subscribe: (_root, args, ctx) => ctx.services.securityEvents.subscribe(ctx.principal, args.minSeverity ?? 'HIGH'),
    resolve: (event) => event,
  }),
);

const SecurityAlertRef = builder.objectRef<SecurityAlert>('SecurityAlert').implement({
  description: "A HIGH security event that calls for the owner's attention now, with what to do about it. Also e-mailed to every owner of the organization.",
  fields: (t) => ({
    event: t.field({ type: SecurityEventRef, description: 'The event.', resolve: (alert) => alert.event }),
    advice: t.exposeString('advice', { description: 'What the owner should do about it.' }),
  }),
});

builder.subscriptionField('securityAlertRaised', (t) =>
  t.field({
    type: SecurityAlertRef,
    visibleTo: ['staff'],
    description:
      "The organization's alerts (credential stuffing, refresh-token reuse, permission-denied bursts) as they are raised. Owners only. As a webhook event type it is organization-level: an owner registers an endpoint for it, which receives the alerts of every shop of the organization.",
    subscribe: (_root, _args, ctx) => ctx.services.securityEvents.subscribeAlerts(ctx.principal),
    resolve: (event: SecurityEvent) => alertOf(event),
  }),
);
