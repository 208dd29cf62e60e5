import { describedEnum, registerJsonScalar } from '@cip/platform';
import { builder } from '../builder';
import type { Passkey } from '../data/passkey';
import type { MfaStatus, PasskeyRegistration, TotpEnrollment } from '../domain/mfa';
import { SessionRef } from './auth';
import { OrganizationRef } from './refs';

const MfaPolicyEnum = describedEnum(builder, 'MfaPolicy', 'Who in the organization must sign in with a second factor. A user it covers who has none can only enroll one.', {
  OFF: 'Second factors are optional.',
  OWNERS_AND_MANAGERS: 'Required of owners and managers.',
  ALL_STAFF: 'Required of every staff user.',
});

const TotpEnrollmentRef = builder.objectRef<TotpEnrollment>('TotpEnrollment').implement({
  description: 'An authenticator app to set up: scan the QR code (or type the secret), then send its first code to `confirmTotp`.',
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'The shared secret, Base32, for typing in by hand.' }),
    otpauthUri: t.exposeString('otpauthUri', { description: 'The `otpauth://totp/…` URI authenticator apps read.' }),
    qrCodeDataUrl: t.exposeString('qrCodeDataUrl', { description: 'The URI as a QR code, a PNG `data:` URL to show as an image.' }),
  }),
});

registerJsonScalar(builder);

const PasskeyRef = builder.objectRef<Passkey>('Passkey').implement({
  description: 'A WebAuthn credential (a passkey or security key) registered as a second factor.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The passkey, for `removePasskey`.' }),
    name: t.exposeString('name', { description: 'What the user called it when registering it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered.' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'When it last signed in or verified a session; null when never.' }),
  }),
});

const PasskeyRegistrationRef = builder.objectRef<PasskeyRegistration>('PasskeyRegistration').implement({
  description: 'A passkey just registered.',
  fields: (t) => ({
    passkey: t.field({ type: PasskeyRef, description: 'The stored passkey.', resolve: (registration) => registration.passkey }),
    recoveryCodes: t.exposeStringList('recoveryCodes', {
      description: "Ten one-time recovery codes when this is the user's first second factor, shown this once (only their hashes are kept); empty otherwise.",
    }),
  }),
});

const MfaStatusRef = builder.objectRef<MfaStatus>('MfaStatus').implement({
  description: "The signed-in user's second factors.",
  fields: (t) => ({
    totpEnabled: t.exposeBoolean('totpEnabled', { description: 'Whether an authenticator app is confirmed.' }),
    passkeys: t.field({ type: [PasskeyRef], description: 'The registered passkeys, oldest first.', resolve: (status) => status.passkeys }),
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
    authScopes: { stepUp: true },
    description: 'Replaces the recovery codes with ten new ones, shown this once. Needs a factor verified in the last 10 minutes.',
    resolve: (_root, _args, ctx) => ctx.services.mfa.regenerateRecoveryCodes(ctx.principal),
  }),
  setMfaPolicy: t.field({
    type: MfaPolicyEnum,
    visibleTo: ['staff'],
    authScopes: { stepUp: true },
    description: "Sets who in the organization must use a second factor. Owners with a factor of their own verified in the last 10 minutes.",
    args: { policy: t.arg({ type: MfaPolicyEnum, required: true, description: 'The new policy.' }) },
    resolve: (_root, args, ctx) => ctx.services.mfa.setPolicy(ctx.principal, args),
  }),
  startPasskeyRegistration: t.field({
    type: 'JSON',
    visibleTo: ['staff'],
    description:
      "Starts registering a passkey: answers the WebAuthn `PublicKeyCredentialCreationOptionsJSON` to pass to `navigator.credentials.create()` (e.g. `startRegistration` of `@simplewebauthn/browser`). Its challenge works once, for 5 minutes. With a factor already enrolled it needs one verified in the last 10 minutes.",
    resolve: (_root, _args, ctx) => ctx.services.mfa.startPasskeyRegistration(ctx.principal),
  }),
  finishPasskeyRegistration: t.field({
    type: PasskeyRegistrationRef,
    visibleTo: ['staff'],
    description:
      'Stores the passkey the browser created for `startPasskeyRegistration` (`PublicKeyCredential.toJSON()`); the session counts as verified. A first factor comes with ten recovery codes. An answer to an old or used challenge is refused (`UNAUTHENTICATED`), a credential registered before `CONFLICT`.',
    args: {
      response: t.arg({ type: 'JSON', required: true, description: "The browser's `RegistrationResponseJSON`." }),
      name: t.arg.string({ description: 'What to call it ("Work laptop"), up to 60 characters; "Passkey" when omitted.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.mfa.finishPasskeyRegistration(ctx.principal, args, ctx.client),
  }),
  startPasskeyVerification: t.field({
    type: 'JSON',
    visibleTo: ['staff'],
    description:
      "Step-up with a passkey, first step: answers the `PublicKeyCredentialRequestOptionsJSON` to pass to `navigator.credentials.get()`. Its challenge belongs to this session and works once, for 5 minutes.",
    resolve: (_root, _args, ctx) => ctx.services.mfa.startPasskeyVerification(ctx.principal),
  }),
  verifyPasskey: t.field({
    type: 'DateTime',
    visibleTo: ['staff'],
    description:
      'Step-up with a passkey, second step: verifies the browser\'s assertion for `startPasskeyVerification` and answers when; sensitive changes then work for 10 minutes. A replayed or foreign answer is refused (`UNAUTHENTICATED`), a signature counter that did not increase `PASSKEY_COUNTER_REGRESSION`.',
    args: { response: t.arg({ type: 'JSON', required: true, description: "The browser's `AuthenticationResponseJSON`." }) },
    resolve: (_root, args, ctx) => ctx.services.mfa.verifyPasskey(ctx.principal, args, ctx.client),
  }),
  removePasskey: t.boolean({
    visibleTo: ['staff'],
    authScopes: { stepUp: true },
    description: "Removes one of the caller's passkeys. Needs a factor verified in the last 10 minutes.",
    args: { id: t.arg.id({ required: true, description: 'The passkey (`Passkey.id`).' }) },
    resolve: (_root, args, ctx) => ctx.services.mfa.removePasskey(ctx.principal, args),
  }),
  startPasskeyLogin: t.field({
    type: 'JSON',
    description:
      "The second sign-in step with a passkey, first half: for the `mfaChallenge` of a `login` error whose `extensions.mfaFactors` lists `PASSKEY`, answers the `PublicKeyCredentialRequestOptionsJSON` for `navigator.credentials.get()`.",
    args: { challenge: t.arg.string({ required: true, description: 'The `mfaChallenge` from the `login` error.' }) },
    resolve: (_root, args, ctx) => ctx.services.mfa.startPasskeyLogin(args),
  }),
  completePasskeyLogin: t.field({
    type: SessionRef,
    description:
      "The second sign-in step with a passkey, second half: the browser's assertion for `startPasskeyLogin`. Like `completeMfaLogin`, the challenge works once, for 5 minutes and 5 tries; a replayed answer is refused (`UNAUTHENTICATED`), a signature counter that did not increase `PASSKEY_COUNTER_REGRESSION`.",
    args: {
      challenge: t.arg.string({ required: true, description: 'The `mfaChallenge` from the `login` error.' }),
      response: t.arg({ type: 'JSON', required: true, description: "The browser's `AuthenticationResponseJSON`." }),
    },
    resolve: (_root, args, ctx) => ctx.services.mfa.completePasskeyLogin(args, ctx.client),
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
