/**
 * Exact money arithmetic. Commissions are rational numbers of cents (an amount times basis points
 * times a tier multiplier); they are carried as an integer numerator over an integer denominator and
 * rounded once, at the end, half to even. No step goes through a binary float.
 */

/**
 * Rounds numerator / denominator to a whole number of cents, half to even: 2.5 → 2, 3.5 → 4,
 * -2.5 → -2. The denominator must be positive.
 */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  let rounded = quotient;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) rounded = quotient + 1n;
  return negative ? -rounded : rounded;
}

/** The first instant of the UTC month containing `at`. Statement periods are UTC calendar months. */
export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

export function addMonths(month: Date, count: number): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + count, 1));
}

/** "2026-03" for the month starting at `month`. */
export function periodKey(month: Date): string {
  return month.toISOString().slice(0, 7);
}

/** Parses "YYYY-MM" into the first instant of that UTC month, or null when it is not a month. */
export function parsePeriod(value: string): Date | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}
