import { requireStaff } from '@cip/platform';
import { builder } from '../builder';
import { OrganizationRef, ShopRef } from './refs';
import type { ShopsContext } from '../context';

const canRead = (ctx: ShopsContext, orgId: string) => ctx.principal?.kind === 'staff' && ctx.principal.orgId === orgId;

OrganizationRef.implement({
  description: 'A business that owns one or more shops. Staff users belong to exactly one organization.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the organization.' }),
    name: t.exposeString('name', { description: 'Trading name of the organization.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the organization signed up.' }),
    shops: t.field({
      type: [ShopRef],
      visibleTo: ['staff'],
      description: "The organization's shops that the caller holds a role at, by name.",
      resolve: (org, _args, ctx) =>
        ctx.repos.shops.listByIds(Object.keys(requireStaff(ctx.principal).roles)).then((shops) => shops.filter((s) => s.orgId === org.id)),
    }),
  }),
});

builder.asEntity(OrganizationRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async ({ id }, ctx) => (canRead(ctx, id) ? ctx.loaders.organization.load(id) : null),
});

builder.queryField('organization', (t) =>
  t.field({
    type: OrganizationRef,
    visibleTo: ['staff'],
    description: "The caller's own organization.",
    resolve: async (_root, _args, ctx) => {
      const staff = requireStaff(ctx.principal);
      const org = await ctx.loaders.organization.load(staff.orgId);
      if (!org) throw new Error(`organization ${staff.orgId} of a valid token is missing`);
      return org;
    },
  }),
);
