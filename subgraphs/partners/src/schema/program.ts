import { money, notFound, requirePrincipal, valid } from '@cip/platform';
import { builder, Money } from '../builder';
import type { PartnersContext } from '../context';
import type { Program } from '../data/program';
import type { CommissionRule } from '../data/rule';
import { canSeeProgram, requireOwnPartner } from '../domain/access';
import { CommissionRuleKindEnum, CommissionRuleRef, PartnerProductRef, PartnerRef, PartnerTierEnum, ProgramRef, SharedFieldEnum, TierLevelRef } from './refs';

ProgramRef.implement({
  description: "A partner's program: products shops can offer, the commission rule they earn under, and performance tiers.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the program.' }),
    name: t.exposeString('name', { description: 'The program as shops know it.' }),
    description: t.exposeString('description', { description: 'What the program offers shops and their customers.' }),
    currency: t.exposeString('currency', { description: 'ISO-4217 currency every amount of the program is in.' }),
    partner: t.field({
      type: PartnerRef,
      description: 'The partner running the program.',
      resolve: async (program, _args, ctx) => {
        const partner = await ctx.loaders.partner.load(program.partnerId);
        if (!partner) throw new Error(`program ${program.id} has no partner`);
        return partner;
      },
    }),
    sharedFields: t.field({
      type: [SharedFieldEnum],
      description: "Which of an enrolled shop's data the partner may read through its API key.",
      resolve: (program) => program.sharedFields,
    }),
    tierWindowDays: t.exposeInt('tierWindowDays', { description: 'How many trailing days of performance decide a tier.' }),
    educationIncentive: t.field({
      type: Money,
      description: 'Extra amount a shop earns when the customer viewed the education attached to a product before approving it.',
      resolve: (program) => money(program.educationIncentiveCents, program.currency),
    }),
    products: t.field({
      type: [PartnerProductRef],
      description: 'Products of the program that recommendations can carry.',
      resolve: (program, _args, ctx) => ctx.loaders.productsByProgram.load(program.id),
    }),
    tierLevels: t.field({
      type: [TierLevelRef],
      description: 'What each tier takes and the multiplier it earns, from BRONZE up.',
      resolve: async (program, _args, ctx) => {
        const order = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'];
        const levels = await ctx.loaders.tierLevelsByProgram.load(program.id);
        return [...levels].sort((a, b) => order.indexOf(a.tier) - order.indexOf(b.tier));
      },
    }),
    commissionRule: t.field({
      type: CommissionRuleRef,
      nullable: true,
      description: 'The rule version in force now; null when the program pays no commission at present.',
      resolve: async (program, _args, ctx) => ruleInForce(await ctx.loaders.rulesByProgram.load(program.id), new Date()),
    }),
    commissionRuleVersions: t.field({
      type: [CommissionRuleRef],
      description: 'Every version of the commission rule, newest first. Versions are never edited; a sale uses the version in force when it was decided.',
      resolve: (program, _args, ctx) => ctx.loaders.rulesByProgram.load(program.id),
    }),
  }),
});

/** The version in force at `at` among versions already loaded: the latest-starting one that began by then, unless it had ended. */
function ruleInForce(versions: CommissionRule[], at: Date): CommissionRule | null {
  const started = versions.filter((rule) => rule.effectiveFrom <= at);
  started.sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime() || b.version - a.version);
  const rule = started[0];
  return rule && !(rule.effectiveUntil && rule.effectiveUntil <= at) ? rule : null;
}

/** A program the caller may see, or null (a partner's key sees only its own programs). */
export async function loadVisibleProgram(ctx: PartnersContext, id: string): Promise<Program | null> {
  const program = await ctx.loaders.program.load(id);
  return program && canSeeProgram(ctx.principal, program) ? program : null;
}

/**
 * The program, when the caller is its partner: what every partner-management mutation starts from.
 * Another partner's program answers exactly like a missing one, naming neither it nor its partner.
 */
export async function loadOwnProgram(ctx: PartnersContext, id: string): Promise<Program> {
  const caller = requirePrincipal(ctx.principal);
  const program = await ctx.loaders.program.load(id);
  if (!program || (caller.kind === 'partner' && caller.partnerId !== program.partnerId)) throw notFound('Program', id);
  requireOwnPartner(caller, program.partnerId);
  return program;
}

builder.asEntity(ProgramRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => loadVisibleProgram(ctx, id),
});

CommissionRuleRef.implement({
  description: 'One version of a program\'s commission rule. Caps bound the commission (before education incentives); a reversal does not free capacity already used.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of this version.' }),
    version: t.exposeInt('version', { description: 'Version number within the program, from 1.' }),
    kind: t.expose('kind', { type: CommissionRuleKindEnum, description: 'How the commission is computed.' }),
    basisPoints: t.exposeInt('basisPoints', { nullable: true, description: 'PERCENTAGE: share of the sale total in basis points (750 = 7.5%).' }),
    flatPerUnitCents: t.expose('flatCents', { type: 'Cents', nullable: true, description: 'FLAT_PER_UNIT: cents per unit sold.' }),
    brackets: t.field({
      type: [CommissionBracketRef],
      nullable: true,
      description: 'TIERED: marginal brackets on the sale total, lowest first.',
      resolve: (rule) => rule.brackets,
    }),
    orderCapCents: t.expose('orderCapCents', { type: 'Cents', nullable: true, description: 'Most commission one inspection (order) can earn in the program.' }),
    monthlyCapCents: t.expose('monthlyCapCents', { type: 'Cents', nullable: true, description: 'Most commission a shop can earn in the program per calendar month (UTC) of sale.' }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'DateTime', description: 'Sales decided at or after this instant use this version (until a later version starts).' }),
    effectiveUntil: t.expose('effectiveUntil', { type: 'DateTime', nullable: true, description: 'Sales decided at or after this instant earn no commission under this version.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the version was recorded.' }),
  }),
});

const CommissionBracketRef = builder.objectRef<{ upToCents: number | null; basisPoints: number }>('CommissionBracket').implement({
  description: 'One bracket of a tiered rule: the part of the sale total up to `upToCents` earns `basisPoints`.',
  fields: (t) => ({
    upToCents: t.expose('upToCents', { type: 'Cents', nullable: true, description: 'Upper bound of the bracket; null for the last, open bracket.' }),
    basisPoints: t.exposeInt('basisPoints', { description: 'Rate of the bracket in basis points.' }),
  }),
});

TierLevelRef.implement({
  description: 'What a shop must reach over the program window to hold a tier. Thresholds are inclusive: reaching one exactly is enough.',
  fields: (t) => ({
    tier: t.expose('tier', { type: PartnerTierEnum, description: 'The tier.' }),
    minRevenueCents: t.expose('minRevenueCents', { type: 'Cents', description: 'Approved partner revenue (not refunded) needed, in the program currency.' }),
    minConversionBasisPoints: t.exposeInt('minConversionBasisPoints', { description: 'Share of presented offers approved, in basis points (5000 = 50%).' }),
    minEducationBasisPoints: t.exposeInt('minEducationBasisPoints', { description: 'Share of approvals where the customer viewed the education, in basis points.' }),
    multiplierBasisPoints: t.exposeInt('multiplierBasisPoints', { description: 'Multiplier on commission, in basis points (11000 = ×1.1).' }),
  }),
});

export const CommissionBracketInput = builder.inputType('CommissionBracketInput', {
  description: 'One bracket of a tiered rule.',
  fields: (t) => ({
    upToCents: t.field({ type: 'Cents', description: 'Upper bound; omit for the last, open bracket.' }),
    basisPoints: t.int({ required: true, description: 'Rate in basis points (0–10000).' }),
  }),
});

export const CommissionRuleInput = builder.inputType('CommissionRuleInput', {
  description: 'A new version of a commission rule. Give exactly the field its kind uses.',
  fields: (t) => ({
    kind: t.field({ type: CommissionRuleKindEnum, required: true, description: 'How the commission is computed.' }),
    basisPoints: t.int({ description: 'PERCENTAGE only: basis points of the sale total (0–10000).' }),
    flatPerUnitCents: t.field({ type: 'Cents', description: 'FLAT_PER_UNIT only: cents per unit.' }),
    brackets: t.field({ type: [CommissionBracketInput], description: 'TIERED only: rising brackets ending with an open one.' }),
    orderCapCents: t.field({ type: 'Cents', description: 'Optional cap per inspection (order).' }),
    monthlyCapCents: t.field({ type: 'Cents', description: 'Optional cap per shop per calendar month (UTC).' }),
    effectiveFrom: t.field({ type: 'DateTime', required: true, description: 'When the version starts; must be after every sale the program already accrued.' }),
    effectiveUntil: t.field({ type: 'DateTime', description: 'Optional end; no commission is earned under the version from then.' }),
  }),
});

const PartnerProductInput = builder.inputType('PartnerProductInput', {
  description: 'A product of a program.',
  fields: (t) => ({
    sku: t.string({ required: true, description: "The partner's SKU; unique within the program." }),
    name: t.string({ required: true, description: 'Name shown to advisors and customers.' }),
    description: t.string({ description: 'What the product is.' }),
    unitPriceCents: t.field({ type: 'Cents', required: true, description: 'List price per unit in the program currency.' }),
    educationTopic: t.string({ description: 'The educational item shown to customers (e.g. "Why tire age matters"); approvals after viewing it earn the education incentive.' }),
  }),
});

builder.queryFields((t) => ({
  programs: t.field({
    type: [ProgramRef],
    description: "Programs the caller can see: the whole catalog for staff, only its own for a partner's key.",
    resolve: async (_root, _args, ctx) => {
      const programs = await ctx.repos.programs.list();
      return programs.filter((program) => canSeeProgram(ctx.principal, program));
    },
  }),
  program: t.field({
    type: ProgramRef,
    description: 'One program by id; one the caller cannot see answers NOT_FOUND.',
    args: { id: t.arg.id({ required: true, description: 'The program id.' }).validate(valid.id('Program')) },
    resolve: async (_root, { id }, ctx) => {
      const program = await loadVisibleProgram(ctx, id);
      if (!program) throw notFound('Program', id);
      return program;
    },
  }),
}));

builder.mutationFields((t) => ({
  addPartnerProduct: t.field({
    type: PartnerProductRef,
    description: 'Adds a product to one of the calling partner\'s programs.',
    args: {
      programId: t.arg.id({ required: true, description: 'The program.' }).validate(valid.id('Program')),
      input: t.arg({ type: PartnerProductInput, required: true, description: 'The product.' }),
    },
    resolve: async (_root, { programId, input }, ctx) => ctx.services.programs.addProduct(await loadOwnProgram(ctx, programId), input),
  }),
  changeCommissionRule: t.field({
    type: CommissionRuleRef,
    description:
      "Records the next version of a program's commission rule. Nothing is edited: sales keep the version in force when they were decided, and the new version must start after every sale already accrued.",
    args: {
      programId: t.arg.id({ required: true, description: 'The program.' }).validate(valid.id('Program')),
      input: t.arg({ type: CommissionRuleInput, required: true, description: 'The new version.' }),
    },
    resolve: async (_root, { programId, input }, ctx) => {
      const program = await loadOwnProgram(ctx, programId);
      const { flatPerUnitCents, ...rest } = input;
      return ctx.services.programs.changeRule(program, { ...rest, flatCents: flatPerUnitCents });
    },
  }),
}));
