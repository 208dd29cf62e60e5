import { z } from 'zod';
import type DataLoader from 'dataloader';
import { canReadShop, groupLoader, loaderFor, notFound, parseInput, requireShopRole, valid } from '@cip/platform';
import { builder } from '../builder';
import type { ShopsContext } from '../context';
import type { Customer } from '../data/customer';
import { CustomerRef, ShopRef } from './refs';

CustomerRef.implement({
  description: "A shop's customer (CRM record): contact details, messaging consent, tags and notes.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the customer.' }),
    firstName: t.exposeString('firstName', { description: 'Given name.' }),
    lastName: t.exposeString('lastName', { description: 'Family name.' }),
    name: t.string({ description: 'Full name, "First Last".', resolve: (c) => `${c.firstName} ${c.lastName}`.trim() }),
    phone: t.exposeString('phone', { nullable: true, description: 'Mobile number in E.164 form, e.g. "+13035550142".' }),
    email: t.exposeString('email', { nullable: true, description: 'E-mail address.' }),
    smsConsent: t.exposeBoolean('smsConsent', { description: 'Whether the customer agreed to receive text messages.' }),
    emailConsent: t.exposeBoolean('emailConsent', { description: 'Whether the customer agreed to receive e-mail.' }),
    consentUpdatedAt: t.expose('consentUpdatedAt', { type: 'DateTime', nullable: true, description: 'When consent last changed.' }),
    tags: t.exposeStringList('tags', { visibleTo: ['staff'], description: 'Free-form labels, e.g. "fleet", "vip". Staff only.' }),
    notes: t.exposeString('notes', { visibleTo: ['staff'], description: 'Internal notes; never shown to the customer. Staff only.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the customer was added.' }),
    shop: t.field({
      type: ShopRef,
      description: 'The shop the customer belongs to.',
      resolve: async (c, _args, ctx) => {
        const shop = await ctx.loaders.shop.load(c.shopId);
        if (!shop) throw new Error(`customer ${c.id} has no shop`);
        return shop;
      },
    }),
  }),
});

/** Staff of the customer's shop, or the customer holding a share link, may read the record. */
async function loadReadableCustomer(ctx: ShopsContext, id: string): Promise<Customer | null> {
  const principal = ctx.principal;
  if (principal?.kind === 'customer' && principal.customerId !== id) return null;
  if (principal?.kind === 'partner') return null;
  const customer = await ctx.loaders.customer.load(id);
  return customer && canReadShop(principal, customer.shopId) ? customer : null;
}

builder.asEntity(CustomerRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => loadReadableCustomer(ctx, id),
});

const customerPageSchema = z.object({ first: z.number().int().min(1).max(200), offset: z.number().int().min(0), search: z.string().nullish() });

/** One loader per request and page: the shops of one fetch asking alike share one query. */
function customerPages(ctx: ShopsContext, page: { search?: string; limit: number; offset: number }): DataLoader<string, Customer[]> {
  return loaderFor(ctx, `customerPages:${JSON.stringify(page)}`, () =>
    groupLoader((shopIds: readonly string[]) => ctx.repos.customers.listForShops(shopIds, page)),
  );
}

builder.objectFields(ShopRef, (t) => ({
  customers: t.field({
    type: [CustomerRef],
    visibleTo: ['staff'],
    description: "A page of the shop's customers by last name, optionally filtered by a name, phone or e-mail fragment.",
    args: {
      search: t.arg.string({ description: 'Text to look for in name, phone or e-mail.' }),
      first: t.arg.int({ defaultValue: 50, description: 'Page size, 1 to 200.' }),
      offset: t.arg.int({ defaultValue: 0, description: 'How many to skip.' }),
    },
    resolve: (shop, args, ctx) => {
      requireShopRole(ctx.principal, shop.id);
      const page = parseInput(customerPageSchema, args);
      return customerPages(ctx, { search: page.search?.slice(0, 100) || undefined, limit: page.first, offset: page.offset }).load(shop.id);
    },
  }),
}));

builder.queryField('customer', (t) =>
  t.field({
    type: CustomerRef,
    description: 'One customer by id. Customers of shops the caller cannot see answer NOT_FOUND.',
    args: { id: t.arg.id({ required: true, description: 'The customer id.' }).validate(valid.id('Customer')) },
    resolve: async (_root, { id }, ctx) => {
      const customer = await loadReadableCustomer(ctx, id);
      if (!customer) throw notFound('Customer', id);
      return customer;
    },
  }),
);

const CustomerInput = builder.inputType('CustomerInput', {
  description: "A customer's details. Omitted optional fields keep their defaults on create.",
  fields: (t) => ({
    firstName: t.string({ required: true, description: 'Given name.' }),
    lastName: t.string({ description: 'Family name.' }),
    phone: t.string({ description: 'Mobile number in E.164 form.' }),
    email: t.string({ description: 'E-mail address.' }),
    smsConsent: t.boolean({ description: 'Consent to text messages.' }),
    emailConsent: t.boolean({ description: 'Consent to e-mail.' }),
    tags: t.stringList({ description: 'Labels.' }),
    notes: t.string({ description: 'Internal notes.' }),
  }),
});

builder.mutationFields((t) => ({
  createCustomer: t.field({
    type: CustomerRef,
    description: 'Adds a customer to a shop. Owners, managers and advisors.',
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop.' }).validate(valid.id('Shop')),
      input: t.arg({ type: CustomerInput, required: true, description: 'The customer.' }),
    },
    resolve: (_root, { shopId, input }, ctx) => ctx.services.customers.create(ctx.principal, shopId, input),
  }),
  updateCustomer: t.field({
    type: CustomerRef,
    description: "Replaces a customer's details. Owners, managers and advisors of the customer's shop.",
    args: {
      id: t.arg.id({ required: true, description: 'The customer.' }).validate(valid.id('Customer')),
      input: t.arg({ type: CustomerInput, required: true, description: 'The new details.' }),
    },
    resolve: async (_root, { id, input }, ctx) => ctx.services.customers.update(ctx.principal, id, await loadReadableCustomer(ctx, id), input),
  }),
}));
