import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Who an evaluation is for: OpenFeature's context, with the attributes targeting rules read. */
export interface FlagContext {
  targetingKey?: string;
  orgId?: string;
  shopId?: string;
  userId?: string;
  role?: string;
  plan?: string;
  [attribute: string]: unknown;
}

const ids = z.array(z.string().min(1).max(200)).max(10_000).optional();
const json: z.ZodType<unknown> = z.json();

/** A rule matches when every attribute it names holds one of the listed values. */
const target = z.object({ orgIds: ids, shopIds: ids, userIds: ids, roles: ids, plans: ids }).strict();

const variant = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a variant name is lower-case letters, digits, "_" or "-"'),
  value: json,
  weight: z.number().int().min(0).max(100),
});
const variants = z
  .array(variant)
  .min(2)
  .max(10)
  .refine((list) => list.reduce((sum, v) => sum + v.weight, 0) === 100, 'variant weights must add up to 100')
  .refine((list) => new Set(list.map((v) => v.name)).size === list.length, 'variant names must differ');

/** What serves a value: a fixed value, a sticky percentage of units, or weighted variants. */
const serve = z
  .object({ value: json.optional(), percentage: z.number().min(0).max(100).optional(), variants: variants.optional() })
  .strict()
  .refine((s) => (s.variants ? s.value === undefined && s.percentage === undefined : s.value !== undefined), 'serve either a value (optionally to a percentage) or variants');

const rule = z.object({ when: target.default({}), serve }).strict();

/** The stored configuration of one flag. Off: every evaluation answers the code default. */
export const flagStateSchema = z
  .object({
    enabled: z.boolean(),
    /** Which attribute identifies the unit a percentage or variant is sticky for. */
    unit: z.enum(['targetingKey', 'userId', 'shopId', 'orgId']).default('targetingKey'),
    rules: z.array(rule).max(100).default([]),
    /** What units no rule served get; without it, the code default. */
    fallthrough: serve.optional(),
  })
  .strict();

export type FlagState = z.output<typeof flagStateSchema>;
type Serve = z.output<typeof serve>;

export interface Resolution {
  value: unknown;
  variant?: string;
  reason: 'DISABLED' | 'TARGETING_MATCH' | 'SPLIT' | 'DEFAULT' | 'STATIC';
}

const attributeOf: Record<keyof z.output<typeof target>, keyof FlagContext> = {
  orgIds: 'orgId',
  shopIds: 'shopId',
  userIds: 'userId',
  roles: 'role',
  plans: 'plan',
};

/** The unit's place in 0..9999 for this flag: the same unit always lands in the same place, in every process. */
export function bucketOf(flagKey: string, unitId: string): number {
  return createHash('sha256').update(`${flagKey}\u0000${unitId}`).digest().readUInt32BE(0) % 10_000;
}

function matches(when: z.output<typeof target>, context: FlagContext): boolean {
  for (const [list, attribute] of Object.entries(attributeOf) as [keyof typeof attributeOf, keyof FlagContext][]) {
    const allowed = when[list];
    if (allowed === undefined) continue;
    const actual = context[attribute];
    if (typeof actual !== 'string' || !allowed.includes(actual)) return false;
  }
  return true;
}

/** A value, or undefined when a percentage leaves this unit out (the next rule is tried). */
function served(s: Serve, flagKey: string, unitId: string | undefined, reason: Resolution['reason']): Resolution | undefined {
  if (s.variants) {
    if (unitId === undefined) return undefined;
    let point = bucketOf(flagKey, unitId) / 100;
    for (const v of s.variants) {
      if (point < v.weight) return { value: v.value, variant: v.name, reason: 'SPLIT' };
      point -= v.weight;
    }
    return undefined;
  }
  if (s.percentage !== undefined) {
    if (unitId === undefined || bucketOf(flagKey, unitId) >= s.percentage * 100) return undefined;
    return { value: s.value, reason: 'SPLIT' };
  }
  return { value: s.value, reason };
}

/** Evaluates a stored state for a context; undefined means "answer the code default". */
export function resolveState(flagKey: string, state: FlagState, context: FlagContext): Resolution | undefined {
  if (!state.enabled) return { value: undefined, reason: 'DISABLED' };
  const unit = context[state.unit];
  const unitId = typeof unit === 'string' && unit !== '' ? unit : undefined;
  for (const r of state.rules) {
    if (!matches(r.when, context)) continue;
    const hit = served(r.serve, flagKey, unitId, 'TARGETING_MATCH');
    if (hit) return hit;
  }
  return state.fallthrough ? served(state.fallthrough, flagKey, unitId, 'STATIC') : undefined;
}

/** Every value a state can serve, to check each against the flag's schema before it is stored. */
export function valuesOf(state: FlagState): unknown[] {
  const of = (s: Serve) => (s.variants ? s.variants.map((v) => v.value) : [s.value]);
  return [...state.rules.flatMap((r) => of(r.serve)), ...(state.fallthrough ? of(state.fallthrough) : [])];
}
