export const partnerTiers = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'] as const;
export type PartnerTier = (typeof partnerTiers)[number];

/** What a shop must reach in a program's window to hold a tier, and the multiplier the tier earns. */
export interface TierLevel {
  tier: PartnerTier;
  minRevenueCents: number;
  minConversionBasisPoints: number;
  minEducationBasisPoints: number;
  multiplierBasisPoints: number;
}

/** A shop's trailing performance in one program: counts, so rates compare exactly. */
export interface Performance {
  revenueCents: number;
  presentedCount: number;
  convertedCount: number;
  approvedCount: number;
  educatedCount: number;
}

/** A rate in basis points, rounded down (shown to people; thresholds are compared exactly). */
export function rateBasisPoints(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 10_000) / whole);
}

/** Exact: part / whole ≥ basisPoints / 10 000, in integers. A zero threshold is always met. */
function meetsRate(part: number, whole: number, basisPoints: number): boolean {
  if (basisPoints <= 0) return true;
  return BigInt(part) * 10_000n >= BigInt(basisPoints) * BigInt(whole) && whole > 0;
}

export function qualifies(level: TierLevel, performance: Performance): boolean {
  return (
    performance.revenueCents >= level.minRevenueCents &&
    meetsRate(performance.convertedCount, performance.presentedCount, level.minConversionBasisPoints) &&
    meetsRate(performance.educatedCount, performance.approvedCount, level.minEducationBasisPoints)
  );
}

const rank = (tier: PartnerTier) => partnerTiers.indexOf(tier);

/** Levels in tier order; BRONZE is the floor every enrolled shop holds. */
export function sortLevels(levels: TierLevel[]): TierLevel[] {
  return [...levels].sort((a, b) => rank(a.tier) - rank(b.tier));
}

/** The highest tier whose every threshold the performance meets (tiers are cumulative: a gap stops the climb). */
export function tierFor(levels: TierLevel[], performance: Performance): TierLevel {
  const sorted = sortLevels(levels);
  let held = sorted[0];
  for (const level of sorted.slice(1)) {
    if (!qualifies(level, performance)) break;
    held = level;
  }
  return held;
}

export interface TierGap {
  tier: PartnerTier;
  multiplierBasisPoints: number;
  revenueCentsNeeded: number;
  /** More presented offers that must convert, if no more are presented without converting. */
  conversionsNeeded: number;
  /** More approvals with the education viewed, if every further approval had it viewed. */
  educatedApprovalsNeeded: number;
}

/** The smallest n ≥ 0 with (part + n) / (whole + n) ≥ bp / 10 000; adding n successes to both sides. */
function successesNeeded(part: number, whole: number, basisPoints: number): number {
  if (basisPoints <= 0) return 0;
  if (basisPoints >= 10_000) return part === whole && whole > 0 ? 0 : Number.MAX_SAFE_INTEGER;
  // (part + n) * 10000 >= bp * (whole + n)  ⇔  n * (10000 - bp) >= bp * whole - part * 10000
  const deficit = BigInt(basisPoints) * BigInt(whole) - BigInt(part) * 10_000n;
  const perSuccess = BigInt(10_000 - basisPoints);
  let needed = deficit <= 0n ? 0n : (deficit + perSuccess - 1n) / perSuccess;
  if (whole + Number(needed) === 0) needed = 1n;
  return Number(needed);
}

/** What the shop still needs for the tier above the one it holds, or null at the top. */
export function nextTierGap(levels: TierLevel[], current: PartnerTier, performance: Performance): TierGap | null {
  const next = sortLevels(levels).find((level) => rank(level.tier) > rank(current));
  if (!next) return null;
  return {
    tier: next.tier,
    multiplierBasisPoints: next.multiplierBasisPoints,
    revenueCentsNeeded: Math.max(0, next.minRevenueCents - performance.revenueCents),
    conversionsNeeded: successesNeeded(performance.convertedCount, performance.presentedCount, next.minConversionBasisPoints),
    educatedApprovalsNeeded: successesNeeded(performance.educatedCount, performance.approvedCount, next.minEducationBasisPoints),
  };
}
