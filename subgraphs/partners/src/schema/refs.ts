import { canReadShop } from '@cip/platform';
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
import { partnerTiers, type PartnerTier } from '../domain/tiers';
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

const tierDescriptions: Record<PartnerTier, string> = {
  BRONZE: 'Where every enrolled shop starts; no thresholds.',
  SILVER: 'The first tier earned by performance.',
  GOLD: 'The second tier earned by performance.',
  PLATINUM: 'The highest tier.',
};

export const PartnerTierEnum = builder.enumType('PartnerTier', {
  description: "A shop's performance tier in a partner program; each tier sets a multiplier on the shop's commission.",
  values: Object.fromEntries(partnerTiers.map((tier) => [tier, { value: tier, description: tierDescriptions[tier] }])) as Record<
    PartnerTier,
    { value: PartnerTier; description: string }
  >,
});

export const PartnerKindEnum = builder.enumType('PartnerKind', {
  description: 'What a partner sells through shops.',
  values: Object.fromEntries(partnerKinds.map((kind) => [kind, { value: kind, description: `A ${kind.toLowerCase().replace(/_/g, ' ')}.` }])) as Record<
    (typeof partnerKinds)[number],
    { value: (typeof partnerKinds)[number]; description: string }
  >,
});

export const SharedFieldEnum = builder.enumType('ProgramSharedField', {
  description: "Which of an enrolled shop's data a program shares with its partner (shop staff always see all of it).",
  values: {
    TIER: { value: 'TIER' as const, description: "The shop's tier in the program and what it needs for the next one." },
    PERFORMANCE: { value: 'PERFORMANCE' as const, description: "The shop's trailing revenue, conversion and education figures." },
    EARNINGS: { value: 'EARNINGS' as const, description: "The shop's monthly statements with the partner." },
  } satisfies Record<(typeof sharedFieldNames)[number], unknown>,
});

export const CommissionRuleKindEnum = builder.enumType('CommissionRuleKind', {
  description: 'How a commission rule computes the commission on one sale.',
  values: {
    PERCENTAGE: { value: 'PERCENTAGE' as const, description: 'A share of the sale total, in basis points (100 = 1%).' },
    FLAT_PER_UNIT: { value: 'FLAT_PER_UNIT' as const, description: 'A fixed amount per unit sold.' },
    TIERED: { value: 'TIERED' as const, description: 'Marginal brackets on the sale total, each with its own basis points.' },
  },
});

export const ApiKeyPlanEnum = builder.enumType('PartnerApiKeyPlan', {
  description: 'The quota plan the gateway applies to calls made with a key.',
  values: {
    STANDARD: { value: 'standard' as const, description: 'The default quotas.' },
    PREMIUM: { value: 'premium' as const, description: 'Higher quotas.' },
  } satisfies Record<string, { value: (typeof apiKeyPlans)[number]; description: string }>,
});

export const StatementStatusEnum = builder.enumType('PartnerStatementStatus', {
  description: 'Whether a monthly statement can still change.',
  values: {
    OPEN: { value: 'OPEN' as const, description: 'Totals are live sums of the ledger; new entries may still land in the month.' },
    CLOSED: { value: 'CLOSED' as const, description: 'Frozen: totals never change; late entries land in the next open month as adjustments.' },
  },
});

export const LedgerKindEnum = builder.enumType('PartnerLedgerEntryKind', {
  description: 'What a ledger entry records.',
  values: {
    ACCRUAL: { value: 'ACCRUAL' as const, description: 'Commission (and any education incentive) earned on an approved sale.' },
    REVERSAL: { value: 'REVERSAL' as const, description: 'Takes back an accrual after the customer declined the sale or it was refunded.' },
  },
});

export const PeriodArg = 'A statement month as "YYYY-MM", in UTC (e.g. "2026-03").';
