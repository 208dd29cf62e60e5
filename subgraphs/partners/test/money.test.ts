import { describe, expect, it } from 'vitest';
import { commissionFor, type RuleTerms } from '../src/domain/commission';
import { roundHalfEven } from '../src/domain/money';

const percentage = (basisPoints: number, caps: Partial<RuleTerms> = {}): RuleTerms => ({
  kind: 'PERCENTAGE',
  basisPoints,
  flatCents: null,
  brackets: null,
  orderCapCents: null,
  monthlyCapCents: null,
  ...caps,
});
const nothingAccrued = { order: 0, month: 0 };

describe('half-even rounding on cents', () => {
  it('rounds exact halves to the even neighbour and everything else to the nearest cent', () => {
    expect(roundHalfEven(25n, 10n)).toBe(2n);
    expect(roundHalfEven(35n, 10n)).toBe(4n);
    expect(roundHalfEven(-25n, 10n)).toBe(-2n);
    expect(roundHalfEven(-35n, 10n)).toBe(-4n);
    expect(roundHalfEven(26n, 10n)).toBe(3n);
    expect(roundHalfEven(24n, 10n)).toBe(2n);
    expect(roundHalfEven(2_500_000_001n, 1_000_000_000n)).toBe(3n);
  });

  it('gets exact halves right where binary floats land just below them (oracle: exact hand calculation)', () => {
    // 3000 × 7.25% is exactly 217.5 cents → 218 (even); in binary floats it is 217.49999999999997.
    expect(commissionFor(percentage(725), { totalCents: 3000, quantity: 1 }, 10_000, nothingAccrued).cents).toBe(218);
    // 6200 × 7.25% = 449.5 → 450 (even); floats say 449.49999999999994.
    expect(commissionFor(percentage(725), { totalCents: 6200, quantity: 1 }, 10_000, nothingAccrued).cents).toBe(450);
    // 5800 × 7.25% = 420.5 → 420 (even).
    expect(commissionFor(percentage(725), { totalCents: 5800, quantity: 1 }, 10_000, nothingAccrued).cents).toBe(420);
    // 4525 × 10% = 452.5 → 452; 3335 × 10% = 333.5 → 334.
    expect(commissionFor(percentage(1000), { totalCents: 4525, quantity: 1 }, 10_000, nothingAccrued).cents).toBe(452);
    expect(commissionFor(percentage(1000), { totalCents: 3335, quantity: 1 }, 10_000, nothingAccrued).cents).toBe(334);
  });

  it('rounds once, after the tier multiplier, not once per step', () => {
    // 2010 × 7.5% = 150.75; × 1.25 = 188.4375 → 188, while rounding per step gives round(151 × 1.25) = 189.
    expect(commissionFor(percentage(750), { totalCents: 2010, quantity: 1 }, 12_500, nothingAccrued).cents).toBe(188);
  });

  it('keeps a month of small commissions exact (oracle: 1,000 × 10 % of 100 ¢ = 10,000 ¢ by hand)', () => {
    let total = 0;
    for (let i = 0; i < 1000; i++) {
      total += commissionFor(percentage(1000), { totalCents: 100, quantity: 1 }, 10_000, nothingAccrued).cents;
    }
    expect(total).toBe(10_000);
  });

  it('keeps sub-cent remainders exact across many orders (oracle: 333 × 3,335 ¢ × 10 % = 111,055.5 ¢ by hand)', () => {
    // Each order is 333.5 ¢ → 334 (half to even); no float running total is kept anywhere.
    let total = 0;
    for (let i = 0; i < 333; i++) {
      total += commissionFor(percentage(1000), { totalCents: 3335, quantity: 1 }, 10_000, nothingAccrued).cents;
    }
    expect(total).toBe(333 * 334);
  });
});

describe('commission rules', () => {
  it('pays flat amounts per unit and marginal tiered brackets', () => {
    const flat: RuleTerms = { ...percentage(0), kind: 'FLAT_PER_UNIT', basisPoints: null, flatCents: 1_250 };
    expect(commissionFor(flat, { totalCents: 60_000, quantity: 4 }, 10_000, nothingAccrued).cents).toBe(5_000);
    const tiered: RuleTerms = {
      ...percentage(0),
      kind: 'TIERED',
      basisPoints: null,
      brackets: [
        { upToCents: 50_000, basisPoints: 500 },
        { upToCents: null, basisPoints: 800 },
      ],
    };
    // 50 000 × 5% + 25 001 × 8% = 2500 + 2000.08 → 4500
    expect(commissionFor(tiered, { totalCents: 75_001, quantity: 1 }, 10_000, nothingAccrued).cents).toBe(4_500);
    expect(commissionFor(tiered, { totalCents: 40_000, quantity: 1 }, 10_000, nothingAccrued).cents).toBe(2_000);
  });

  it('holds the commission under what is left of the order and monthly caps', () => {
    const capped = percentage(1000, { orderCapCents: 1_500, monthlyCapCents: 5_000 });
    expect(commissionFor(capped, { totalCents: 20_000, quantity: 1 }, 10_000, nothingAccrued).cents).toBe(1_500);
    expect(commissionFor(capped, { totalCents: 20_000, quantity: 1 }, 10_000, { order: 1_000, month: 0 }).cents).toBe(500);
    expect(commissionFor(capped, { totalCents: 20_000, quantity: 1 }, 10_000, { order: 0, month: 4_900 }).cents).toBe(100);
    expect(commissionFor(capped, { totalCents: 20_000, quantity: 1 }, 10_000, { order: 0, month: 6_000 }).cents).toBe(0);
  });
});
