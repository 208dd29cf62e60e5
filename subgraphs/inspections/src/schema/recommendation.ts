import { z } from 'zod';
import { appError, badInput, enqueueEvents, ErrorCode, forbidden, notFound, parseInput, requireShopRole, type CatalogEvent } from '@cip/platform';
import { builder, Money } from '../builder';
import type { InspectionsContext } from '../context';
import { totalCents, urgencies, type Recommendation } from '../data/recommendation';
import { loadReadableInspection, loadReadableRecommendation, lockInspection } from '../domain/access';
import { actorOf, inspectionClosed, recommendationDecided, recommendationRefunded } from '../domain/events';
import { priceLabor } from '../domain/pricing';
import { assertStatus } from '../domain/status';
import { advisors } from '../domain/workflow';
import { DecisionEnum, InspectionItemRef, InspectionRef, PartnerProductRef, RecommendationRef, UrgencyEnum } from './refs';

RecommendationRef.implement({
  description:
    'Recommended work from an inspection (usually from a yellow or red item), priced by the advisor. The customer approves or declines it once from the share link. Total = parts × quantity + labor.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the recommendation.' }),
    inspection: t.field({
      type: InspectionRef,
      description: 'The inspection it belongs to.',
      resolve: async (r, _args, ctx) => {
        const inspection = await loadReadableInspection(ctx, r.inspectionId);
        if (!inspection) throw notFound('Inspection', r.inspectionId);
        return inspection;
      },
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
  resolveReference: ({ id }, ctx) => loadReadableRecommendation(ctx, id),
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

const maxCents = 10_000_000;
const cents = z.number().int().min(0, 'must not be negative').max(maxCents, `must be at most ${maxCents}`);
const recommendationSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(4000).optional(),
  urgency: z.enum(urgencies).optional(),
  itemKey: z.string().min(1).max(100).optional(),
  laborHours: z.number().min(0, 'must not be negative').max(100).optional(),
  partsCents: cents.optional(),
  laborCents: cents.optional(),
  quantity: z.number().int().min(1, 'must be at least 1').max(100).optional(),
  partnerProductId: z.string().min(1).max(100).nullable().optional(),
});
const priceLinesSchema = z
  .array(recommendationSchema.pick({ laborHours: true, laborCents: true, partsCents: true, quantity: true }).extend({ id: z.string().uuid('must be a recommendation id') }))
  .min(1, 'must price at least one recommendation')
  .max(100, 'must price at most 100 recommendations')
  .refine((lines) => new Set(lines.map((l) => l.id)).size === lines.length, 'must name each recommendation once');
const withoutNulls = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([key, value]) => value !== undefined && (value !== null || key === 'partnerProductId')));

/** Loads a recommendation and its inspection for an advisor action, or answers NOT_FOUND. */
async function advisorRecommendation(ctx: InspectionsContext, id: string) {
  const recommendation = await loadReadableRecommendation(ctx, id);
  if (!recommendation || ctx.principal?.kind !== 'staff') throw notFound('Recommendation', id);
  return { recommendation, staff: requireShopRole(ctx.principal, recommendation.shopId, advisors) };
}

const editable = ['IN_PROGRESS', 'COMPLETED'] as const;

builder.mutationFields((t) => ({
  addRecommendation: t.field({
    type: RecommendationRef,
    description: 'Adds recommended work to an inspection before it is sent. Owners, managers and advisors.',
    args: {
      inspectionId: t.arg.id({ required: true, description: 'The inspection.' }),
      input: t.arg({ type: RecommendationInput, required: true, description: 'The work; `title` is required.' }),
    },
    resolve: async (_root, args, ctx) => {
      const inspection = await loadReadableInspection(ctx, args.inspectionId);
      if (!inspection || ctx.principal?.kind !== 'staff') throw notFound('Inspection', args.inspectionId);
      requireShopRole(ctx.principal, inspection.shopId, advisors);
      const values = parseInput(recommendationSchema.required({ title: true }), withoutNulls(args.input));
      return ctx.dataSource.transaction(async (manager) => {
        const locked = await lockInspection(ctx, manager, inspection.id);
        assertStatus(locked.status, editable, 'add recommendations');
        if (values.itemKey && !(await ctx.repos.items.listForInspection(manager, locked.id)).some((i) => i.itemKey === values.itemKey)) {
          throw badInput(`Item "${values.itemKey}" is not in this inspection's template.`, { field: 'input.itemKey' });
        }
        const existing = await ctx.repos.recommendations.listForInspection(manager, locked.id);
        const labor = priceLabor(values, await ctx.repos.shopRates.find(locked.shopId, manager), locked.currency);
        const [created] = await ctx.repos.recommendations.createMany(manager, [
          {
            inspectionId: locked.id,
            orgId: locked.orgId,
            shopId: locked.shopId,
            itemKey: values.itemKey ?? null,
            position: existing.reduce((max, r) => Math.max(max, r.position + 1), 0),
            title: values.title,
            description: values.description ?? '',
            urgency: values.urgency ?? 'SOON',
            laborHours: values.laborHours ?? 0,
            partsCents: values.partsCents ?? 0,
            laborCents: labor.laborCents ?? 0,
            laborRateCents: labor.laborRateCents ?? null,
            quantity: values.quantity ?? 1,
            partnerProductId: values.partnerProductId ?? null,
          },
        ]);
        return created;
      });
    },
  }),
  updateRecommendation: t.field({
    type: RecommendationRef,
    description: 'Edits and prices a recommendation before the inspection is sent. A negative price fails with BAD_USER_INPUT and changes nothing. Owners, managers and advisors.',
    args: {
      id: t.arg.id({ required: true, description: 'The recommendation.' }),
      input: t.arg({ type: RecommendationInput, required: true, description: 'The fields to change (`itemKey` cannot change).' }),
    },
    resolve: async (_root, args, ctx) => {
      const { recommendation } = await advisorRecommendation(ctx, args.id);
      const { itemKey: _itemKey, ...changes } = parseInput(recommendationSchema, withoutNulls(args.input));
      return ctx.dataSource.transaction(async (manager) => {
        const locked = await lockInspection(ctx, manager, recommendation.inspectionId);
        assertStatus(locked.status, editable, 'edit recommendations');
        const labor = priceLabor(changes, await ctx.repos.shopRates.find(locked.shopId, manager), locked.currency);
        return ctx.repos.recommendations.update(manager, recommendation.id, { ...changes, ...labor });
      });
    },
  }),
  priceRecommendations: t.field({
    type: InspectionRef,
    description:
      "Prices several recommendations of one inspection at once, all or nothing: one bad line (BAD_USER_INPUT, naming it as `lines.<index>`) or a recommendation of another inspection changes none. Returns the inspection. Owners, managers and advisors, before it is sent.",
    args: {
      inspectionId: t.arg.id({ required: true, description: 'The inspection.' }),
      lines: t.arg({ type: [RecommendationPriceInput], required: true, description: 'One entry per recommendation to price, 1 to 100, each recommendation once.' }),
    },
    resolve: async (_root, args, ctx) => {
      const inspection = await loadReadableInspection(ctx, args.inspectionId);
      if (!inspection || ctx.principal?.kind !== 'staff') throw notFound('Inspection', args.inspectionId);
      requireShopRole(ctx.principal, inspection.shopId, advisors);
      const { lines } = parseInput(z.object({ lines: priceLinesSchema }), { lines: args.lines.map((line) => withoutNulls(line)) });
      return ctx.dataSource.transaction(async (manager) => {
        const locked = await lockInspection(ctx, manager, inspection.id);
        assertStatus(locked.status, editable, 'price recommendations');
        const current = new Map((await ctx.repos.recommendations.listForInspection(manager, locked.id)).map((r) => [r.id, r]));
        const rate = await ctx.repos.shopRates.find(locked.shopId, manager);
        const updates = lines.map(({ id, ...changes }, index) => {
          if (!current.has(id)) throw badInput(`Recommendation "${id}" is not on this inspection.`, { field: `lines.${index}.id` });
          return { id, changes: { ...changes, ...priceLabor(changes, rate, locked.currency, `lines.${index}`) } };
        });
        for (const { id, changes } of updates) await ctx.repos.recommendations.update(manager, id, changes);
        ctx.loaders.recommendationsByInspection.clear(locked.id);
        ctx.loaders.recommendation.clearAll();
        return locked;
      });
    },
  }),
  removeRecommendation: t.field({
    type: InspectionRef,
    description: 'Removes a recommendation before the inspection is sent; returns the inspection. Owners, managers and advisors.',
    args: { id: t.arg.id({ required: true, description: 'The recommendation.' }) },
    resolve: async (_root, { id }, ctx) => {
      const { recommendation } = await advisorRecommendation(ctx, id);
      return ctx.dataSource.transaction(async (manager) => {
        const locked = await lockInspection(ctx, manager, recommendation.inspectionId);
        assertStatus(locked.status, editable, 'remove recommendations');
        await ctx.repos.recommendations.remove(manager, recommendation.id);
        ctx.loaders.recommendationsByInspection.clear(locked.id);
        return locked;
      });
    },
  }),
  decideRecommendation: t.field({
    type: RecommendationRef,
    description:
      "Approves or declines a recommendation of a SENT inspection, once (a second decision fails with CONFLICT). The customer does this with the share link's token; owners, managers and advisors may record it for them. When every recommendation is decided the inspection closes.",
    args: {
      id: t.arg.id({ required: true, description: 'The recommendation.' }),
      decision: t.arg({ type: DecisionEnum, required: true, description: 'Approve or decline.' }),
    },
    resolve: async (_root, args, ctx) => {
      const recommendation = await loadReadableRecommendation(ctx, args.id);
      if (!recommendation) throw notFound('Recommendation', args.id);
      const principal = ctx.principal!;
      if (principal.kind === 'staff') requireShopRole(principal, recommendation.shopId, advisors);
      else if (principal.kind !== 'customer') throw forbidden('Only the customer or the shop may decide on a recommendation.');
      return ctx.dataSource.transaction(async (manager) => {
        const inspection = await lockInspection(ctx, manager, recommendation.inspectionId);
        const current = (await ctx.repos.recommendations.findForUpdate(manager, recommendation.id))!;
        if (current.decision) {
          throw appError(ErrorCode.CONFLICT, `This recommendation was already ${current.decision.toLowerCase()}.`, { decision: current.decision });
        }
        assertStatus(inspection.status, ['SENT'], 'decide on recommendations');
        const decided = await ctx.repos.recommendations.update(manager, current.id, {
          decision: args.decision,
          decidedAt: new Date(),
          decidedBy: principal.kind === 'customer' ? 'CUSTOMER' : 'STAFF',
        });
        const all = await ctx.repos.recommendations.listForInspection(manager, inspection.id);
        const closes = all.every((r) => r.decision);
        const events: CatalogEvent[] = [recommendationDecided(inspection, decided, actorOf(principal), closes)];
        if (closes) {
          const closed = await ctx.repos.inspections.update(manager, inspection.id, { status: 'CLOSED', closedAt: new Date() });
          events.push(inspectionClosed(closed, all, actorOf(principal)));
        }
        await enqueueEvents(manager, 'inspections', events);
        return decided;
      });
    },
  }),
  recordEducationView: t.field({
    type: RecommendationRef,
    description: "Records that the customer opened a recommendation's education content (a video or article). Counts only before the decision; repeating it changes nothing. Customer share-link tokens only.",
    args: { id: t.arg.id({ required: true, description: 'The recommendation.' }) },
    resolve: async (_root, { id }, ctx) => {
      const recommendation = await loadReadableRecommendation(ctx, id);
      if (!recommendation) throw notFound('Recommendation', id);
      if (ctx.principal?.kind !== 'customer') throw forbidden('Only the customer records education views.');
      return ctx.dataSource.transaction(async (manager) => {
        const current = (await ctx.repos.recommendations.findForUpdate(manager, recommendation.id))!;
        if (current.educationViewedAt || current.decision) return current;
        return ctx.repos.recommendations.update(manager, current.id, { educationViewedAt: new Date() });
      });
    },
  }),
  refundRecommendation: t.field({
    type: RecommendationRef,
    description: 'Refunds an approved recommendation (e.g. the work was not done after all), once: `recommendation.refunded`. It leaves the approved total. Owners, managers and advisors.',
    args: {
      id: t.arg.id({ required: true, description: 'The recommendation.' }),
      reason: t.arg.string({ required: true, description: 'Why, 1 to 500 characters.' }),
    },
    resolve: async (_root, args, ctx) => {
      const { recommendation } = await advisorRecommendation(ctx, args.id);
      const reason = parseInput(z.string().trim().min(1).max(500), args.reason);
      return ctx.dataSource.transaction(async (manager) => {
        const inspection = await lockInspection(ctx, manager, recommendation.inspectionId);
        const current = (await ctx.repos.recommendations.findForUpdate(manager, recommendation.id))!;
        if (current.decision !== 'APPROVED') throw appError(ErrorCode.CONFLICT, 'Only an approved recommendation can be refunded.');
        if (current.refundedAt) throw appError(ErrorCode.CONFLICT, 'This recommendation was already refunded.');
        const refunded = await ctx.repos.recommendations.update(manager, current.id, { refundedAt: new Date(), refundReason: reason });
        await enqueueEvents(manager, 'inspections', [recommendationRefunded(inspection, refunded, actorOf(ctx.principal))]);
        return refunded;
      });
    },
  }),
}));

builder.subscriptionField('recommendationDecided', (t) =>
  t.field({
    type: RecommendationRef,
    description: "Each recommendation of a shop's inspections as the customer (or staff for them) approves or declines it. Staff of the shop only; another shop answers NOT_FOUND.",
    args: { shopId: t.arg.id({ required: true, description: 'The shop to watch.' }) },
    subscribe: (_root, { shopId }, ctx) => {
      if (ctx.principal?.kind !== 'staff' || !ctx.principal.roles[shopId]) throw notFound('Shop', shopId);
      return ctx.live.events((event) => event.shopId === shopId && (event.type === 'recommendation.approved' || event.type === 'recommendation.declined'));
    },
    resolve: (event, _args, ctx) =>
      ctx.live.deliver(async () => {
        ctx.clearLoaders();
        const recommendation = await loadReadableRecommendation(ctx, event.subject.id);
        if (!recommendation) throw notFound('Recommendation', event.subject.id);
        return recommendation;
      }),
  }),
);
