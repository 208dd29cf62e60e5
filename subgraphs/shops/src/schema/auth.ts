import { builder } from '../builder';
import type { Session } from '../domain/sessions';
import type { SignUpStarted } from '../domain/sign-up';
import { UserRef } from './refs';
import { ShopInput } from './shop';

export const SessionRef = builder.objectRef<Session>('Session').implement({
  description: 'What signing in returns: a short-lived access token for `Authorization: Bearer`, and a refresh token to get the next one.',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken', { description: 'A signed JWT (ES256). Send it as `Authorization: Bearer <token>`.' }),
    accessTokenExpiresAt: t.expose('accessTokenExpiresAt', { type: 'DateTime', description: 'When the access token stops working.' }),
    refreshToken: t.exposeString('refreshToken', { description: 'Single-use: exchange it with `refreshSession` for a new pair. Keep it secret.' }),
    refreshTokenExpiresAt: t.expose('refreshTokenExpiresAt', { type: 'DateTime', description: 'When the refresh token stops working.' }),
    user: t.field({
      type: UserRef,
      description: 'The signed-in user, with the roles the new access token carries.',
      resolve: (session, _args, ctx) => {
        ctx.viewers.set(session.user.id, session.principal);
        return session.user;
      },
    }),
  }),
});

const SignUpStartedRef = builder.objectRef<SignUpStarted>('SignUpStarted').implement({
  description:
    'A sign-up waiting for its e-mail address to be confirmed. The same answer comes whether or not the address already has an account; its owner then gets a message instead of a link.',
  fields: (t) => ({
    email: t.exposeString('email', { description: 'The address the confirmation link was sent to, as the platform spells it.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the link stops working.' }),
  }),
});

const SignUpInput = builder.inputType('SignUpInput', {
  description: 'A new organization with its first shop and owner.',
  fields: (t) => ({
    organizationName: t.string({ required: true, description: 'Name of the business.' }),
    ownerName: t.string({ required: true, description: "The owner's full name." }),
    email: t.string({ required: true, description: "The owner's login e-mail; the confirmation link is sent there." }),
    password: t.string({ required: true, description: "The owner's password, at least 10 characters." }),
    shop: t.field({ type: ShopInput, required: true, description: 'The first shop.' }),
  }),
});

builder.mutationFields((t) => ({
  signUp: t.field({
    type: SignUpStartedRef,
    description: 'Starts a sign-up: e-mails a link that creates the organization, its first shop and its owner (`confirmSignUp`). At most 5 sign-ups per e-mail address an hour.',
    args: { input: t.arg({ type: SignUpInput, required: true, description: 'The organization, shop and owner.' }) },
    resolve: (_root, { input }, ctx) => ctx.services.signUps.start(input, ctx.client),
  }),
  confirmSignUp: t.field({
    type: SessionRef,
    description: 'Creates the organization of a sign-up from the token in its confirmation link, and signs the owner in. Each link works once, for 24 hours.',
    args: { token: t.arg.string({ required: true, description: 'The token from the confirmation link (after `#token=`).' }) },
    resolve: (_root, { token }, ctx) => ctx.services.signUps.confirm(token),
  }),
  login: t.field({
    type: SessionRef,
    description:
      'Signs a staff user in with e-mail and password. Wrong e-mail and wrong password answer alike; repeated failures are slowed with growing delays (`RATE_LIMITED` with `retryAfter`). A user with a second factor gets `MFA_REQUIRED` with `extensions.mfaChallenge` instead of a session: finish with `completeMfaLogin`.',
    args: {
      email: t.arg.string({ required: true, description: 'Login e-mail, in any case.' }),
      password: t.arg.string({ required: true, description: 'Password.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.signIn.login(args, ctx.client),
  }),
  refreshSession: t.field({
    type: SessionRef,
    description: 'Exchanges a refresh token for a new access token and refresh token. Each refresh token works once: presenting a used one ends the whole login, its access tokens included.',
    args: { refreshToken: t.arg.string({ required: true, description: 'The refresh token from login or the last refresh.' }) },
    resolve: (_root, { refreshToken }, ctx) => ctx.services.sessions.refresh(refreshToken, ctx.client),
  }),
  logout: t.boolean({
    description: 'Ends the login: the refresh token, every token rotated from it and their access tokens stop working at once. Always true.',
    args: { refreshToken: t.arg.string({ required: true, description: 'The refresh token of the session to end.' }) },
    resolve: (_root, { refreshToken }, ctx) => ctx.services.sessions.revoke(refreshToken).then(() => true),
  }),
}));
