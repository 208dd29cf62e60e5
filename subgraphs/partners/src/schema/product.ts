import { money } from '@cip/platform';
import { builder, Money } from '../builder';
import type { PartnersContext } from '../context';
import type { PartnerProduct } from '../data/product';
import { PartnerProductRef, PartnerRef, ProgramRef } from './refs';

PartnerProductRef.implement({
  description: "A partner's product that a recommendation can carry (a tire, a warranty, a financing plan…).",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier; recommendations reference it as `partnerProductId`.' }),
    sku: t.exposeString('sku', { description: "The partner's SKU." }),
    name: t.exposeString('name', { description: 'Name shown to advisors and customers.' }),
    description: t.exposeString('description', { description: 'What the product is.' }),
    unitPrice: t.field({
      type: Money,
      description: 'List price per unit.',
      resolve: (product) => money(product.unitPriceCents, product.currency),
    }),
    educationTopic: t.exposeString('educationTopic', {
      nullable: true,
      description: 'The educational item customers can view with the recommendation; null when the product has none.',
    }),
    educationIncentive: t.field({
      type: Money,
      nullable: true,
      description: "Extra the shop earns when the customer views the product's education before approving it; null when the product has none.",
      resolve: async (product, _args, ctx) => {
        if (!product.educationTopic) return null;
        const program = await ctx.loaders.program.load(product.programId);
        return program && { amountCents: program.educationIncentiveCents, currency: program.currency };
      },
    }),
    program: t.field({
      type: ProgramRef,
      description: 'The program the product belongs to.',
      resolve: async (product, _args, ctx) => {
        const program = await ctx.loaders.program.load(product.programId);
        if (!program) throw new Error(`product ${product.id} has no program`);
        return program;
      },
    }),
    partner: t.field({
      type: PartnerRef,
      description: 'The partner selling the product.',
      resolve: async (product, _args, ctx) => {
        const partner = await ctx.loaders.partner.load(product.partnerId);
        if (!partner) throw new Error(`product ${product.id} has no partner`);
        return partner;
      },
    }),
  }),
});

/** A product the caller may see: the catalog for staff and customers, only its own for a partner's key. */
export async function loadVisibleProduct(ctx: PartnersContext, id: string): Promise<PartnerProduct | null> {
  if (!ctx.principal) return null;
  const product = await ctx.loaders.product.load(id);
  if (!product) return null;
  if (ctx.principal.kind === 'partner' && ctx.principal.partnerId !== product.partnerId) return null;
  return product;
}

builder.asEntity(PartnerProductRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => loadVisibleProduct(ctx, id),
});
