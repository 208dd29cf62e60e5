import { builder, Money } from '../builder';
import { canSeeProgram } from '../domain/access';
import { loadVisibleProduct } from './product';
import type { PartnerProduct } from '../data/product';
import type { Program } from '../data/program';
import { PartnerProductRef, ProgramRef } from './refs';

const PartnerOfferRef = builder.objectRef<{ product: PartnerProduct; program: Program }>('PartnerOffer');

PartnerOfferRef.implement({
  description: 'What a partner product on a recommendation means for the shop: the product, its program and the education incentive.',
  fields: (t) => ({
    product: t.field({ type: PartnerProductRef, description: 'The product offered.', resolve: (offer) => offer.product }),
    program: t.field({ type: ProgramRef, description: 'The program paying commission on it.', resolve: (offer) => offer.program }),
    educationIncentive: t.field({
      type: Money,
      nullable: true,
      description: 'Extra the shop earns if the customer views the education before approving; null when the product has no education.',
      resolve: (offer) =>
        offer.product.educationTopic ? { amountCents: offer.program.educationIncentiveCents, currency: offer.program.currency } : null,
    }),
  }),
});

/** The inspections subgraph's recommendation, extended with the partner offer its product carries. */
export const RecommendationRef = builder.externalRef('Recommendation', builder.selection<{ id: string }>('id')).implement({
  description: 'A recommendation of an inspection; partners add the offer behind its partner product.',
  externalFields: (t) => ({
    partnerProductId: t.id({ nullable: true, description: "The partner product the recommendation carries, if any (owned by the inspections subgraph)." }),
  }),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the recommendation.' }),
    partnerOffer: t.field({
      type: PartnerOfferRef,
      nullable: true,
      description: "The partner offer behind the recommendation's product; null when it carries none (or one the caller may not see).",
      requires: builder.selection<{ partnerProductId?: string | null }>('partnerProductId'),
      resolve: async (recommendation, _args, ctx) => {
        if (!recommendation.partnerProductId) return null;
        const product = await loadVisibleProduct(ctx, recommendation.partnerProductId);
        if (!product) return null;
        const program = await ctx.loaders.program.load(product.programId);
        if (!program || (ctx.principal?.kind === 'partner' && !canSeeProgram(ctx.principal, program))) return null;
        return { product, program };
      },
    }),
  }),
});
