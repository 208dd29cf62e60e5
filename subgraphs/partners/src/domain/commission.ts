import { roundHalfEven } from './money';

export const basisPointsPerUnit = 10_000n;

export type CommissionRuleKind = 'PERCENTAGE' | 'FLAT_PER_UNIT' | 'TIERED';

/** One band of a tiered rule: the part of the sale up to `upToCents` (null: no upper bound) earns `basisPoints`. */
export interface CommissionBracket {
  upToCents: number | null;
  basisPoints: number;
}

export interface RuleTerms {
  kind: CommissionRuleKind;
  basisPoints: number | null;
  flatCents: number | null;
  brackets: CommissionBracket[] | null;
  orderCapCents: number | null;
  monthlyCapCents: number | null;
}

export interface Sale {
  totalCents: number;
  quantity: number;
}

/** The commission before the tier multiplier, as an exact fraction of cents. */
export function baseCommission(rule: RuleTerms, sale: Sale): { numerator: bigint; denominator: bigint } {
  switch (rule.kind) {
    case 'PERCENTAGE':
      return { numerator: BigInt(sale.totalCents) * BigInt(rule.basisPoints ?? 0), denominator: basisPointsPerUnit };
    case 'FLAT_PER_UNIT':
      return { numerator: BigInt(rule.flatCents ?? 0) * BigInt(sale.quantity), denominator: 1n };
    case 'TIERED': {
      let numerator = 0n;
      let lower = 0n;
      const total = BigInt(sale.totalCents);
      for (const bracket of rule.brackets ?? []) {
        if (total <= lower) break;
        const upper = bracket.upToCents === null ? total : BigInt(bracket.upToCents);
        const portion = (total < upper ? total : upper) - lower;
        if (portion > 0n) numerator += portion * BigInt(bracket.basisPoints);
        lower = upper;
      }
      return { numerator, denominator: basisPointsPerUnit };
    }
  }
}

/**
 * The commission on one sale: the rule's base amount times the tier multiplier, rounded once, half to
 * even, then held under what is left of the order and monthly caps (never below zero).
 */
export function commissionFor(
  rule: RuleTerms,
  sale: Sale,
  multiplierBasisPoints: number,
  alreadyAccrued: { order: number; month: number },
): { cents: number; uncappedCents: number } {
  const base = baseCommission(rule, sale);
  const uncapped = roundHalfEven(base.numerator * BigInt(multiplierBasisPoints), base.denominator * basisPointsPerUnit);
  let cents = uncapped;
  if (rule.orderCapCents !== null) cents = min(cents, BigInt(rule.orderCapCents) - BigInt(alreadyAccrued.order));
  if (rule.monthlyCapCents !== null) cents = min(cents, BigInt(rule.monthlyCapCents) - BigInt(alreadyAccrued.month));
  if (cents < 0n) cents = 0n;
  return { cents: Number(cents), uncappedCents: Number(uncapped) };
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
