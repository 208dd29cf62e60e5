import { appError, ErrorCode, requireStaff, valid } from '@cip/platform';
import { builder } from '../builder';
import type { ShopsContext } from '../context';
import type { User } from '../data/user';
import { ShopRef, ShopRoleRef, StaffRoleEnum, UserRef } from './refs';

UserRef.implement({
  description: 'A staff user: owner, manager, advisor or technician at one or more shops of an organization.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the user.' }),
    name: t.exposeString('name', { description: 'Full name, as shown to colleagues and on reports.' }),
    email: t.exposeString('email', { description: 'Login e-mail address, in lower case.' }),
    roles: t.field({
      type: [ShopRoleRef],
      description: 'The shops the user works at and the role at each, limited to shops the caller may see.',
      resolve: async (user, _args, ctx) => {
        const roles = await ctx.loaders.rolesByUser.load(user.id);
        const viewer = ctx.viewers.get(user.id) ?? ctx.principal;
        const visible = viewer?.kind === 'staff' ? viewer.roles : {};
        return roles.filter((role) => role.shopId in visible);
      },
    }),
  }),
});

ShopRoleRef.implement({
  description: 'A role a user holds at a shop.',
  fields: (t) => ({
    role: t.field({ type: StaffRoleEnum, description: 'The role.', resolve: (r) => r.role }),
    shop: t.field({
      type: ShopRef,
      description: 'The shop.',
      resolve: async (r, _args, ctx) => {
        const shop = await ctx.loaders.shop.load(r.shopId);
        if (!shop) throw new Error(`role references missing shop ${r.shopId}`);
        return shop;
      },
    }),
    user: t.field({
      type: UserRef,
      description: 'The user.',
      resolve: async (r, _args, ctx) => {
        const user = await ctx.loaders.user.load(r.userId);
        if (!user) throw new Error(`role references missing user ${r.userId}`);
        return user;
      },
    }),
  }),
});

/** Staff see colleagues who work at a shop they work at; nobody sees users of other organizations. */
async function loadVisibleUser(ctx: ShopsContext, id: string): Promise<User | null> {
  if (ctx.principal?.kind !== 'staff') return null;
  if (id === ctx.principal.userId) return ctx.loaders.user.load(id);
  const roles = await ctx.loaders.rolesByUser.load(id);
  const shared = roles.some((role) => ctx.principal?.kind === 'staff' && role.shopId in ctx.principal.roles);
  return shared ? ctx.loaders.user.load(id) : null;
}

builder.asEntity(UserRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => loadVisibleUser(ctx, id),
});

builder.queryField('me', (t) =>
  t.field({
    type: UserRef,
    visibleTo: ['staff'],
    description: 'The signed-in staff user.',
    resolve: async (_root, _args, ctx) => {
      const staff = requireStaff(ctx.principal);
      const user = await ctx.loaders.user.load(staff.userId);
      if (!user) throw appError(ErrorCode.UNAUTHENTICATED, 'The user of this token no longer exists.');
      return user;
    },
  }),
);

builder.mutationFields((t) => ({
  setStaffRole: t.field({
    type: UserRef,
    authScopes: { stepUp: true },
    description: "Gives a colleague a role at a shop, changes it, or removes it (role null). Owners and managers only; a caller with a second factor needs one verified in the last 10 minutes (`MFA_REQUIRED`, then `verifyMfa`). Takes effect on the colleague's next request, with the access token they already hold.",
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop.' }).validate(valid.id('Shop')),
      userId: t.arg.id({ required: true, description: 'The colleague.' }).validate(valid.id('User')),
      role: t.arg({ type: StaffRoleEnum, required: false, description: 'The new role, or null to remove the user from the shop.' }),
    },
    resolve: (_root, { shopId, userId, role }, ctx) => ctx.services.staff.setRole(ctx.principal, shopId, userId, role),
  }),
}));
