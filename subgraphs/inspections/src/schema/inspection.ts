import { describedEnum, enforceFieldRateLimit, money, notFound } from '@cip/platform';
import { builder, Money } from '../builder';
import type { ShareLink } from '../domain/sharing';
import { approvalTotals } from '../domain/approval';
import { inspectionUpdate, type InspectionChange } from '../domain/live';
import {
  ApprovalRef,
  CustomerRef,
  InspectionItemRef,
  InspectionRef,
  InspectionStatusEnum,
  RecommendationRef,
  ShopRef,
  SummaryRef,
  TemplateRef,
  UserRef,
  VehicleRef,
} from './refs';

const ReportLayoutEnum = describedEnum(builder, 'ReportLayout', "How the customer's report page opens. Fixed when the report is sent, by the report experiment while one runs.", {
  RECOMMENDATIONS_FIRST: 'The recommended work first, then what the technician found.',
  PHOTOS_FIRST: 'What the technician found, with the photos, first; then the recommended work.',
});

InspectionRef.implement({
  description:
    "A digital courtesy inspection of one vehicle at one shop: the items of the template version it started with and their results, the technician's photos and notes, the recommendations priced by the advisor, and the customer's decisions.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the inspection.' }),
    status: t.field({ type: InspectionStatusEnum, description: 'Where the inspection is in its flow.', resolve: (i) => i.status }),
    shop: t.field({ type: ShopRef, description: 'The shop doing the inspection.', resolve: (i) => ({ id: i.shopId }) }),
    vehicle: t.field({ type: VehicleRef, description: 'The vehicle inspected.', resolve: (i) => ({ id: i.vehicleId }) }),
    customer: t.field({ type: CustomerRef, description: "The vehicle's owner, who receives the report.", resolve: (i) => ({ id: i.customerId }) }),
    technician: t.field({ type: UserRef, nullable: true, description: 'The technician assigned; null when unassigned.', resolve: (i) => (i.technicianId ? { id: i.technicianId } : null) }),
    template: t.field({
      type: TemplateRef,
      description: 'The template the inspection was started from (its current version; see `templateVersion` for the one used).',
      resolve: async (i, _args, ctx) => (await ctx.loaders.template.load(i.templateId))!,
    }),
    templateVersion: t.exposeInt('templateVersion', { description: 'The template version the inspection started with; its items never change with later edits.' }),
    repairOrderNumber: t.exposeString('repairOrderNumber', { nullable: true, description: "The shop management system's repair-order number, when tied to one." }),
    currency: t.exposeString('currency', { description: 'ISO-4217 currency of every amount on the inspection.' }),
    items: t.field({
      type: [InspectionItemRef],
      description: 'Every item in template order, with its result.',
      resolve: (i, _args, ctx) => ctx.loaders.itemsByInspection.load(i.id),
    }),
    summary: t.field({
      type: SummaryRef,
      description: 'How many items are green, yellow, red and not inspected.',
      resolve: async (i, _args, ctx) => (await ctx.loaders.summaryByInspection.load(i.id))!,
    }),
    recommendations: t.field({
      type: [RecommendationRef],
      description: 'Recommended work, in order.',
      resolve: (i, _args, ctx) => ctx.loaders.recommendationsByInspection.load(i.id),
    }),
    approval: t.field({
      type: ApprovalRef,
      description: "The customer's decisions in totals, derived from the recommendations.",
      resolve: async (i, _args, ctx) => ({ ...approvalTotals(await ctx.loaders.recommendationsByInspection.load(i.id)), currency: i.currency }),
    }),
    previousInspection: t.field({
      type: InspectionRef,
      nullable: true,
      description: "The vehicle's previous completed inspection at this shop when this one was started (carry-forward); null for a first visit.",
      resolve: (i, _args, ctx) => (i.previousInspectionId ? ctx.reader.inspection(i.previousInspectionId) : null),
    }),
    reportLayout: t.field({
      type: ReportLayoutEnum,
      description: "How the customer's report page opens; RECOMMENDATIONS_FIRST for reports not yet sent or sent outside an experiment.",
      resolve: (i) => i.reportLayout,
    }),
    shareExpiresAt: t.expose('shareExpiresAt', { type: 'DateTime', nullable: true, description: "When the customer's share link stops working; null until sent." }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the inspection was opened.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When the technician began (IN_PROGRESS).' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true, description: 'When the technician finished.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true, description: 'When the report was sent to the customer.' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When it closed.' }),
    change: t.field({
      type: InspectionChangeRef,
      nullable: true,
      description: 'On a delivery of `inspectionUpdated`: the change this delivery reports, the inspection\'s fields being as that change left them. Null when the inspection is read any other way.',
      resolve: (i) => i.change ?? null,
    }),
  }),
});

const changeTypes = {
  'inspection.started': ['STARTED', 'A technician began the inspection.'],
  'inspection.completed': ['COMPLETED', 'The technician finished; recommendations were made from the findings.'],
  'inspection.sent': ['SENT', 'The report was sent to the customer.'],
  'inspection.closed': ['CLOSED', 'The inspection closed (every recommendation decided, or the shop closed it).'],
  'recommendation.approved': ['RECOMMENDATION_APPROVED', 'A recommendation was approved (by the customer, or staff for them).'],
  'recommendation.declined': ['RECOMMENDATION_DECLINED', 'A recommendation was declined.'],
  'recommendation.refunded': ['RECOMMENDATION_REFUNDED', 'An approved recommendation was refunded.'],
} as const satisfies Record<InspectionChange['type'], readonly [string, string]>;

const InspectionChangeTypeEnum = describedEnum(
  builder,
  'InspectionChangeType',
  'What happened to an inspection.',
  Object.fromEntries(Object.values(changeTypes)) as Record<(typeof changeTypes)[keyof typeof changeTypes][0], string>,
);

const ActorKindEnum = describedEnum(builder, 'InspectionActorKind', 'Who made a change.', {
  STAFF: 'A staff user of the shop.',
  CUSTOMER: 'The customer, through the share link.',
  SYSTEM: 'The platform itself (or a change recorded before actors were).',
});

const InspectionChangeRef = builder.objectRef<InspectionChange>('InspectionChange').implement({
  description: 'One change to an inspection, as a live delivery reports it.',
  fields: (t) => ({
    type: t.field({ type: InspectionChangeTypeEnum, description: 'What happened.', resolve: (c) => changeTypes[c.type][0] }),
    event: t.string({ description: 'The catalog event behind it, e.g. "inspection.sent" (the webhook event of the same name).', resolve: (c) => c.type }),
    eventId: t.exposeID('eventId', { description: 'Id of that event; the same change delivered twice has the same id.' }),
    actorKind: t.field({ type: ActorKindEnum, description: 'Who made the change.', resolve: (c) => c.actorKind }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When it happened.' }),
    changedFields: t.stringList({ description: 'The fields of Inspection it changed, e.g. ["status", "sentAt", "shareExpiresAt"].', resolve: (c) => [...c.changedFields] }),
    recommendation: t.field({
      type: RecommendationRef,
      nullable: true,
      description: 'The recommendation decided or refunded; null for changes of the inspection itself.',
      resolve: (c, _args, ctx) => (c.recommendationId ? ctx.reader.recommendation(c.recommendationId) : null),
    }),
  }),
});

builder.asEntity(InspectionRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => ctx.reader.inspection(id),
});

SummaryRef.implement({
  description: 'Counts of item conditions on an inspection.',
  fields: (t) => ({
    green: t.exposeInt('green', { description: 'Items that are fine.' }),
    yellow: t.exposeInt('yellow', { description: 'Items that need attention soon.' }),
    red: t.exposeInt('red', { description: 'Items that need attention now.' }),
    notInspected: t.exposeInt('notInspected', { description: 'Items without a result.' }),
    total: t.exposeInt('total', { description: 'All items.' }),
  }),
});


ApprovalRef.implement({
  description: 'Totals of the customer’s decisions. Totals of a recommendation are parts × quantity + labor. Refunded approvals count separately.',
  fields: (t) => ({
    presentedCount: t.exposeInt('presentedCount', { description: 'Recommendations on the inspection.' }),
    approvedCount: t.exposeInt('approvedCount', { description: 'Approved and not refunded.' }),
    declinedCount: t.exposeInt('declinedCount', { description: 'Declined.' }),
    pendingCount: t.exposeInt('pendingCount', { description: 'Not yet decided.' }),
    refundedCount: t.exposeInt('refundedCount', { description: 'Approved, then refunded by the shop.' }),
    presentedTotal: t.field({ type: Money, description: 'Sum of every recommendation.', resolve: (a) => money(a.presentedCents, a.currency) }),
    approvedTotal: t.field({ type: Money, description: 'Sum of approved, not refunded recommendations.', resolve: (a) => money(a.approvedCents, a.currency) }),
    declinedTotal: t.field({ type: Money, description: 'Sum of declined recommendations.', resolve: (a) => money(a.declinedCents, a.currency) }),
    refundedTotal: t.field({ type: Money, description: 'Sum of refunded recommendations.', resolve: (a) => money(a.refundedCents, a.currency) }),
    approvalRate: t.float({
      nullable: true,
      description: 'Share of the presented amount the customer approved, from 0 to 1; null when nothing was presented or it was all free.',
      resolve: (a) => a.approvalRate,
    }),
  }),
});


builder.queryField('inspection', (t) =>
  t.field({
    type: InspectionRef,
    description: "One inspection by id. Staff of its shop, or the customer holding its share link. Anyone else gets NOT_FOUND.",
    args: { id: t.arg.id({ required: true, description: 'The inspection id.' }) },
    resolve: (_root, { id }, ctx) => ctx.reader.requireInspection(id),
  }),
);

const StartInspectionInput = builder.inputType('StartInspectionInput', {
  description: 'What to inspect, for whom, and with which template.',
  fields: (t) => ({
    shopId: t.id({ required: true, description: 'The shop; you must work there.' }),
    vehicleId: t.id({ required: true, description: 'The vehicle (from the vehicles API).' }),
    customerId: t.id({ required: true, description: "The vehicle's owner (from the shops API)." }),
    templateId: t.id({ description: "The template; defaults to the vehicle's recommended template, else `tpl_standard`." }),
    technicianId: t.id({ description: 'The technician to assign; defaults to you when you are a technician.' }),
    repairOrderNumber: t.string({ description: "The shop management system's repair-order number." }),
    currency: t.string({ description: 'ISO-4217 currency of the amounts; defaults to "USD".' }),
    draft: t.boolean({ description: 'Open it as DRAFT (e.g. at check-in) instead of starting right away; `beginInspection` starts it.' }),
  }),
});

const ShareLinkRef = builder.objectRef<ShareLink>('InspectionShareLink').implement({
  description: "What sending returns: the customer's link and its token. Shown once: only the token's hash is stored.",
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The unguessable token; the customer exchanges it with `openSharedInspection`.' }),
    url: t.exposeString('url', {
      description: "The customer's link, `<PUBLIC_URL>/approve/#<token>`: the approval page under the platform's public origin, the token in the fragment (never sent to a server). Text or e-mail this.",
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the link stops working.' }),
    inspection: t.field({ type: InspectionRef, description: 'The inspection sent.', resolve: (link) => link.inspection }),
  }),
});

builder.mutationFields((t) => ({
  startInspection: t.field({
    type: InspectionRef,
    description:
      "Opens an inspection of a vehicle with every item of the template's current version, carrying forward the vehicle's previous results at this shop. Starts it (IN_PROGRESS, `inspection.started`) unless `draft` is true. Any staff role.",
    args: { input: t.arg({ type: StartInspectionInput, required: true, description: 'The vehicle, customer and template.' }) },
    resolve: (_root, { input }, ctx) => ctx.services.workflow.start(ctx, input),
  }),
  beginInspection: t.field({
    type: InspectionRef,
    description: 'Starts a DRAFT inspection (IN_PROGRESS, `inspection.started`). Any staff role; assigns you when you are a technician and nobody is assigned.',
    args: { id: t.arg.id({ required: true, description: 'The inspection.' }) },
    resolve: (_root, { id }, ctx) => ctx.services.workflow.begin(ctx.principal, id),
  }),
  assignTechnician: t.field({
    type: InspectionRef,
    description: 'Assigns (or, with null, unassigns) the technician of an inspection that is not yet completed. Owners, managers and advisors.',
    args: {
      id: t.arg.id({ required: true, description: 'The inspection.' }),
      technicianId: t.arg.id({ description: 'The staff user to assign; null to unassign.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.workflow.assignTechnician(ctx, args.id, args.technicianId),
  }),
  completeInspection: t.field({
    type: InspectionRef,
    description:
      'Finishes an IN_PROGRESS inspection (COMPLETED, `inspection.completed`). Every yellow or red item without a recommendation gets one (unpriced, worded from the template item) for the advisor to price. Any staff role.',
    args: { id: t.arg.id({ required: true, description: 'The inspection.' }) },
    resolve: (_root, { id }, ctx) => ctx.services.workflow.complete(ctx.principal, id),
  }),
  sendInspection: t.field({
    type: ShareLinkRef,
    description:
      'Sends a COMPLETED inspection to the customer (SENT, `inspection.sent`) and returns the share link token, valid for `expiresInHours`. Recommendations can no longer be edited. Owners, managers and advisors.',
    args: {
      id: t.arg.id({ required: true, description: 'The inspection.' }),
      expiresInHours: t.arg.int({ defaultValue: 72, description: 'How long the link works, 1 to 720 hours.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      await enforceFieldRateLimit(ctx.runtime.store, { args, context: ctx, info }, { max: 100, window: '10m' });
      return ctx.services.sharing.send(ctx.principal, args.id, args.expiresInHours);
    },
  }),
  renewShareLink: t.field({
    type: ShareLinkRef,
    description:
      'Replaces the share link of a SENT inspection with a new one, e.g. after it expired: the old link and every customer access token it gave stop working at once. Owners, managers and advisors.',
    args: {
      id: t.arg.id({ required: true, description: 'The inspection.' }),
      expiresInHours: t.arg.int({ defaultValue: 72, description: 'How long the new link works, 1 to 720 hours.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.sharing.renew(ctx.principal, args.id, args.expiresInHours),
  }),
  closeInspection: t.field({
    type: InspectionRef,
    description:
      "Closes a SENT inspection (CLOSED, `inspection.closed`) with undecided recommendations left as they are; its share link and the customer's access tokens end with it. It closes by itself once the customer decided on every recommendation. Owners, managers and advisors.",
    args: { id: t.arg.id({ required: true, description: 'The inspection.' }) },
    resolve: (_root, { id }, ctx) => ctx.services.workflow.close(ctx.principal, id),
  }),
}));

const inspectionEventTypes = new Set(['inspection.started', 'inspection.completed', 'inspection.sent', 'inspection.closed', 'recommendation.approved', 'recommendation.declined', 'recommendation.refunded']);

builder.subscriptionField('inspectionUpdated', (t) =>
  t.field({
    type: InspectionRef,
    description:
      "Each change to a shop's inspections, in order: started, completed, sent, a recommendation decided or refunded, closed. Every delivery is the inspection as that change left it (status, timestamps, decisions), with `change` saying what happened, who did it and when. Staff of the shop; a customer's share-link token sees only its own inspection; anyone else gets NOT_FOUND.",
    args: { shopId: t.arg.id({ required: true, description: 'The shop to watch.' }) },
    subscribe: (_root, { shopId }, ctx) => {
      const principal = ctx.principal;
      const allowed = principal?.kind === 'staff' ? Boolean(principal.roles[shopId]) : principal?.kind === 'customer' && principal.shopId === shopId;
      if (!allowed) throw notFound('Shop', shopId);
      return ctx.services.live.events((event) => {
        if (event.shopId !== shopId || !inspectionEventTypes.has(event.type)) return false;
        return principal?.kind !== 'customer' || event.data.inspectionId === principal.inspectionId;
      });
    },
    resolve: (delivery, _args, ctx) =>
      ctx.services.live.deliver(async () => {
        ctx.clearLoaders();
        const updated = await inspectionUpdate(delivery, ctx.principal, ctx.loaders);
        if (!updated) throw notFound('Inspection');
        return updated;
      }),
  }),
);
