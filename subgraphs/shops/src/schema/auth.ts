import { z } from 'zod';
import { badInput, emailInput, enqueueEvents, nameInput, parseInput, passwordInput } from '@cip/platform';
import { builder } from '../builder';
import { hashPassword } from '../domain/passwords';
import type { Session } from '../domain/sessions';
import { UserRef } from './refs';
import { ShopInput, shopCreated, shopSchema } from './shop';

const SessionRef = builder.objectRef<Session>('Session').implement({
  description: 'What login returns: a short-lived access token for `Authorization: Bearer`, and a refresh token to get the next one.',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken', { description: 'A signed JWT (ES256). Send it as `Authorization: Bearer <token>`.' }),
    accessTokenExpiresAt: t.expose('accessTokenExpiresAt', { type: 'DateTime', description: 'When the access token stops working.' }),
    refreshToken: t.exposeString('refreshToken', { description: 'Single-use: exchange it with `refreshSession` for a new pair. Keep it secret.' }),
    refreshTokenExpiresAt: t.expose('refreshTokenExpiresAt', { type: 'DateTime', description: 'When the refresh token stops working.' }),
    user: t.expose('user', { type: UserRef, description: 'The signed-in user.' }),
  }),
});

const signUpSchema = z.object({
  organizationName: z.string().trim().min(1).max(200),
  ownerName: nameInput,
  email: emailInput,
  password: passwordInput,
  shop: shopSchema,
});

const SignUpInput = builder.inputType('SignUpInput', {
  description: 'A new organization with its first shop and owner.',
  fields: (t) => ({
    organizationName: t.string({ required: true, description: 'Name of the business.' }),
    ownerName: t.string({ required: true, description: "The owner's full name." }),
    email: t.string({ required: true, description: "The owner's login e-mail." }),
    password: t.string({ required: true, description: "The owner's password, at least 10 characters." }),
    shop: t.field({ type: ShopInput, required: true, description: 'The first shop.' }),
  }),
});

builder.mutationFields((t) => ({
  signUp: t.field({
    type: SessionRef,
    description: 'Creates an organization, its first shop and its owner, and signs the owner in.',
    args: { input: t.arg({ type: SignUpInput, required: true, description: 'The organization, shop and owner.' }) },
    resolve: async (_root, { input }, ctx) => {
      const values = parseInput(signUpSchema, input);
      if (await ctx.repos.users.findByEmail(values.email)) throw badInput('A user with this e-mail already exists.', { field: 'email' });
      const passwordHash = await hashPassword(values.password);
      return ctx.dataSource.transaction(async (manager) => {
        const org = await ctx.repos.organizations.create(manager, { name: values.organizationName });
        const shop = await ctx.repos.shops.create(manager, { ...values.shop, orgId: org.id });
        const user = await ctx.repos.users.create(manager, { orgId: org.id, email: values.email, name: values.ownerName, passwordHash });
        await ctx.repos.users.setRole(manager, { userId: user.id, shopId: shop.id, orgId: org.id, role: 'OWNER' });
        await enqueueEvents(manager, 'shops', [shopCreated(shop)]);
        return ctx.services.sessions.issue(manager, user);
      });
    },
  }),
  login: t.field({
    type: SessionRef,
    description: 'Signs a staff user in with e-mail and password. Wrong e-mail and wrong password answer alike.',
    args: {
      email: t.arg.string({ required: true, description: 'Login e-mail.' }),
      password: t.arg.string({ required: true, description: 'Password.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.signIn.login(args, ctx.client),
  }),
  refreshSession: t.field({
    type: SessionRef,
    description: 'Exchanges a refresh token for a new access token and refresh token. Each refresh token works once.',
    args: { refreshToken: t.arg.string({ required: true, description: 'The refresh token from login or the last refresh.' }) },
    resolve: (_root, { refreshToken }, ctx) => ctx.services.sessions.refresh(refreshToken),
  }),
  logout: t.boolean({
    description: 'Revokes the refresh token and every token rotated from the same login. Always true.',
    args: { refreshToken: t.arg.string({ required: true, description: 'The refresh token of the session to end.' }) },
    resolve: (_root, { refreshToken }, ctx) => ctx.services.sessions.revoke(refreshToken).then(() => true),
  }),
}));
