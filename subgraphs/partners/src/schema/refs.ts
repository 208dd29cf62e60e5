import { canReadShop, describedEnum } from '@cip/platform';
import { builder } from '../builder';
import type { StatementLine } from '../data/ledger';
import type { LedgerEntry } from '../data/ledger';
import type { Partner, PartnerApiKey } from '../data/partner';
import type { PartnerProduct } from '../data/product';
import type { Enrollment, Program, ProgramTierLevel } from '../data/program';
import type { CommissionRule } from '../data/rule';
import type { StatementView } from '../domain/statements';
import type { TierStatus } from '../domain/tier-service';
import type { Performance, TierGap } from '../domain/tiers';
import type { PartnerTier } from '../domain/tiers';
import { partnerKinds, apiKeyPlans } from '../data/partner';
import { sharedFieldNames } from '../data/program';

export const PartnerRef = builder.objectRef<Partner>('Partner');
export const ProgramRef = builder.objectRef<Program>('Program');
export const PartnerProductRef = builder.objectRef<PartnerProduct>('PartnerProduct');
export const CommissionRuleRef = builder.objectRef<CommissionRule>('CommissionRule');
export const TierLevelRef = builder.objectRef<ProgramTierLevel>('PartnerTierLevel');
export const EnrollmentRef = builder.objectRef<Enrollment>('ProgramEnrollment');
export const TierStatusRef = builder.objectRef<TierStatus & { hidePerformance: boolean }>('PartnerTierStatus');
export const PerformanceRef = builder.objectRef<Performance & { currency: string }>('PartnerPerformance');
export const NextTierRef = builder.objectRef<TierGap & { currency: string }>('PartnerNextTier');
export const StatementRef = builder.objectRef<StatementView>('PartnerStatement');
export const StatementLineRef = builder.objectRef<StatementLine & { currency: string }>('PartnerStatementLine');
export const LedgerEntryRef = builder.objectRef<LedgerEntry>('PartnerLedgerEntry');
export const ApiKeyRef = builder.objectRef<PartnerApiKey>('PartnerApiKey');

/** The shops subgraph's shop, known here by id; a shop the caller may not read resolves to null. */
export const ShopRef = builder.externalRef('Shop', builder.selection<{ id: string }>('id'), (shop, ctx) =>
  canReadShop(ctx.principal, shop.id) ? shop : null,
);

export const PartnerTierEnum = describedEnum(
  builder,
  'PartnerTier',
  "A shop's performance tier in a partner program; each tier sets a multiplier on the shop's commission.",
  {
    BRONZE: 'Where every enrolled shop starts; no thresholds.',
    SILVER: 'The first tier earned by performance.',
    GOLD: 'The second tier earned by performance.',
    PLATINUM: 'The highest tier.',
  } satisfies Record<PartnerTier, string>,
);

export const PartnerKindEnum = describedEnum(
  builder,
  'PartnerKind',
  'What a partner sells through shops.',
  Object.fromEntries(partnerKinds.map((kind) => [kind, `A ${kind.toLowerCase().replace(/_/g, ' ')}.`])) as Record<(typeof partnerKinds)[number], string>,
);

export const SharedFieldEnum = describedEnum(builder, 'ProgramSharedField', "Which of an enrolled shop's data a program shares with its partner (shop staff always see all of it).", {
  TIER: "The shop's tier in the program and what it needs for the next one.",
  PERFORMANCE: "The shop's trailing revenue, conversion and education figures.",
  EARNINGS: "The shop's monthly statements with the partner.",
} satisfies Record<(typeof sharedFieldNames)[number], string>);

export const CommissionRuleKindEnum = describedEnum(builder, 'CommissionRuleKind', 'How a commission rule computes the commission on one sale.', {
  PERCENTAGE: 'A share of the sale total, in basis points (100 = 1%).',
  FLAT_PER_UNIT: 'A fixed amount per unit sold.',
  TIERED: 'Marginal brackets on the sale total, each with its own basis points.',
});

export const ApiKeyPlanEnum = builder.enumType('PartnerApiKeyPlan', {
  description: 'The quota plan the gateway applies to calls made with a key.',
  values: {
    STANDARD: { value: 'standard' as const, description: 'The default quotas.' },
    PREMIUM: { value: 'premium' as const, description: 'Higher quotas.' },
  } satisfies Record<string, { value: (typeof apiKeyPlans)[number]; description: string }>,
});

export const StatementStatusEnum = describedEnum(builder, 'PartnerStatementStatus', 'Whether a monthly statement can still change.', {
  OPEN: 'Totals are live sums of the ledger; new entries may still land in the month.',
  CLOSED: 'Frozen: totals never change; late entries land in the next open month as adjustments.',
});

export const LedgerKindEnum = describedEnum(builder, 'PartnerLedgerEntryKind', 'What a ledger entry records.', {
  ACCRUAL: 'Commission (and any education incentive) earned on an approved sale.',
  REVERSAL: 'Takes back an accrual after the customer declined the sale or it was refunded.',
});

export const PeriodArg = 'A statement month as "YYYY-MM", in UTC (e.g. "2026-03").';
