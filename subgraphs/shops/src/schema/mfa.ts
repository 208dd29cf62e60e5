import { builder } from '../builder';
import type { MfaStatus, TotpEnrollment } from '../domain/mfa';
import { SessionRef } from './auth';
import { OrganizationRef } from './refs';

const MfaPolicyEnum = builder.enumType('MfaPolicy', {
  description: 'Who in the organization must sign in with a second factor. A user it covers who has none can only enroll one.',
  values: {
    OFF: { value: 'OFF', description: 'Second factors are optional.' },
    OWNERS_AND_MANAGERS: { value: 'OWNERS_AND_MANAGERS', description: 'Required of owners and managers.' },
    ALL_STAFF: { value: 'ALL_STAFF', description: 'Required of every staff user.' },
  } as const,
});

const TotpEnrollmentRef = builder.objectRef<TotpEnrollment>('TotpEnrollment').implement({
  description: 'An authenticator app to set up: scan the QR code (or type the secret), then send its first code to `confirmTotp`.',
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'The shared secret, Base32, for typing in by hand.' }),
    otpauthUri: t.exposeString('otpauthUri', { description: 'The `otpauth://totp/…` URI authenticator apps read.' }),
    qrCodeDataUrl: t.exposeString('qrCodeDataUrl', { description: 'The URI as a QR code, a PNG `data:` URL to show as an image.' }),
  }),
});

const MfaStatusRef = builder.objectRef<MfaStatus>('MfaStatus').implement({
  description: "The signed-in user's second factors.",
  fields: (t) => ({
    totpEnabled: t.exposeBoolean('totpEnabled', { description: 'Whether an authenticator app is confirmed.' }),
    recoveryCodesLeft: t.exposeInt('recoveryCodesLeft', { description: 'Unused recovery codes.' }),
    enrollmentRequired: t.exposeBoolean('enrollmentRequired', {
      description: "Whether the organization's policy requires a factor the user does not have yet: until one is confirmed the user reaches no shop.",
    }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true, description: 'When this session last verified a factor; sensitive changes need one in the last 10 minutes.' }),
  }),
});

builder.objectField(OrganizationRef, 'mfaPolicy', (t) =>
  t.field({
    type: MfaPolicyEnum,
    visibleTo: ['staff'],
    description: 'Who must sign in with a second factor.',
    resolve: (org, _args, ctx) => ctx.services.mfa.policyOf(org.id),
  }),
);

builder.queryField('mfaStatus', (t) =>
  t.field({
    type: MfaStatusRef,
    visibleTo: ['staff'],
    description: "The signed-in user's second factors and whether the organization requires one.",
    resolve: (_root, _args, ctx) => ctx.services.mfa.status(ctx.principal),
  }),
);

builder.mutationFields((t) => ({
  enrollTotp: t.field({
    type: TotpEnrollmentRef,
    visibleTo: ['staff'],
    description: 'Starts setting up an authenticator app (TOTP, RFC 6238: 6 digits, 30 s). Replacing a confirmed one needs a factor verified in the last 10 minutes.',
    resolve: (_root, _args, ctx) => ctx.services.mfa.enrollTotp(ctx.principal),
  }),
  confirmTotp: t.stringList({
    visibleTo: ['staff'],
    description:
      'Confirms the authenticator app with its current code and answers ten one-time recovery codes, shown this once (only their hashes are kept). The session counts as verified.',
    args: { code: t.arg.string({ required: true, description: 'The 6-digit code the app shows now.' }) },
    resolve: (_root, args, ctx) => ctx.services.mfa.confirmTotp(ctx.principal, args, ctx.client),
  }),
  verifyMfa: t.field({
    type: 'DateTime',
    visibleTo: ['staff'],
    description:
      'Verifies a second factor for the current session (step-up): an authenticator code (each works once) or an unused recovery code. Answers when; sensitive changes then work for 10 minutes. Repeated failures are slowed (`RATE_LIMITED`).',
    args: { code: t.arg.string({ required: true, description: 'A 6-digit authenticator code or a recovery code.' }) },
    resolve: (_root, args, ctx) => ctx.services.mfa.verify(ctx.principal, args, ctx.client),
  }),
  regenerateRecoveryCodes: t.stringList({
    visibleTo: ['staff'],
    description: 'Replaces the recovery codes with ten new ones, shown this once. Needs a factor verified in the last 10 minutes.',
    resolve: (_root, _args, ctx) => ctx.services.mfa.regenerateRecoveryCodes(ctx.principal),
  }),
  setMfaPolicy: t.field({
    type: MfaPolicyEnum,
    visibleTo: ['staff'],
    description: "Sets who in the organization must use a second factor. Owners with a factor of their own verified in the last 10 minutes.",
    args: { policy: t.arg({ type: MfaPolicyEnum, required: true, description: 'The new policy.' }) },
    resolve: (_root, args, ctx) => ctx.services.mfa.setPolicy(ctx.principal, args),
  }),
  completeMfaLogin: t.field({
    type: SessionRef,
    description:
      "The second sign-in step: `login` answered `MFA_REQUIRED` with `extensions.mfaChallenge`; send it with a code from the authenticator app or a recovery code. A challenge works once, for 5 minutes and 5 tries.",
    args: {
      challenge: t.arg.string({ required: true, description: 'The `mfaChallenge` from the `login` error.' }),
      code: t.arg.string({ required: true, description: 'A 6-digit authenticator code or a recovery code.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.mfa.completeLogin(args, ctx.client),
  }),
}));
