import { z } from 'zod';
import { badInput, emailInput, forbidden, nameInput, parseInput, passwordInput, requireShopRole, requireStaff, appError, ErrorCode } from '@cip/platform';
import { builder } from '../builder';
import type { ShopsContext } from '../context';
import type { User } from '../data/user';
import { hashPassword } from '../domain/passwords';
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
        const visible = ctx.principal?.kind === 'staff' ? ctx.principal.roles : {};
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
    description: 'The signed-in staff user.',
    resolve: async (_root, _args, ctx) => {
      const staff = requireStaff(ctx.principal);
      const user = await ctx.loaders.user.load(staff.userId);
      if (!user) throw appError(ErrorCode.UNAUTHENTICATED, 'The user of this token no longer exists.');
      return user;
    },
  }),
);

const staffMemberSchema = z.object({
  email: emailInput,
  name: nameInput,
  password: passwordInput,
});

const StaffMemberInput = builder.inputType('StaffMemberInput', {
  description: 'A new staff user.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'Login e-mail address.' }),
    name: t.string({ required: true, description: 'Full name.' }),
    password: t.string({ required: true, description: 'Initial password, at least 10 characters.' }),
    role: t.field({ type: StaffRoleEnum, required: true, description: 'Role at the shop.' }),
  }),
});

builder.mutationFields((t) => ({
  addStaffMember: t.field({
    type: UserRef,
    description: 'Creates a staff user with a role at a shop. Owners and managers only; only owners grant the owner role.',
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop the user will work at.' }),
      input: t.arg({ type: StaffMemberInput, required: true, description: 'The new user.' }),
    },
    resolve: async (_root, { shopId, input }, ctx) => {
      const staff = requireShopRole(ctx.principal, shopId, ['OWNER', 'MANAGER']);
      if (input.role === 'OWNER' && staff.roles[shopId] !== 'OWNER') throw forbidden('Only an owner can grant the owner role.');
      const values = parseInput(staffMemberSchema, input);
      if (await ctx.repos.users.findByEmail(values.email)) throw badInput('A user with this e-mail already exists.', { field: 'email' });
      const passwordHash = await hashPassword(values.password);
      return ctx.dataSource.transaction(async (manager) => {
        const user = await ctx.repos.users.create(manager, { orgId: staff.orgId, email: values.email, name: values.name, passwordHash });
        await ctx.repos.users.setRole(manager, { userId: user.id, shopId, orgId: staff.orgId, role: input.role });
        return user;
      });
    },
  }),
  setStaffRole: t.field({
    type: UserRef,
    description: "Gives a colleague a role at a shop, changes it, or removes it (role null). Owners and managers only; takes effect in the colleague's next token.",
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop.' }),
      userId: t.arg.id({ required: true, description: 'The colleague.' }),
      role: t.arg({ type: StaffRoleEnum, required: false, description: 'The new role, or null to remove the user from the shop.' }),
    },
    resolve: async (_root, { shopId, userId, role }, ctx) => {
      const staff = requireShopRole(ctx.principal, shopId, ['OWNER', 'MANAGER']);
      const user = await ctx.loaders.user.load(userId);
      if (!user || user.orgId !== staff.orgId) throw appError(ErrorCode.NOT_FOUND, `User ${userId} was not found.`);
      const current = (await ctx.loaders.rolesByUser.load(userId)).find((r) => r.shopId === shopId);
      if ((role === 'OWNER' || current?.role === 'OWNER') && staff.roles[shopId] !== 'OWNER') {
        throw forbidden('Only an owner can grant or take away the owner role.');
      }
      await ctx.dataSource.transaction(async (manager) => {
        if (role) await ctx.repos.users.setRole(manager, { userId, shopId, orgId: staff.orgId, role });
        else await ctx.repos.users.removeRole(manager, userId, shopId);
      });
      ctx.loaders.rolesByUser.clear(userId);
      return user;
    },
  }),
}));
