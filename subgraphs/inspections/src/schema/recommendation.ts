import { notFound } from '@cip/platform';
import { builder, Money } from '../builder';
import type { InspectionsContext } from '../context';
import { totalCents, type Recommendation } from '../data/recommendation';
import { decidedRecommendation } from '../domain/live';
import { DecisionEnum, InspectionItemRef, InspectionRef, PartnerProductRef, RecommendationRef, UrgencyEnum } from './refs';

RecommendationRef.implement({
  description:
    'Recommended work from an inspection (usually from a yellow or red item), priced by the advisor. The customer approves or declines it once from the share link. Total = parts × quantity + labor.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the recommendation.' }),
    inspection: t.field({
      type: InspectionRef,
      description: 'The inspection it belongs to.',
      resolve: (r, _args, ctx) => r.inspectionAfter ?? ctx.reader.requireInspection(r.inspectionId),
    }),
    item: t.field({
      type: InspectionItemRef,
      nullable: true,
      description: 'The item that prompted it; null for work added without one.',
      resolve: async (r, _args, ctx) => (r.itemKey ? (await ctx.loaders.itemsByInspection.load(r.inspectionId)).find((i) => i.itemKey === r.itemKey) ?? null : null),
    }),
    title: t.exposeString('title', { description: 'What to do, as the customer reads it, e.g. "Replace front brake pads".' }),
    description: t.exposeString('description', { description: 'Why, in plain words.' }),
    urgency: t.field({ type: UrgencyEnum, description: 'How soon to do it.', resolve: (r) => r.urgency }),
    laborHours: t.exposeFloat('laborHours', { description: 'Estimated labor hours.' }),
    quantity: t.exposeInt('quantity', { description: 'How many units of the part (e.g. 4 tires).' }),
    parts: t.field({ type: Money, description: 'Price of one unit of parts.', resolve: (r, _a, ctx) => money(ctx, r, r.partsCents) }),
    labor: t.field({ type: Money, description: "Price of the labor: hours × `laborRate`, or the advisor's own price.", resolve: (r, _a, ctx) => money(ctx, r, r.laborCents) }),
    laborRate: t.field({
      type: Money,
      nullable: true,
      description: "The shop's hourly labor rate in force when the labor was priced from hours (kept with the line, so a later change of the rate does not reprice it); null when the advisor set the labor price directly.",
      resolve: (r, _a, ctx) => (r.laborRateCents === null ? null : money(ctx, r, r.laborRateCents)),
    }),
    total: t.field({ type: Money, description: 'parts × quantity + labor.', resolve: (r, _a, ctx) => money(ctx, r, totalCents(r)) }),
    partnerProductId: t.exposeID('partnerProductId', { nullable: true, description: "A partner's product this work uses (e.g. a tire partner's offer), if any." }),
    partnerProduct: t.field({
      type: PartnerProductRef,
      nullable: true,
      description: 'The partner product, resolved by the partners API.',
      resolve: (r) => (r.partnerProductId ? { id: r.partnerProductId } : null),
    }),
    decision: t.field({ type: DecisionEnum, nullable: true, description: "The customer's decision; null while pending.", resolve: (r) => r.decision }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true, description: 'When it was decided.' }),
    decidedByStaff: t.boolean({ description: 'Whether staff recorded the decision for the customer (e.g. by phone).', resolve: (r) => r.decidedBy === 'STAFF' }),
    educationViewed: t.boolean({ description: 'Whether the customer opened the education content before deciding.', resolve: (r) => r.educationViewedAt !== null }),
    refunded: t.boolean({ description: 'Whether the shop refunded it after approval.', resolve: (r) => r.refundedAt !== null }),
    refundReason: t.exposeString('refundReason', { nullable: true, description: 'Why it was refunded.' }),
  }),
});

PartnerProductRef.implement({
  fields: (t) => ({ id: t.exposeID('id', { description: 'Stable identifier of the partner product.' }) }),
});

async function money(ctx: InspectionsContext, r: Recommendation, amountCents: number) {
  const inspection = await ctx.loaders.inspection.load(r.inspectionId);
  return { amountCents, currency: inspection?.currency ?? 'USD' };
}

builder.asEntity(RecommendationRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => ctx.reader.recommendation(id),
});

const RecommendationInput = builder.inputType('RecommendationInput', {
  description: 'Fields of a recommendation. On update, omitted fields keep their value.',
  fields: (t) => ({
    title: t.string({ description: 'What to do (required when adding).' }),
    description: t.string({ description: 'Why, up to 4,000 characters.' }),
    urgency: t.field({ type: UrgencyEnum, description: 'How soon; defaults to SOON.' }),
    itemKey: t.string({ description: 'The item that prompted it (when adding).' }),
    laborHours: t.float({ description: "Estimated labor hours, 0 to 100. Without `laborCents` the labor is priced at hours × the shop's labor rate." }),
    partsCents: t.field({ type: 'Cents', description: 'Price of one unit of parts; not negative.' }),
    laborCents: t.field({ type: 'Cents', description: "Price of the labor, not negative: overrides hours × the shop's labor rate." }),
    quantity: t.int({ description: 'Units of the part, 1 to 100; defaults to 1.' }),
    partnerProductId: t.id({ description: "A partner product id, or null to clear it." }),
  }),
});

const RecommendationPriceInput = builder.inputType('RecommendationPriceInput', {
  description: "The price of one recommendation in `priceRecommendations`. Omitted fields keep their value; `laborHours` without `laborCents` is priced at the shop's labor rate.",
  fields: (t) => ({
    id: t.id({ required: true, description: 'The recommendation.' }),
    laborHours: t.float({ description: 'Estimated labor hours, 0 to 100.' }),
    laborCents: t.field({ type: 'Cents', description: "Price of the labor, not negative: overrides hours × the shop's labor rate." }),
    partsCents: t.field({ type: 'Cents', description: 'Price of one unit of parts; not negative.' }),
    quantity: t.int({ description: 'Units of the part, 1 to 100.' }),
  }),
});


builder.mutationFields((t) => ({
  addRecommendation: t.field({
    type: RecommendationRef,
    description: "Adds recommended work to an inspection before it is sent. `laborHours` without `laborCents` is priced at the shop's labor rate. Owners, managers and advisors.",
    args: {
      inspectionId: t.arg.id({ required: true, description: 'The inspection.' }),
      input: t.arg({ type: RecommendationInput, required: true, description: 'The work; `title` is required.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.recommendations.add(ctx, args.inspectionId, args.input),
  }),
  updateRecommendation: t.field({
    type: RecommendationRef,
    description:
      "Edits and prices a recommendation before the inspection is sent: `laborHours` without `laborCents` is priced at hours × the shop's labor rate, `laborCents` overrides it. A negative price, or hours alone while the shop's rate is unknown, fails with BAD_USER_INPUT and changes nothing. Owners, managers and advisors.",
    args: {
      id: t.arg.id({ required: true, description: 'The recommendation.' }),
      input: t.arg({ type: RecommendationInput, required: true, description: 'The fields to change (`itemKey` cannot change).' }),
    },
    resolve: (_root, args, ctx) => ctx.services.recommendations.update(ctx, args.id, args.input),
  }),
  priceRecommendations: t.field({
    type: InspectionRef,
    description:
      "Prices several recommendations of one inspection at once, all or nothing: one bad line (BAD_USER_INPUT, naming it as `lines.<index>`) or a recommendation of another inspection changes none. Returns the inspection. Owners, managers and advisors, before it is sent.",
    args: {
      inspectionId: t.arg.id({ required: true, description: 'The inspection.' }),
      lines: t.arg({ type: [RecommendationPriceInput], required: true, description: 'One entry per recommendation to price, 1 to 100, each recommendation once.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.recommendations.price(ctx.principal, args.inspectionId, args.lines),
  }),
  removeRecommendation: t.field({
    type: InspectionRef,
    description: 'Removes a recommendation before the inspection is sent; returns the inspection. Owners, managers and advisors.',
    args: { id: t.arg.id({ required: true, description: 'The recommendation.' }) },
    resolve: (_root, { id }, ctx) => ctx.services.recommendations.remove(ctx.principal, id),
  }),
  decideRecommendation: t.field({
    type: RecommendationRef,
    description:
      "Approves or declines a recommendation of a SENT inspection, once (a second decision fails with CONFLICT). The customer does this with the share link's token; owners, managers and advisors may record it for them. When every recommendation is decided the inspection closes, and its share link with it: this answer still shows the closed inspection, later requests with the link's tokens are refused.",
    args: {
      id: t.arg.id({ required: true, description: 'The recommendation.' }),
      decision: t.arg({ type: DecisionEnum, required: true, description: 'Approve or decline.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.recommendations.decide(ctx.principal, args.id, args.decision),
  }),
  recordEducationView: t.field({
    type: RecommendationRef,
    description: "Records that the customer opened a recommendation's education content (a video or article). Counts only before the decision; repeating it changes nothing. Customer share-link tokens only.",
    args: { id: t.arg.id({ required: true, description: 'The recommendation.' }) },
    resolve: (_root, { id }, ctx) => ctx.services.recommendations.recordEducationView(ctx.principal, id),
  }),
  refundRecommendation: t.field({
    type: RecommendationRef,
    description: 'Refunds an approved recommendation (e.g. the work was not done after all), once: `recommendation.refunded`. It leaves the approved total. Owners, managers and advisors.',
    args: {
      id: t.arg.id({ required: true, description: 'The recommendation.' }),
      reason: t.arg.string({ required: true, description: 'Why, 1 to 500 characters.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.recommendations.refund(ctx.principal, args.id, args.reason),
  }),
}));

builder.subscriptionField('recommendationDecided', (t) =>
  t.field({
    type: RecommendationRef,
    description: "Each recommendation of a shop's inspections as the customer (or staff for them) approves or declines it. Staff of the shop only; another shop answers NOT_FOUND.",
    args: { shopId: t.arg.id({ required: true, description: 'The shop to watch.' }) },
    subscribe: (_root, { shopId }, ctx) => {
      if (ctx.principal?.kind !== 'staff' || !ctx.principal.roles[shopId]) throw notFound('Shop', shopId);
      return ctx.services.live.events((event) => event.shopId === shopId && (event.type === 'recommendation.approved' || event.type === 'recommendation.declined'));
    },
    resolve: (delivery, _args, ctx) =>
      ctx.services.live.deliver(async () => {
        ctx.clearLoaders();
        const recommendation = await decidedRecommendation(delivery, ctx.principal, ctx.loaders);
        if (!recommendation) throw notFound('Recommendation', delivery.event.subject.id);
        return recommendation;
      }),
  }),
);
