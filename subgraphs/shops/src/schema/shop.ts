import { canReadShop, money, notFound, readableShopIds, requireShopRole, valid } from '@cip/platform';
import { builder, Money } from '../builder';
import type { ShopsContext } from '../context';
import type { Shop } from '../data/shop';
import { AddressRef, OrganizationRef, ShopRef, ShopRoleRef } from './refs';

AddressRef.implement({
  description: 'A postal address.',
  fields: (t) => ({
    line1: t.exposeString('line1', { description: 'Street address.' }),
    line2: t.exposeString('line2', { nullable: true, description: 'Suite, unit or building, if any.' }),
    city: t.exposeString('city', { description: 'City or locality.' }),
    region: t.exposeString('region', { description: 'State, province or region code, e.g. "CA".' }),
    postalCode: t.exposeString('postalCode', { description: 'ZIP or postal code.' }),
    country: t.exposeString('country', { description: 'ISO-3166 alpha-2 country code, e.g. "US".' }),
  }),
});

ShopRef.implement({
  description: 'A repair shop: where inspections happen. Owned by an organization.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the shop.' }),
    name: t.exposeString('name', { description: 'Name customers know the shop by.' }),
    address: t.expose('address', { type: AddressRef, description: 'Where the shop is.' }),
    timezone: t.exposeString('timezone', { description: 'IANA time zone the shop keeps its day in, e.g. "America/Denver".' }),
    laborRate: t.field({
      type: Money,
      description: 'Hourly labor rate used to price recommendations.',
      resolve: (shop) => money(shop.laborRateCents, shop.currency),
    }),
    organization: t.field({
      type: OrganizationRef,
      description: 'The organization that owns the shop.',
      resolve: async (shop, _args, ctx) => {
        const org = await ctx.loaders.organization.load(shop.orgId);
        if (!org) throw new Error(`shop ${shop.id} has no organization`);
        return org;
      },
    }),
    staff: t.field({
      type: [ShopRoleRef],
      visibleTo: ['staff'],
      description: 'Who works at the shop and in what role. Staff only.',
      resolve: (shop, _args, ctx) => {
        requireShopRole(ctx.principal, shop.id);
        return ctx.loaders.rolesByShop.load(shop.id);
      },
    }),
  }),
});

/** A shop the caller may read, or null: what other subgraphs get for `Shop` references. */
export async function loadReadableShop(ctx: ShopsContext, id: string): Promise<Shop | null> {
  if (!canReadShop(ctx.principal, id)) return null;
  return ctx.loaders.shop.load(id);
}

builder.asEntity(ShopRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => loadReadableShop(ctx, id),
});

builder.queryFields((t) => ({
  shop: t.field({
    type: ShopRef,
    description: 'One shop by id. Shops the caller holds no role at answer NOT_FOUND.',
    args: { id: t.arg.id({ required: true, description: 'The shop id.' }).validate(valid.id('Shop')) },
    resolve: async (_root, { id }, ctx) => {
      const shop = await loadReadableShop(ctx, id);
      if (!shop) throw notFound('Shop', id);
      return shop;
    },
  }),
  shops: t.field({
    type: [ShopRef],
    description: 'Every shop the caller may see, by name.',
    resolve: (_root, _args, ctx) => ctx.repos.shops.listByIds(readableShopIds(ctx.principal)),
  }),
}));

export const AddressInput = builder.inputType('AddressInput', {
  description: 'A postal address.',
  fields: (t) => ({
    line1: t.string({ required: true, description: 'Street address.' }),
    line2: t.string({ description: 'Suite, unit or building.' }),
    city: t.string({ required: true, description: 'City or locality.' }),
    region: t.string({ required: true, description: 'State, province or region code.' }),
    postalCode: t.string({ required: true, description: 'ZIP or postal code.' }),
    country: t.string({ required: true, description: 'ISO-3166 alpha-2 country code.' }),
  }),
});

export const ShopInput = builder.inputType('ShopInput', {
  description: "A shop's settings.",
  fields: (t) => ({
    name: t.string({ required: true, description: 'Name customers know the shop by.' }),
    address: t.field({ type: AddressInput, required: true, description: 'Where the shop is.' }),
    timezone: t.string({ required: true, description: 'IANA time zone, e.g. "America/Denver".' }),
    laborRateCents: t.field({ type: 'Cents', required: true, description: 'Hourly labor rate in cents.' }),
    currency: t.string({ description: 'ISO-4217 currency code; defaults to USD.' }),
  }),
});

builder.mutationFields((t) => ({
  createShop: t.field({
    type: ShopRef,
    description: "Adds a shop to the caller's organization and makes the caller its owner. Requires the owner role at a shop of the organization; the caller's current access token can use the new shop from the next request on.",
    args: { input: t.arg({ type: ShopInput, required: true, description: 'The new shop.' }) },
    resolve: (_root, { input }, ctx) => ctx.services.shops.create(ctx.principal, input),
  }),
  updateShop: t.field({
    type: ShopRef,
    description: "Changes a shop's settings. Owners and managers only.",
    args: {
      id: t.arg.id({ required: true, description: 'The shop to change.' }).validate(valid.id('Shop')),
      input: t.arg({ type: ShopInput, required: true, description: 'The new settings.' }),
    },
    resolve: (_root, { id, input }, ctx) => ctx.services.shops.update(ctx.principal, id, input),
  }),
}));
