import { forbidden, money, notFound, requirePrincipal, valid } from '@cip/platform';
import { builder, Money } from '../builder';
import type { StatementView } from '../domain/statements';
import { canSeeEarnings, partnerCaller } from '../domain/access';
import { periodKey } from '../domain/money';
import { LedgerEntryRef, LedgerKindEnum, PartnerRef, PartnerTierEnum, PeriodArg, ProgramRef, ShopRef, StatementLineRef, StatementRef, StatementStatusEnum } from './refs';
import { periodOrThrow, statementFor } from './shop';


StatementRef.implement({
  description:
    "A shop's monthly statement with one partner (UTC calendar month). Totals are sums of ledger entries: live while OPEN, frozen once CLOSED. payable = accrued + incentives − reversed.",
  fields: (t) => ({
    shop: t.field({ type: ShopRef, description: 'The shop paid.', resolve: (s) => ({ id: s.shopId }) }),
    partner: t.field({
      type: PartnerRef,
      description: 'The partner paying.',
      resolve: async (s, _args, ctx) => {
        const partner = await ctx.loaders.partner.load(s.partnerId);
        if (!partner) throw new Error(`statement of unknown partner ${s.partnerId}`);
        return partner;
      },
    }),
    period: t.string({ description: 'The month, "YYYY-MM".', resolve: (s) => periodKey(s.period) }),
    status: t.expose('status', { type: StatementStatusEnum, description: 'OPEN while entries may still land in the month; CLOSED once frozen.' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When the statement was closed.' }),
    accrued: t.field({ type: Money, description: 'Commission accrued in the month.', resolve: (s) => money(s.accruedCents, s.currency) }),
    incentives: t.field({ type: Money, description: 'Education incentives accrued in the month.', resolve: (s) => money(s.incentiveCents, s.currency) }),
    reversed: t.field({ type: Money, description: 'Commission and incentives taken back in the month (declines after approval, refunds).', resolve: (s) => money(s.reversedCents, s.currency) }),
    adjustments: t.field({
      type: Money,
      description: 'Part of the month\'s net that belongs to earlier, already closed months (late events), already included in the totals above.',
      resolve: (s) => money(s.adjustmentCents, s.currency),
    }),
    payable: t.field({ type: Money, description: 'What the partner owes the shop for the month.', resolve: (s) => money(s.payableCents, s.currency) }),
    lines: t.field({
      type: [StatementLineRef],
      description: 'The same totals per program, with the tier in force at the end of the month.',
      resolve: (s) => s.lines.map((line) => ({ ...line, currency: s.currency })),
    }),
    entries: t.field({
      type: [LedgerEntryRef],
      description: 'The ledger entries of the month, in the order they were recorded: the audit trail behind the totals.',
      resolve: (s, _args, ctx) => ctx.repos.ledger.entriesOf({ shopId: s.shopId, partnerId: s.partnerId, period: s.period, currency: s.currency }),
    }),
  }),
});

StatementLineRef.implement({
  description: "One program's part of a statement.",
  fields: (t) => ({
    program: t.field({
      type: ProgramRef,
      description: 'The program.',
      resolve: async (line, _args, ctx) => {
        const program = await ctx.loaders.program.load(line.programId);
        if (!program) throw new Error(`statement line of unknown program ${line.programId}`);
        return program;
      },
    }),
    accrued: t.field({ type: Money, description: 'Commission accrued.', resolve: (l) => money(l.accruedCents, l.currency) }),
    incentives: t.field({ type: Money, description: 'Education incentives accrued.', resolve: (l) => money(l.incentiveCents, l.currency) }),
    reversed: t.field({ type: Money, description: 'Amounts taken back.', resolve: (l) => money(l.reversedCents, l.currency) }),
    adjustments: t.field({ type: Money, description: 'Net of late entries for closed months.', resolve: (l) => money(l.adjustmentCents, l.currency) }),
    payable: t.field({ type: Money, description: 'Net owed for the program.', resolve: (l) => money(l.payableCents, l.currency) }),
    tier: t.expose('tier', { type: PartnerTierEnum, description: "The shop's tier at the end of the month." }),
    multiplierBasisPoints: t.exposeInt('multiplierBasisPoints', { description: 'That tier\'s multiplier in basis points.' }),
  }),
});

LedgerEntryRef.implement({
  description: 'One append-only ledger entry. Each inspections event produces at most one entry; entries are never edited or deleted.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the entry (also in commission.accrued / commission.reversed events).' }),
    kind: t.expose('kind', { type: LedgerKindEnum, description: 'Accrual or reversal.' }),
    commission: t.field({ type: Money, description: 'Commission part (negative for a reversal).', resolve: (e) => money(e.commissionCents, e.currency) }),
    incentive: t.field({ type: Money, description: 'Education incentive part (negative for a reversal).', resolve: (e) => money(e.incentiveCents, e.currency) }),
    amount: t.field({ type: Money, description: 'commission + incentive.', resolve: (e) => money(e.amountCents, e.currency) }),
    recommendationId: t.exposeID('recommendationId', { description: 'The recommendation sold (or reversed).' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When the sale was decided, or when it was declined or refunded.' }),
    adjustment: t.exposeBoolean('adjustment', { description: 'True when the entry belongs to an earlier month that was already closed.' }),
    ruleVersion: t.int({
      nullable: true,
      description: 'The commission rule version used; null when no rule was in force.',
      resolve: async (e, _args, ctx) => {
        if (!e.ruleId) return null;
        const versions = await ctx.loaders.rulesByProgram.load(e.programId);
        return versions.find((rule) => rule.id === e.ruleId)?.version ?? null;
      },
    }),
    tier: t.expose('tier', { type: PartnerTierEnum, nullable: true, description: 'The tier in force at the sale.' }),
    multiplierBasisPoints: t.exposeInt('multiplierBasisPoints', { nullable: true, description: 'Its multiplier in basis points.' }),
    sourceEventId: t.exposeID('sourceEventId', { description: 'The inspections event that produced the entry.' }),
  }),
});

builder.queryFields((t) => ({
  partnerStatement: t.field({
    type: StatementRef,
    description: "A shop's statement with a partner for a month, for the shop's staff or that partner's key. Others get NOT_FOUND.",
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop.' }).validate(valid.id('Shop')),
      partnerId: t.arg.id({ required: true, description: 'The partner.' }).validate(valid.id('Partner')),
      period: t.arg.string({ required: true, description: PeriodArg }),
    },
    resolve: async (_root, { shopId, partnerId, period }, ctx) => {
      requirePrincipal(ctx.principal);
      const month = periodOrThrow(period);
      const partner = await ctx.loaders.partner.load(partnerId);
      if (!partner || !canSeeEarnings(ctx.principal, shopId, partnerId)) throw notFound('PartnerStatement');
      const currency = await statementCurrency(ctx, partnerId);
      return statementFor(ctx, shopId, partnerId, month, currency);
    },
  }),
}));

async function statementCurrency(ctx: Parameters<typeof statementFor>[0], partnerId: string): Promise<string> {
  const programs = await ctx.loaders.programsByPartner.load(partnerId);
  return programs[0]?.currency ?? 'USD';
}

builder.mutationFields((t) => ({
  closePartnerStatement: t.field({
    type: StatementRef,
    description:
      "Closes the calling partner's statement with a shop for a month that has ended. A closed statement never changes: later events for the month land in the next open month as adjustments, and closing it again answers PERIOD_CLOSED.",
    args: {
      shopId: t.arg.id({ required: true, description: 'The shop.' }).validate(valid.id('Shop')),
      period: t.arg.string({ required: true, description: PeriodArg }),
    },
    resolve: async (_root, { shopId, period }, ctx): Promise<StatementView> => {
      const caller = partnerCaller(requirePrincipal(ctx.principal));
      if (!caller) throw forbidden('Only the partner, with its API key, closes its statements.');
      const month = periodOrThrow(period);
      if (!caller.shopIds.includes(shopId)) throw notFound('Shop', shopId);
      const enrollments = (await ctx.loaders.enrollmentsByShop.load(shopId)).filter((e) => e.partnerId === caller.partnerId);
      const stored = (await ctx.repos.ledger.statementsOf({ shopId, partnerId: caller.partnerId }))[0];
      const orgId = enrollments[0]?.orgId ?? stored?.orgId;
      if (!orgId) throw notFound('PartnerStatement');
      const currency = await statementCurrency(ctx, caller.partnerId);
      return ctx.services.statements.close({ shopId, orgId, partnerId: caller.partnerId, period: month, currency });
    },
  }),
}));
