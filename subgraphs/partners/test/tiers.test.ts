import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nextTierGap, qualifies, tierFor, type TierLevel } from '../src/domain/tiers';
import { newShop, saleEvents, seedProgram, staffToken } from './seed';
import { partners, svc, usePartnersSubgraph } from './subgraph';

usePartnersSubgraph();

const levels: TierLevel[] = [
  { tier: 'BRONZE', minRevenueCents: 0, minConversionBasisPoints: 0, minEducationBasisPoints: 0, multiplierBasisPoints: 10_000 },
  { tier: 'SILVER', minRevenueCents: 100_000, minConversionBasisPoints: 5_000, minEducationBasisPoints: 0, multiplierBasisPoints: 11_000 },
  { tier: 'GOLD', minRevenueCents: 200_000, minConversionBasisPoints: 6_000, minEducationBasisPoints: 5_000, multiplierBasisPoints: 12_500 },
  { tier: 'PLATINUM', minRevenueCents: 500_000, minConversionBasisPoints: 7_500, minEducationBasisPoints: 7_500, multiplierBasisPoints: 15_000 },
];
const silver = levels[1];

describe('tier thresholds', () => {
  it('are inclusive and compared exactly, one unit either side of each boundary', () => {
    const at = { revenueCents: 100_000, presentedCount: 10_000, convertedCount: 5_000, approvedCount: 1, educatedCount: 0 };
    expect(qualifies(silver, at)).toBe(true);
    expect(qualifies(silver, { ...at, revenueCents: 99_999 })).toBe(false);
    expect(qualifies(silver, { ...at, convertedCount: 4_999 })).toBe(false);
    // 1 of 3 is 33.33…%: meets 3333 bp but not 3334 bp.
    const third = { revenueCents: 0, presentedCount: 3, convertedCount: 1, approvedCount: 0, educatedCount: 0 };
    expect(qualifies({ ...silver, minRevenueCents: 0, minConversionBasisPoints: 3_333 }, third)).toBe(true);
    expect(qualifies({ ...silver, minRevenueCents: 0, minConversionBasisPoints: 3_334 }, third)).toBe(false);
    const gold = { revenueCents: 200_000, presentedCount: 5, convertedCount: 3, approvedCount: 4, educatedCount: 2 };
    expect(tierFor(levels, gold).tier).toBe('GOLD');
    expect(tierFor(levels, { ...gold, educatedCount: 1 }).tier).toBe('SILVER');
  });

  it('says what the next tier takes', () => {
    const performance = { revenueCents: 100_000, presentedCount: 4, convertedCount: 2, approvedCount: 3, educatedCount: 0 };
    // GOLD: 100 000 more cents; (2 + n) / (4 + n) ≥ 60% → n = 1; n / (3 + n) ≥ 50% → n = 3.
    expect(nextTierGap(levels, 'SILVER', performance)).toEqual({
      tier: 'GOLD',
      multiplierBasisPoints: 12_500,
      revenueCentsNeeded: 100_000,
      conversionsNeeded: 1,
      educatedApprovalsNeeded: 3,
    });
    expect(nextTierGap(levels, 'PLATINUM', performance)).toBeNull();
  });
});

const recompute = `mutation($shopId: ID!, $programId: ID!) {
  recomputePartnerTier(shopId: $shopId, programId: $programId) {
    tier multiplierBasisPoints effectiveFrom
    performance { approvedRevenue { amountCents } presentedOffers convertedOffers conversionBasisPoints approvals educatedApprovals }
    nextTier { tier revenueNeeded { amountCents } conversionsNeeded educatedApprovalsNeeded }
  }
}`;

describe('a tier change', () => {
  it('takes effect from the next sale at the exact threshold, never for earlier sales', async () => {
    const { program, productId } = await seedProgram(svc, {
      name: 'Tiered',
      tierLevels: levels,
      rule: { kind: 'PERCENTAGE', basisPoints: 1000, effectiveFrom: new Date('2026-01-01T00:00:00Z') },
    });
    const shop = newShop();
    await svc.programs.enroll(program, shop, new Date('2026-01-01T00:00:00Z'));
    const owner = await staffToken(shop, 'MANAGER');
    const ev = saleEvents(shop);
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const offers = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await svc.ledger.handle(
      ev.sent({ sentAt: daysAgo(5), offers: offers.map((recommendationId) => ({ recommendationId, productId, totalCents: 30_000 })) }),
    );
    await svc.ledger.handle(ev.decided('approved', { recommendationId: offers[0], productId, totalCents: 60_000, decidedAt: daysAgo(4) }));
    await svc.ledger.handle(ev.decided('approved', { recommendationId: offers[1], productId, totalCents: 39_999, decidedAt: daysAgo(4) }));

    // One cent short of SILVER's revenue, with exactly SILVER's 50% conversion.
    const short = await partners.execute(recompute, { shopId: shop.shopId, programId: program.id }, { token: owner });
    expect(short.errors).toBeUndefined();
    expect(short.data!.recomputePartnerTier).toMatchObject({
      tier: 'BRONZE',
      effectiveFrom: null,
      performance: { approvedRevenue: { amountCents: 99_999 }, presentedOffers: 4, convertedOffers: 2, conversionBasisPoints: 5_000 },
      nextTier: { tier: 'SILVER', revenueNeeded: { amountCents: 1 }, conversionsNeeded: 0, educatedApprovalsNeeded: 0 },
    });

    // The missing cent: SILVER from the moment of the recompute.
    await svc.ledger.handle(ev.decided('approved', { recommendationId: randomUUID(), productId, totalCents: 1, decidedAt: daysAgo(3) }));
    const reached = await partners.execute(recompute, { shopId: shop.shopId, programId: program.id }, { token: owner });
    const status = reached.data!.recomputePartnerTier;
    expect(status).toMatchObject({
      tier: 'SILVER',
      multiplierBasisPoints: 11_000,
      nextTier: { tier: 'GOLD', revenueNeeded: { amountCents: 100_000 }, conversionsNeeded: 1, educatedApprovalsNeeded: 3 },
    });
    const effectiveFrom = new Date(status.effectiveFrom).getTime();

    // A sale decided 1 ms before the change (arriving after it) keeps BRONZE; one decided at the instant gets SILVER.
    const before = randomUUID();
    const at = randomUUID();
    await svc.ledger.handle(ev.decided('approved', { recommendationId: at, productId, totalCents: 10_000, decidedAt: new Date(effectiveFrom).toISOString() }));
    await svc.ledger.handle(ev.decided('approved', { recommendationId: before, productId, totalCents: 10_000, decidedAt: new Date(effectiveFrom - 1).toISOString() }));
    const rows: { recommendation_id: string; commission_cents: string; tier: string; multiplier_bp: number }[] = await partners.runtime.db.dataSource.query(
      `SELECT recommendation_id, commission_cents, tier, multiplier_bp FROM partners.ledger_entry WHERE shop_id = $1 AND recommendation_id = ANY($2)`,
      [shop.shopId, [before, at, offers[0]]],
    );
    const byRecommendation = Object.fromEntries(rows.map((r) => [r.recommendation_id, { cents: Number(r.commission_cents), tier: r.tier, multiplier: r.multiplier_bp }]));
    expect(byRecommendation[before]).toEqual({ cents: 1_000, tier: 'BRONZE', multiplier: 10_000 });
    expect(byRecommendation[at]).toEqual({ cents: 1_100, tier: 'SILVER', multiplier: 11_000 });
    expect(byRecommendation[offers[0]]).toEqual({ cents: 6_000, tier: 'BRONZE', multiplier: 10_000 });

    // Unchanged performance records nothing new; the tier history is append-only.
    await partners.execute(recompute, { shopId: shop.shopId, programId: program.id }, { token: owner });
    const [{ count }] = await partners.runtime.db.dataSource.query(`SELECT count(*)::int AS count FROM partners.tier_assignment WHERE shop_id = $1`, [shop.shopId]);
    expect(count).toBe(1);
  });

  it('is recomputed on schedule for every active enrollment, and drops when performance leaves the window', async () => {
    const { program, productId } = await seedProgram(svc, { name: 'Scheduled', tierLevels: levels, tierWindowDays: 30 });
    const shop = newShop();
    await svc.programs.enroll(program, shop, new Date('2026-01-01T00:00:00Z'));
    const ev = saleEvents(shop);
    const recommendationId = randomUUID();
    await svc.ledger.handle(ev.sent({ sentAt: '2026-02-01T00:00:00Z', offers: [{ recommendationId, productId, totalCents: 100_000 }] }));
    await svc.ledger.handle(ev.decided('approved', { recommendationId, productId, totalCents: 100_000, decidedAt: '2026-02-02T00:00:00Z' }));

    await svc.tiers.recomputeAll(new Date('2026-02-10T00:00:00Z'));
    const [assignment] = await svc.repos.tiers.history(program.id, shop.shopId);
    expect(assignment).toMatchObject({ tier: 'SILVER', effectiveFrom: new Date('2026-02-10T00:00:00Z') });

    // 30 days after the sale it is out of the window: back to BRONZE from then on, SILVER kept for the time between.
    await svc.tiers.recomputeAll(new Date('2026-03-05T00:00:00Z'));
    const history = await svc.repos.tiers.history(program.id, shop.shopId);
    expect(history.map((h) => [h.tier, h.effectiveFrom.toISOString()])).toEqual([
      ['BRONZE', '2026-03-05T00:00:00.000Z'],
      ['SILVER', '2026-02-10T00:00:00.000Z'],
    ]);
  });
});
