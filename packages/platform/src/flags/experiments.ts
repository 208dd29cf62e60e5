import type { DataSource, EntityManager } from 'typeorm';
import { buildEvent } from '../events/catalog';
import { enqueueEvents } from '../events/outbox';
import type { PlatformFlags } from './client';
import type { FlagDefinition } from './definition';
import type { FlagContext } from './rules';

/**
 * Evaluates an experiment for a unit and records the exposure the first time this unit sees it, with an
 * `experiment.exposure_recorded` event through the caller's outbox: in the caller's transaction when given an
 * EntityManager (so the exposure commits with what exposed it), in one of its own when given the DataSource.
 * Later calls record nothing.
 */
export async function exposeExperiment<T>(
  deps: { db: DataSource | EntityManager; outboxSchema: string; flags: PlatformFlags },
  definition: FlagDefinition<T>,
  unit: { unitId: string; orgId: string; shopId: string | null; context?: FlagContext },
): Promise<{ value: T; variant?: string; recorded: boolean }> {
  const evaluation = deps.flags.evaluate(definition, { targetingKey: unit.unitId, orgId: unit.orgId, ...(unit.shopId ? { shopId: unit.shopId } : {}), ...unit.context });
  if (!evaluation.variant) return { value: evaluation.value, recorded: false };
  const variant = evaluation.variant;
  const record = async (manager: EntityManager) => {
    const rows = (await manager.query(
      `INSERT INTO platform.experiment_exposures (flag_key, unit_id, variant) VALUES ($1, $2, $3)
       ON CONFLICT (flag_key, unit_id) DO NOTHING RETURNING unit_id /* experiments.expose */`,
      [definition.key, unit.unitId, variant],
    )) as unknown[];
    if (rows.length === 0) return false;
    await enqueueEvents(manager, deps.outboxSchema, [
      buildEvent('experiment.exposure_recorded', { orgId: unit.orgId, shopId: unit.shopId, subjectId: `${definition.key}:${unit.unitId}`, data: { flagKey: definition.key, unitId: unit.unitId, variant } }),
    ]);
    return true;
  };
  const recorded = 'manager' in deps.db ? await deps.db.transaction(record) : await record(deps.db);
  return { value: evaluation.value, variant, recorded };
}

/** The variant each unit was first exposed to (null for a unit never exposed), in the order of `unitIds`. */
export async function recordedVariants(db: DataSource | EntityManager, flagKey: string, unitIds: readonly string[]): Promise<(string | null)[]> {
  const rows = (await db.query(`SELECT unit_id, variant FROM platform.experiment_exposures WHERE flag_key = $1 AND unit_id = ANY($2) /* experiments.recordedVariants */`, [
    flagKey,
    unitIds,
  ])) as { unit_id: string; variant: string }[];
  const byUnit = new Map(rows.map((row) => [row.unit_id, row.variant]));
  return unitIds.map((id) => byUnit.get(id) ?? null);
}

export interface VariantCounts {
  name: string;
  /** The share of units the experiment meant to give it, in percent. */
  weight: number;
  exposures: number;
  conversions: number;
}

export interface VariantResult extends VariantCounts {
  rate: number;
  /** 95 % Wald interval of the variant's own rate. */
  interval: [number, number];
  /** Against the first (control) variant: the difference of rates and its 95 % interval (two-proportion z, unpooled). */
  difference?: { value: number; interval: [number, number]; z: number; pValue: number };
}

export interface ExperimentAnalysis {
  variants: VariantResult[];
  /** Chi-square goodness of fit of the exposures against the weights; a mismatch (p < 0.001) means the split itself is broken. */
  sampleRatio: { chiSquare: number; degreesOfFreedom: number; pValue: number; mismatch: boolean };
}

const z95 = 1.959963984540054;
export const sampleRatioMismatchP = 0.001;

/**
 * Per-variant rates and a frequentist two-proportion z-test against the control (the first variant): the
 * interval of the difference uses the unpooled standard error, the p-value the pooled one.
 */
export function analyseExperiment(counts: VariantCounts[]): ExperimentAnalysis {
  const [control] = counts;
  const rateOf = (c: VariantCounts) => (c.exposures === 0 ? 0 : c.conversions / c.exposures);
  const variants = counts.map((c): VariantResult => {
    const rate = rateOf(c);
    const se = c.exposures === 0 ? 0 : Math.sqrt((rate * (1 - rate)) / c.exposures);
    const result: VariantResult = { ...c, rate, interval: [rate - z95 * se, rate + z95 * se] };
    if (control && c !== control && c.exposures > 0 && control.exposures > 0) {
      const p0 = rateOf(control);
      const value = rate - p0;
      const unpooled = Math.sqrt((rate * (1 - rate)) / c.exposures + (p0 * (1 - p0)) / control.exposures);
      const pooledRate = (c.conversions + control.conversions) / (c.exposures + control.exposures);
      const pooled = Math.sqrt(pooledRate * (1 - pooledRate) * (1 / c.exposures + 1 / control.exposures));
      const z = pooled === 0 ? 0 : value / pooled;
      result.difference = { value, interval: [value - z95 * unpooled, value + z95 * unpooled], z, pValue: 2 * normalSurvival(Math.abs(z)) };
    }
    return result;
  });
  const total = counts.reduce((sum, c) => sum + c.exposures, 0);
  const weights = counts.reduce((sum, c) => sum + c.weight, 0);
  const chiSquare = counts.reduce((sum, c) => {
    const expected = (total * c.weight) / weights;
    return expected === 0 ? sum : sum + (c.exposures - expected) ** 2 / expected;
  }, 0);
  const degreesOfFreedom = Math.max(1, counts.length - 1);
  const pValue = chiSquareSurvival(chiSquare, degreesOfFreedom);
  return { variants, sampleRatio: { chiSquare, degreesOfFreedom, pValue, mismatch: pValue < sampleRatioMismatchP } };
}

/** One variant's values of a continuous metric (e.g. the approved cents of each report with an approval), as sums. */
export interface MeanSample {
  name: string;
  count: number;
  sum: number;
  sumOfSquares: number;
}

export interface MeanResult {
  name: string;
  count: number;
  /** Null without a value. */
  mean: number | null;
  /** 95 % normal interval of the mean from the sample standard deviation; null below two values. */
  interval: [number, number] | null;
  /** Against the first (control) variant: Welch's unequal-variance standard error, large-sample z and p. */
  difference?: { value: number; interval: [number, number]; z: number; pValue: number };
}

/**
 * Per-variant means of a continuous metric and, against the control, the difference of means with a
 * two-sample z-test on Welch's standard error (large samples; no t correction). Variants with fewer than two
 * values, or a difference whose standard error is 0, get no interval.
 */
export function analyseMeans(samples: MeanSample[]): MeanResult[] {
  const stats = samples.map((s) => {
    const mean = s.count === 0 ? null : s.sum / s.count;
    const variance = s.count < 2 ? null : Math.max(0, (s.sumOfSquares - (s.sum * s.sum) / s.count) / (s.count - 1));
    return { ...s, mean, variance };
  });
  const [control] = stats;
  return stats.map((s): MeanResult => {
    const se = s.variance === null ? null : Math.sqrt(s.variance / s.count);
    const result: MeanResult = { name: s.name, count: s.count, mean: s.mean, interval: s.mean === null || se === null ? null : [s.mean - z95 * se, s.mean + z95 * se] };
    if (control && s !== control && s.mean !== null && control.mean !== null && s.variance !== null && control.variance !== null) {
      const welch = Math.sqrt(s.variance / s.count + control.variance / control.count);
      const value = s.mean - control.mean;
      if (welch > 0) result.difference = { value, interval: [value - z95 * welch, value + z95 * welch], z: value / welch, pValue: 2 * normalSurvival(Math.abs(value / welch)) };
    }
    return result;
  });
}

/** P(Z > z) for a standard normal, through erfc (Numerical Recipes' Chebyshev fit, error below 1.2e-7). */
export function normalSurvival(z: number): number {
  return erfc(z / Math.SQRT2) / 2;
}

function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y =
    t *
    Math.exp(
      -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? y : 2 - y;
}

/** P(X > x) for chi-square with k degrees of freedom: the regularized upper incomplete gamma Q(k/2, x/2). */
export function chiSquareSurvival(x: number, k: number): number {
  if (x <= 0) return 1;
  const a = k / 2;
  const half = x / 2;
  const lnGammaA = lnGamma(a);
  if (half < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 500 && Math.abs(term) > Math.abs(sum) * 1e-14; n++) {
      term *= half / (a + n);
      sum += term;
    }
    return 1 - sum * Math.exp(-half + a * Math.log(half) - lnGammaA);
  }
  // Continued fraction (Lentz) for Q directly, accurate in the tail.
  let b = half + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return Math.exp(-half + a * Math.log(half) - lnGammaA) * h;
}

function lnGamma(x: number): number {
  const g = [76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155, 0.001208650973866179, -0.000005395239384953];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let ser = 1.00000000019001;
  for (const coefficient of g) ser += coefficient / ++y;
  return -tmp + Math.log((2.5066282746310007 * ser) / x);
}
