import { badInput, money, notFound, requirePrincipal, requireShopRole, valid } from '@cip/platform';
import { builder, Money } from '../builder';
import type { PartnersContext } from '../context';
import type { Enrollment, Program } from '../data/program';
import { canSeeEarnings, canSeeShopField } from '../domain/access';
import { parsePeriod } from '../domain/money';
import type { StatementView } from '../domain/statements';
import { rateBasisPoints } from '../domain/tiers';
import { EnrollmentRef, NextTierRef, PartnerTierEnum, PerformanceRef, PeriodArg, ProgramRef, ShopRef, StatementRef, TierStatusRef } from './refs';

export function periodOrThrow(value: string): Date {
  const period = parsePeriod(value);
  if (!period) throw badInput('period must be a month as "YYYY-MM".', { fields: [{ path: 'period', message: 'must be "YYYY-MM"' }] });
  return period;
}

async function programOf(ctx: PartnersContext, enrollment: Enrollment): Promise<Program> {
  const program = await ctx.loaders.program.load(enrollment.programId);
  if (!program) throw new Error(`enrollment ${enrollment.id} has no program`);
  return program;
}

/** The statement of a shop with a partner for a month: stored once closed, live while open. */
export async function statementFor(ctx: PartnersContext, shopId: string, partnerId: string, period: Date, currency: string): Promise<StatementView> {
  const stored = (await ctx.repos.ledger.statementsByShopIds([shopId], period)).find((s) => s.partnerId === partnerId && s.currency === currency);
  return ctx.services.statements.view({ shopId, partnerId, period, currency }, stored ?? null);
}

EnrollmentRef.implement({
  description:
    "A shop's enrollment in a program. Shop staff see every field; the program's partner sees the tier, performance and earnings only when the program shares them (otherwise null).",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the enrollment.' }),
    shop: t.field({ type: ShopRef, description: 'The enrolled shop.', resolve: (enrollment) => ({ id: enrollment.shopId }) }),
    program: t.field({ type: ProgramRef, description: 'The program.', resolve: (enrollment, _args, ctx) => programOf(ctx, enrollment) }),
    enrolledAt: t.expose('enrolledAt', { type: 'DateTime', description: 'When the shop joined; sales decided before it earn nothing.' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true, description: 'When the shop left; null while enrolled.' }),
    tier: t.field({
      type: TierStatusRef,
      nullable: true,
      description: "The shop's tier in the program and what it needs for the next one.",
      resolve: async (enrollment, _args, ctx) => {
        const program = await programOf(ctx, enrollment);
        if (!canSeeShopField(ctx.principal, enrollment.shopId, program, 'TIER')) return null;
        const assignment = await ctx.loaders.latestTier.load(`${program.id}:${enrollment.shopId}`);
        const status = await ctx.services.tiers.status(program, enrollment.shopId, assignment);
        return { ...status, hidePerformance: !canSeeShopField(ctx.principal, enrollment.shopId, program, 'PERFORMANCE') };
      },
    }),
    earnings: t.field({
      type: StatementRef,
      nullable: true,
      description: "The shop's statement with the program's partner for a month.",
      args: { period: t.arg.string({ required: true, description: PeriodArg }) },
      resolve: async (enrollment, { period }, ctx) => {
        const program = await programOf(ctx, enrollment);
        if (!canSeeShopField(ctx.principal, enrollment.shopId, program, 'EARNINGS')) return null;
        return statementFor(ctx, enrollment.shopId, program.partnerId, periodOrThrow(period), program.currency);
      },
    }),
  }),
});

TierStatusRef.implement({
  description: "A shop's tier in a program. A new tier applies to sales decided from `effectiveFrom` on, never to earlier ones.",
  fields: (t) => ({
    tier: t.expose('tier', { type: PartnerTierEnum, description: 'The tier held now.' }),
    multiplierBasisPoints: t.exposeInt('multiplierBasisPoints', { description: 'Multiplier the tier puts on commission, in basis points (10000 = ×1).' }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'DateTime', nullable: true, description: 'When the tier took effect; null for the starting BRONZE.' }),
    windowStart: t.expose('windowStart', { type: 'DateTime', description: 'Start of the trailing window the figures below cover.' }),
    windowEnd: t.expose('windowEnd', { type: 'DateTime', description: 'End of the window (now).' }),
    performance: t.field({
      type: PerformanceRef,
      nullable: true,
      description: 'Live performance over the window; null for a partner when the program does not share it.',
      resolve: async (status, _args, ctx) => {
        if (status.hidePerformance) return null;
        const program = await ctx.loaders.program.load(status.programId);
        return { ...status.performance, currency: program!.currency };
      },
    }),
    nextTier: t.field({
      type: NextTierRef,
      nullable: true,
      description: 'What it takes to reach the next tier from the current figures; null at the top tier.',
      resolve: async (status, _args, ctx) => {
        if (!status.next) return null;
        const program = await ctx.loaders.program.load(status.programId);
        return { ...status.next, currency: program!.currency };
      },
    }),
  }),
});

PerformanceRef.implement({
  description: "A shop's trailing performance in a program: the inputs of its tier.",
  fields: (t) => ({
    approvedRevenue: t.field({
      type: Money,
      description: 'Total of approved, not refunded, sales of the program\'s products decided in the window.',
      resolve: (p) => money(p.revenueCents, p.currency),
    }),
    presentedOffers: t.exposeInt('presentedCount', { description: 'Recommendations with the program\'s products sent to customers in the window.' }),
    convertedOffers: t.exposeInt('convertedCount', { description: 'Of those, how many were approved (and not refunded).' }),
    conversionBasisPoints: t.int({
      description: 'Converted / presented, in basis points, rounded down.',
      resolve: (p) => rateBasisPoints(p.convertedCount, p.presentedCount),
    }),
    approvals: t.exposeInt('approvedCount', { description: 'Approved, not refunded, sales decided in the window.' }),
    educatedApprovals: t.exposeInt('educatedCount', { description: 'Of those, how many followed the customer viewing the education.' }),
    educationBasisPoints: t.int({
      description: 'Educated approvals / approvals, in basis points, rounded down.',
      resolve: (p) => rateBasisPoints(p.educatedCount, p.approvedCount),
    }),
  }),
});

NextTierRef.implement({
  description: 'The gap to the next tier. Each figure assumes the others stay as they are.',
  fields: (t) => ({
    tier: t.expose('tier', { type: PartnerTierEnum, description: 'The next tier.' }),
    multiplierBasisPoints: t.exposeInt('multiplierBasisPoints', { description: 'The multiplier it would earn.' }),
    revenueNeeded: t.field({
      type: Money,
      description: 'More approved revenue needed in the window (zero when already met).',
      resolve: (gap) => money(gap.revenueCentsNeeded, gap.currency),
    }),
    conversionsNeeded: t.exposeInt('conversionsNeeded', { description: 'More presented offers that must be approved, if every further one is.' }),
    educatedApprovalsNeeded: t.exposeInt('educatedApprovalsNeeded', { description: 'More approvals after the customer viewed the education, if every further one is.' }),
  }),
});

ShopRef.implement({
  description: 'A repair shop: where inspections happen. Owned by an organization.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the shop.' }),
    programs: t.field({
      type: [EnrollmentRef],
      description: "The shop's active partner program enrollments. A partner's key sees only enrollments in its own programs.",
      resolve: async (shop, _args, ctx) => {
        const enrollments = await ctx.loaders.enrollmentsByShop.load(shop.id);
        const principal = requirePrincipal(ctx.principal);
        if (principal.kind === 'partner') return enrollments.filter((e) => e.partnerId === principal.partnerId);
        if (principal.kind !== 'staff') return [];
        return enrollments;
      },
    }),
    partnerEarnings: t.field({
      type: [StatementRef],
      description:
        "The shop's statements with partners for a month, one per partner (and currency): accrued, reversed, incentives, adjustments, payable. Staff of the shop see all of them; a partner's key only its own.",
      args: { period: t.arg.string({ required: true, description: PeriodArg }) },
      resolve: async (shop, { period }, ctx) => {
        const month = periodOrThrow(period);
        const [stored, enrollments] = await Promise.all([
          ctx.repos.ledger.statementsByShopIds([shop.id], month),
          ctx.loaders.enrollmentsByShop.load(shop.id),
        ]);
        const keys = new Map<string, { partnerId: string; currency: string }>();
        for (const s of stored) keys.set(`${s.partnerId}:${s.currency}`, s);
        for (const e of enrollments) {
          const program = await programOf(ctx, e);
          keys.set(`${program.partnerId}:${program.currency}`, { partnerId: program.partnerId, currency: program.currency });
        }
        const visible = [...keys.values()].filter((key) => canSeeEarnings(ctx.principal, shop.id, key.partnerId));
        return Promise.all(
          visible.map((key) =>
            ctx.services.statements.view(
              { shopId: shop.id, partnerId: key.partnerId, period: month, currency: key.currency },
              stored.find((s) => s.partnerId === key.partnerId && s.currency === key.currency) ?? null,
            ),
          ),
        );
      },
    }),
  }),
});

async function loadProgramForShop(ctx: PartnersContext, programId: string): Promise<Program> {
  const program = await ctx.loaders.program.load(programId);
  if (!program) throw notFound('Program', programId);
  return program;
}

builder.mutationFields((t) => ({
  enrollInPartnerProgram: t.field({
    type: EnrollmentRef,
    authScopes: { stepUp: true },
    description:
      'Enrolls a shop in a partner program from now on. Owners and managers of the shop only; the partner\'s keys then reach the shop. A caller with a second factor needs one verified in the last 10 minutes (`MFA_REQUIRED`, then `verifyMfa`).',
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop.' }).validate(valid.id('Shop')),
      programId: t.arg.id({ required: true, description: 'The program to join.' }).validate(valid.id('Program')),
    },
    resolve: async (_root, { shopId, programId }, ctx) => {
      const staff = requireShopRole(ctx.principal, shopId, ['OWNER', 'MANAGER']);
      const program = await loadProgramForShop(ctx, programId);
      return ctx.services.programs.enroll(program, { shopId, orgId: staff.orgId });
    },
  }),
  leavePartnerProgram: t.field({
    type: EnrollmentRef,
    authScopes: { stepUp: true },
    description:
      'Ends a shop\'s enrollment from now on; sales decided later earn nothing. Owners and managers of the shop only; a caller with a second factor needs one verified in the last 10 minutes (`MFA_REQUIRED`).',
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop.' }).validate(valid.id('Shop')),
      programId: t.arg.id({ required: true, description: 'The program to leave.' }).validate(valid.id('Program')),
    },
    resolve: async (_root, { shopId, programId }, ctx) => {
      requireShopRole(ctx.principal, shopId, ['OWNER', 'MANAGER']);
      return ctx.services.programs.leave(await loadProgramForShop(ctx, programId), shopId);
    },
  }),
  recomputePartnerTier: t.field({
    type: TierStatusRef,
    description:
      "Recomputes a shop's tier in a program now (it is also recomputed hourly). A change applies to sales decided from now on, never to earlier ones. Owners and managers of the shop, or the program's partner for a shop its key reaches.",
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop.' }).validate(valid.id('Shop')),
      programId: t.arg.id({ required: true, description: 'The program.' }).validate(valid.id('Program')),
    },
    resolve: (_root, { shopId, programId }, ctx) => ctx.services.tiers.recomputeAs(ctx.principal, shopId, programId),
  }),
}));
